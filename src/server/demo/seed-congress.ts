import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { addDays, shanghaiToday } from '../../domain/care/index.js';
import { termEndsOn, voteOutcome } from '../../domain/congress/index.js';
import type { Db } from '../db/client.js';
import {
  congressAgendaItems,
  congressAttendance,
  congressConstituencies,
  congressRepresentatives,
  congressSessions,
  congressTerms,
  congressVotes,
  members,
  orgs,
} from '../db/schema/index.js';
import { PASSING_RULE } from '../../contracts/congress.js';

/** Constituencies of the demo term, each made of union groups of the first demo school. */
const CONSTITUENCIES: [string, string[]][] = [
  ['文科代表团', ['语文组', '英语组', '政治历史组']],
  ['理科代表团', ['数学组', '物理化学组', '生物地理组']],
  ['综合代表团', ['音体美组', '行政后勤组']],
];
const SEATS = 30;
/** Roster indexes of seed-demo's accounts: chair, vice chair, 组织 committee member, 语文组 leader, two members. */
const WITH_ACCOUNTS = [0, 1, 2, 8, 16, 17];
/** 中层以上 among the representatives: the chair, the vice chair and two more. */
const LEADERS = [0, 1, 2, 9];
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

/**
 * The first demo school's congress: 第三届教职工代表大会 (5 years, started last September) with three constituencies
 * and 30 representatives (one replaced after moving school, an invited retiree and an attending-only member), its
 * first session held with attendance and two votes on paper, and the second session coming in two weeks with its
 * agenda and the proposal window open now. Demo accounts 0, 1, 2, 8, 16 and 17 are representatives.
 */
