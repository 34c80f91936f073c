import { and, eq } from 'drizzle-orm';
import { addDays, dueOnFor, shanghaiToday } from '../../domain/care/index.js';
import type { Db } from '../db/client.js';
import { careEvents, careEventTypes, careVisits } from '../db/schema/index.js';
import { applyCarePreset } from '../modules/care/care-policy.service.js';

type Inserted = { id: string; name: string }[];

/**
 * The first demo school's care work: the 福建 2018 standards, a hospital stay whose visit is overdue, a birth still
 * within its deadline (in 语文组, the demo group leader's group), and a retirement already visited. Roster indexes
 * follow seed-demo's roles: 0 chair, 4 生活福利 committee member, 8 语文组 leader.
 */
export async function seedCare(tx: Db, orgId: string, roster: Inserted, userOf: (index: number) => string): Promise<void> {
  await applyCarePreset(tx, orgId, 'fujian_2018', { userId: null, name: '系统' });
  const type = async (name: string) => {
    const [row] = await tx.select().from(careEventTypes).where(and(eq(careEventTypes.orgId, orgId), eq(careEventTypes.name, name)));
    return row;
  };
  const [hospital, birth, retirement] = [await type('生病住院'), await type('生育'), await type('退休')];
  const today = shanghaiToday(new Date());
  const event = (memberIndex: number, t: typeof hospital, daysAgo: number, details: string, reporter: number) => ({
    orgId,
    memberId: roster[memberIndex].id,
    typeId: t.id,
    occurredOn: addDays(today, -daysAgo),
    dueOn: dueOnFor(addDays(today, -daysAgo), t.deadlineDays),
    details,
    reportedBy: userOf(reporter),
  });
  const [, , retired] = await tx
    .insert(careEvents)
    .values([
      event(20, hospital, 5, '因病住院治疗，已住院五天', 4),
      event(24, birth, 1, '喜得千金，母女平安', 8),
      { ...event(33, retirement, 10, '光荣退休', 4), status: 'visited' as const },
    ])
    .returning({ id: careEvents.id });
  await tx.insert(careVisits).values({
    orgId,
    eventId: retired.id,
    memberId: roster[33].id,
    typeId: retirement.id,
    visitedOn: addDays(today, -8),
    method: 'home',
    visitors: [
      { userId: userOf(0), name: roster[0].name },
      { userId: userOf(4), name: roster[4].name },
    ],
    goods: '纪念品',
    amountFen: 50000,
    form: 'cash',
    notes: '座谈并送上退休纪念品和慰问金',
    fundCategory: '送温暖',
    payee: roster[33].name,
    recordedBy: userOf(4),
  });
}
