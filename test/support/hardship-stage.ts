import { expect } from 'vitest';
import type { Portfolio, Role } from '../../src/contracts/roles.js';
import { buildMember, buildSchool, buildUser, type createTestApp } from './test-app.js';
import { signIn, type Client, type Res } from './api.js';

/**
 * The stage of the hardship suites: two schools of one district and one person for every role that must or must not
 * reach hardship files and women's health data — the keepers (chair, 生活福利, 女工), the member with a file, and
 * everyone else.
 */

export type Who =
  | 'chair'
  | 'welfare'
  | 'self'
  | 'vice'
  | 'women'
  | 'sports'
  | 'leader'
  | 'otherMember'
  | 'parentAdmin'
  | 'parentChair'
  | 'platformAdmin'
  | 'chairB'
  | 'welfareB';

/** Everyone but school A's keepers: each must get 403 for a list and 404 for a file. */
export const OUTSIDERS: Who[] = ['self', 'vice', 'women', 'sports', 'leader', 'otherMember', 'parentAdmin', 'parentChair', 'platformAdmin', 'chairB', 'welfareB'];

export const YEAR = 2026;
/** 低保线 850.00 元 per person per month. */
export const LINE = 85_000;
/** Distinctive figures, so that any leak of them into a body or the audit trail is found by text search. */
export const INCOME = 2_345_671;
export const COSTS = 123_457;
/** (INCOME − COSTS) ÷ 12 ÷ 3 in fen, rounded down. */
export const PER_CAPITA = 61_728;
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(120, 7)]);

type App = Awaited<ReturnType<typeof createTestApp>>;

/** Builds the schools, the people (signed in) and four members: 李秀英 (F) and 王建国 with accounts, 赵红梅 (F), one of school B. */
export async function buildHardshipStage(t: App) {
  const A = await buildSchool(t.database, '帮扶一小工会');
  const B = await buildSchool(t.database, '帮扶二小工会', A.district);
  const c = {} as Record<Who, Client>;
  const users = {} as Record<Who, { id: string; displayName: string }>;
  const person = async (who: Who, roles: { org: typeof A.union; role: Role; portfolio?: Portfolio }[], name: string, isPlatformAdmin = false) => {
    const u = await buildUser(t.database, roles, { name, isPlatformAdmin });
    users[who] = u;
    c[who] = await signIn(t.app, u.phone!);
    return u;
  };
  await person('chair', [{ org: A.union, role: 'chair' }], '一小主席');
  await person('welfare', [{ org: A.union, role: 'committee', portfolio: '生活福利' }], '生活福利委员');
  const self = await person('self', [{ org: A.union, role: 'member' }], '李秀英');
  await person('vice', [{ org: A.union, role: 'vice_chair' }], '一小副主席');
  await person('women', [{ org: A.union, role: 'committee', portfolio: '女工' }], '女工委员');
  await person('sports', [{ org: A.union, role: 'committee', portfolio: '文体' }], '文体委员');
  await person('leader', [{ org: A.groupA, role: 'group_leader' }], '语文组组长');
  const other = await person('otherMember', [{ org: A.union, role: 'member' }], '王建国');
  await person('parentAdmin', [{ org: A.district, role: 'parent_admin' }], '区工会管理员');
  await person('parentChair', [{ org: A.district, role: 'chair' }], '区工会主席');
  await person('platformAdmin', [], '平台管理员', true);
  await person('chairB', [{ org: B.union, role: 'chair' }], '二小主席');
  await person('welfareB', [{ org: B.union, role: 'committee', portfolio: '生活福利' }], '二小生活福利委员');
  const selfMemberId = (await buildMember(t.database, A.union, { name: '李秀英', gender: 'F', groupId: A.groupA.id, userId: self.id })).id;
  const otherMemberId = (await buildMember(t.database, A.union, { name: '王建国', groupId: A.groupA.id, userId: other.id })).id;
  const thirdMemberId = (await buildMember(t.database, A.union, { name: '赵红梅', gender: 'F', groupId: A.groupB.id })).id;
  const memberBId = (await buildMember(t.database, B.union, { name: '二小会员' })).id;
  await setLine(t, A.union.id, YEAR, LINE);

  /** A file's input for 李秀英 in YEAR (3 people, INCOME and COSTS: 深度困难); `over` changes any field. */
  const fileInput = (over: Record<string, unknown> = {}) => ({
    memberId: selfMemberId,
    year: YEAR,
    householdSize: 3,
    annualIncomeFen: INCOME,
    unavoidableCostsFen: COSTS,
    household: [{ name: '李小明', relation: '子女', note: '在读初中' }],
    reasons: '配偶长期患病',
    ...over,
  });
  return { A, B, c, users, selfMemberId, otherMemberId, thirdMemberId, memberBId, fileInput };
}
export type HardshipStage = Awaited<ReturnType<typeof buildHardshipStage>>;

/** Sets a union's 低保线 for a year (as the care policy's PUT stores it). */
export const setLine = (t: App, orgId: string, year: number, monthlyFen: number) =>
  t.database.query(
    'INSERT INTO care_poverty_lines (org_id, year, monthly_fen) VALUES ($1, $2, $3) ON CONFLICT (org_id, year) DO UPDATE SET monthly_fen = $3',
    [orgId, year, monthlyFen],
  );

/** The body of a response with the expected status. */
export const ok = <T = Record<string, any>>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
/** The first field problem of a 400. */
export const fieldOf = (res: Res) => {
  expect(res.statusCode, res.body).toBe(400);
  return res.json().error.fields[0] as { path: string; message: string };
};
/** The error message of a response with the expected status. */
export const errorOf = (res: Res, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().error.message as string;
};