export async function seedCongress(tx: Db, orgId: string, roster: { id: string }[]): Promise<void> {
  const ids = roster.map((r) => r.id);
  const files = await tx
    .select({ id: members.id, postType: members.postType, employment: members.employmentStatus, membership: members.membershipStatus, group: orgs.name })
    .from(members)
    .leftJoin(orgs, eq(orgs.id, members.groupId))
    .where(inArray(members.id, ids));
  const byId = new Map(files.map((f) => [f.id, f]));
  const file = (i: number) => byId.get(ids[i])!;
  const isEligible = (i: number) => file(i).employment === 'active' && file(i).membership === 'normal';

  const today = shanghaiToday(new Date());
  const startsOn = `${Number(today.slice(0, 4)) - 1}-09-01`;
  const [term] = await tx
    .insert(congressTerms)
    .values({ orgId, number: 3, form: 'congress', years: 5, startsOn, endsOn: termEndsOn(startsOn, 5) })
    .returning();
  const constituencies = await tx
    .insert(congressConstituencies)
    .values(CONSTITUENCIES.map(([name], position) => ({ orgId, termId: term.id, name, position })))
    .returning();
  const constituencyOf = (i: number) => constituencies[CONSTITUENCIES.findIndex(([, groups]) => groups.includes(file(i).group ?? ''))]?.id ?? null;

  // The seats: the account holders first, then the roster in order; the last one elected moves school a month in.
  const chosen = [...WITH_ACCOUNTS];
  for (let i = 0; chosen.length < SEATS + 1 && i < ids.length; i++) if (!chosen.includes(i) && isEligible(i)) chosen.push(i);
  const [leaving, successor] = [chosen[SEATS - 1], chosen[SEATS]];
  const rep = (i: number, electedOn: string) => ({
    orgId,
    termId: term.id,
    memberId: ids[i],
    constituencyId: constituencyOf(i),
    category: (file(i).postType === 'other' ? 'teacher' : file(i).postType) as 'teacher' | 'staff' | 'worker',
    isLeader: LEADERS.includes(i),
    electedOn,
  });
  const elected = await tx
    .insert(congressRepresentatives)
    .values(chosen.slice(0, SEATS).map((i) => ({ ...rep(i, addDays(startsOn, -10)), ...(i === leaving ? { status: 'replaced' as const, endedOn: addDays(startsOn, 30), endReason: '调离本校' } : {}) })))
    .returning({ id: congressRepresentatives.id, memberId: congressRepresentatives.memberId });
  const replacedId = elected.find((e) => e.memberId === ids[leaving])!.id;
  await tx.insert(congressRepresentatives).values({ ...rep(successor, addDays(startsOn, 30)), replacesId: replacedId });
  const retiree = ids.findIndex((_, i) => file(i).employment === 'retired');
  const observer = ids.findIndex((_, i) => isEligible(i) && !chosen.includes(i));
  await tx.insert(congressRepresentatives).values([
    { ...rep(retiree, addDays(startsOn, -10)), kind: 'invited' as const, constituencyId: null, isLeader: false },
    { ...rep(observer, addDays(startsOn, -10)), kind: 'observer' as const, constituencyId: null, isLeader: false },
  ]);

  // 第一次会议, held two months in: 28 of 30 present, two votes counted on paper.
  const firstDay = addDays(startsOn, 60);
  const voters = [...chosen.slice(0, SEATS).filter((i) => i !== leaving), successor];
  const [first, second] = await tx
    .insert(congressSessions)
    .values([
      { orgId, termId: term.id, number: 1, title: '第三届教职工代表大会第一次会议', startsAt: at(firstDay, '14:30'), place: '学校报告厅', status: 'closed' as const, checkinSecret: randomBytes(32).toString('base64url') },
      {
        orgId,
        termId: term.id,
        number: 2,
        title: '第三届教职工代表大会第二次会议',
        startsAt: at(addDays(today, 14), '14:30'),
        place: '学校报告厅',
        proposalsOpenAt: at(addDays(today, -7), '08:00'),
        proposalsCloseAt: at(addDays(today, 7), '17:00'),
        checkinSecret: randomBytes(32).toString('base64url'),
      },
    ])
    .returning();
  await tx.insert(congressAttendance).values(
    voters.map((i, n) => ({
      sessionId: first.id,
      orgId,
      memberId: ids[i],
      status: n < SEATS - 2 ? ('present' as const) : ('absent' as const),
      absenceReason: n === SEATS - 2 ? '病假' : n === SEATS - 1 ? '公出' : null,
      source: 'staff' as const,
      at: at(firstDay, '14:20'),
    })),
  );
  const firstAgenda = await tx
    .insert(congressAgendaItems)
    .values([
      { orgId, sessionId: first.id, position: 0, title: '学校工作报告', kind: 'report' as const },
      { orgId, sessionId: first.id, position: 1, title: '教职工绩效工资分配方案', kind: 'welfare' as const },
    ])
    .returning();
  const closed = (item: (typeof firstAgenda)[number], mode: 'named' | 'secret', yes: number, no: number, abstain: number) => {
    const outcome = voteOutcome({ base: SEATS, present: SEATS - 2, yes, no, abstain });
    return {
      orgId,
      sessionId: first.id,
      agendaItemId: item.id,
      title: item.title,
      mode,
      channel: 'paper' as const,
      status: 'closed' as const,
      base: SEATS,
      present: SEATS - 2,
      yes,
      no,
      abstain,
      passed: outcome.passed,
      result: { text: outcome.text, rule: PASSING_RULE },
      openedAt: at(firstDay, '15:30'),
      closedAt: at(firstDay, '15:50'),
    };
  };
  await tx.insert(congressVotes).values([closed(firstAgenda[0], 'named', 26, 1, 1), closed(firstAgenda[1], 'secret', 22, 4, 2)]);

  await tx.insert(congressAgendaItems).values(
    [
      ['学校工作报告', 'report', '校长作学校年度工作报告'],
      ['学校年度工作计划', 'plan', '审议学校下一年度工作计划'],
      ['教职工福利方案', 'welfare', '审议教职工节日慰问、疗休养等福利安排'],
      ['工会经费收支情况报告', 'report', '工会经费审查委员会报告经费收支情况'],
    ].map(([title, kind, description], position) => ({ orgId, sessionId: second.id, position, title, kind: kind as 'report' | 'plan' | 'welfare', description })),
  );
}
