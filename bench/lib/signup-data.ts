import { completeMemberInput } from '../../src/domain/member-fields.js';
import { seededRandom } from '../../src/domain/seeded-random.js';
import type { Database } from '../../src/server/db/client.js';
import { members, orgs, roleAssignments, users } from '../../src/server/db/schema/index.js';
import { randomName } from '../../src/server/demo/names.js';
import { createSession, SESSION_COOKIE } from '../../src/server/modules/auth/sessions.js';
import { hashPassword } from '../../src/server/modules/auth/passwords.js';

/** The floor route the bench server adds next to the app's routes (under /api/, where the session hook looks). */
export const FLOOR_PATH = '/api/bench/floor';

const GROUPS = ['语文组', '数学组', '英语组', '理化生组', '政史地组', '艺体组', '信息技术组', '行政后勤组'];
const BATCH = 500;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A member of the benchmark union, signed in. */
export interface BenchMember {
  memberId: string;
  userId: string;
  /** `uh_session=<token>`, as the browser sends it after logging in. */
  cookie: string;
}

/** The benchmark union: its id, the chair's cookie and the signed-in members. */
export interface SignupData {
  unionId: string;
  chairCookie: string;
  members: BenchMember[];
}

/**
 * One school union with `count` members, each on the roster (在职, 会籍正常, in a 工会小组), with an account,
 * the 会员 role in the union and an open session; and a chair with a session. Sessions are created by the
 * app's own `createSession` (what a log-in does after checking the password), so the cookies are the app's.
 */
export async function seedSignupSchool(database: Database, count: number): Promise<SignupData> {
  const rand = seededRandom(20241203);
  const passwordHash = await hashPassword(`Bench-${Date.now().toString(36)}-Pw1`);
  const districtId = crypto.randomUUID();
  const unionId = crypto.randomUUID();
  const groupIds = GROUPS.map(() => crypto.randomUUID());
  const chairId = crypto.randomUUID();
  const people: { memberId: string; userId: string }[] = [];

  await database.db.transaction(async (tx) => {
    await tx.insert(orgs).values([
      { id: districtId, kind: 'parent', name: '报名压测区教育工会', path: `/${districtId}/` },
      { id: unionId, kind: 'grassroots', name: '报名压测学校工会', parentId: districtId, path: `/${districtId}/${unionId}/` },
      ...GROUPS.map((name, g) => ({ id: groupIds[g], kind: 'group' as const, name, parentId: unionId, path: `/${districtId}/${unionId}/${groupIds[g]}/`, department: name })),
    ]);
    await tx.insert(users).values({ id: chairId, phone: '13800000000', displayName: '林主席', passwordHash });
    await tx.insert(roleAssignments).values({ userId: chairId, orgId: unionId, role: 'chair' });

    for (let start = 0; start < count; start += BATCH) {
      const userRows: (typeof users.$inferInsert)[] = [];
      const memberRows: (typeof members.$inferInsert)[] = [];
      const roleRows: (typeof roleAssignments.$inferInsert)[] = [];
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const gender = rand() < 0.62 ? 'F' : 'M';
        const name = randomName(rand, gender);
        const phone = `139${pad(i + 1, 8)}`;
        const userId = crypto.randomUUID();
        const memberId = crypto.randomUUID();
        userRows.push({ id: userId, phone, displayName: name, passwordHash });
        roleRows.push({ userId, orgId: unionId, role: 'member' });
        const input = completeMemberInput({
          name,
          gender,
          phone,
          staffNo: `BM${pad(i + 1, 5)}`,
          department: GROUPS[i % GROUPS.length],
          postType: 'teacher',
          employmentStatus: 'active',
          membershipStatus: 'normal',
        });
        memberRows.push({ ...input, id: memberId, orgId: unionId, groupId: groupIds[i % GROUPS.length], userId, tags: [] } as typeof members.$inferInsert);
        people.push({ memberId, userId });
      }
      await tx.insert(users).values(userRows);
      await tx.insert(members).values(memberRows);
      await tx.insert(roleAssignments).values(roleRows);
    }
  });

  const cookieOf = (token: string) => `${SESSION_COOKIE}=${token}`;
  const chairCookie = cookieOf(await createSession(database.db, chairId, unionId));
  const out: BenchMember[] = [];
  for (const p of people) out.push({ ...p, cookie: cookieOf(await createSession(database.db, p.userId, unionId)) });
  return { unionId, chairCookie, members: out };
}
