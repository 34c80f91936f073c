import { expect } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../src/server/db/client.js';
import { congressRepresentatives, congressSessions, congressTerms, proposalAssignments, proposals } from '../../src/server/db/schema/index.js';
import type { Portfolio, Role } from '../../src/contracts/roles.js';
import { buildMember, buildSchool, buildUser, type createTestApp } from './test-app.js';
import { signIn, type Client, type Res } from './api.js';

/**
 * The stage of the proposal suites, built with Drizzle straight into the congress tables (the congress API is tested
 * on its own): two schools; in school A a past term (第1届) and the current one (第2届: 2 co-signers, 8 weeks to
 * reply), a session taking proposals now and one whose window has closed; representatives, an invited
 * representative (特邀), a representative of the past term, a member who is none of these; the chair, the 提案
 * committee member, another committee member, and three departments (handler accounts). School B has its chair, a
 * representative, a department and a session.
 */

type App = Awaited<ReturnType<typeof createTestApp>>;
const DAY = 86_400_000;

/** Inserts a congress term of a union. */
export async function insertTerm(database: Database, orgId: string, o: { number: number; startsOn: string; endsOn: string; form?: 'congress' | 'all_staff'; replyWeeks?: number; cosignersMin?: number }) {
  const [row] = await database.db
    .insert(congressTerms)
    .values({ orgId, number: o.number, years: 5, startsOn: o.startsOn, endsOn: o.endsOn, form: o.form ?? 'congress', replyWeeks: o.replyWeeks ?? 8, cosignersMin: o.cosignersMin ?? 2 })
    .returning();
  return row;
}

/** Inserts a session of a term with its proposal window (null: none set). */
export async function insertSession(database: Database, orgId: string, termId: string, o: { number: number; title: string; startsAt?: Date; opensAt: Date | null; closesAt: Date | null }) {
  const [row] = await database.db
    .insert(congressSessions)
    .values({ orgId, termId, number: o.number, title: o.title, startsAt: o.startsAt ?? new Date(Date.now() + 10 * DAY), proposalsOpenAt: o.opensAt, proposalsCloseAt: o.closesAt, checkinSecret: 'test-secret' })
    .returning();
  return row;
}

/** Inserts a mandate of a member in a term. */
export async function insertRepresentative(database: Database, orgId: string, termId: string, memberId: string, o: { kind?: 'representative' | 'invited' | 'observer'; status?: 'active' | 'replaced' | 'recalled' } = {}) {
  await database.db
    .insert(congressRepresentatives)
    .values({ orgId, termId, memberId, kind: o.kind ?? 'representative', status: o.status ?? 'active', category: 'teacher', electedOn: '2024-09-01' });
}

export type Person =
  | 'wang'
  | 'li'
  | 'zhou'
  | 'zhao'
  | 'chen'
  | 'sun'
  | 'guest'
  | 'former'
  | 'plain'
  | 'chair'
  | 'committee'
  | 'sports'
  | 'logistics'
  | 'academic'
  | 'personnel'
  | 'chairB'
  | 'repB'
  | 'handlerB';

/** Representatives of the current term in school A, with accounts. */
export const REPRESENTATIVES: Person[] = ['wang', 'li', 'zhou', 'zhao', 'chen', 'sun'];

const NAMES: Record<Person, string> = {
  wang: '王芳',
  li: '李强',
  zhou: '周敏',
  zhao: '赵磊',
  chen: '陈静',
  sun: '孙悦',
  guest: '特邀代表吴',
  former: '上届代表郑',
  plain: '普通会员冯',
  chair: '陈主席',
  committee: '提案委员',
  sports: '文体委员',
  logistics: '总务处',
  academic: '教务处',
  personnel: '人事处',
  chairB: '二中主席',
  repB: '二中代表',
  handlerB: '二中总务处',
};

/** Builds both schools, the terms, the sessions, the people (signed in) and their member files. */
export async function buildProposalStage(t: App) {
  const A = await buildSchool(t.database, '提案一中工会');
  const B = await buildSchool(t.database, '提案二中工会', A.district);
  const past = await insertTerm(t.database, A.union.id, { number: 1, startsOn: '2019-09-01', endsOn: '2024-08-31' });
  const term = await insertTerm(t.database, A.union.id, { number: 2, startsOn: '2024-09-01', endsOn: '2029-08-31' });
  const termB = await insertTerm(t.database, B.union.id, { number: 1, startsOn: '2024-09-01', endsOn: '2029-08-31' });
  const now = Date.now();
  const closed = await insertSession(t.database, A.union.id, term.id, { number: 1, title: '第二届教代会第一次会议', startsAt: new Date(now - DAY), opensAt: new Date(now - 9 * DAY), closesAt: new Date(now - 2 * DAY) });
  const open = await insertSession(t.database, A.union.id, term.id, { number: 2, title: '第二届教代会第二次会议', opensAt: new Date(now - DAY), closesAt: new Date(now + 7 * DAY) });
  const sessionB = await insertSession(t.database, B.union.id, termB.id, { number: 1, title: '二中第一届教代会第一次会议', opensAt: new Date(now - DAY), closesAt: new Date(now + 7 * DAY) });

  const c = {} as Record<Person, Client>;
  const user = {} as Record<Person, string>;
  const member = {} as Record<Person, string>;
  const person = async (who: Person, roles: { org: typeof A.union; role: Role; portfolio?: Portfolio }[], memberOf: typeof A.union | null) => {
    const u = await buildUser(t.database, roles, { name: NAMES[who] });
    user[who] = u.id;
    if (memberOf) member[who] = (await buildMember(t.database, memberOf, { name: NAMES[who], userId: u.id })).id;
    c[who] = await signIn(t.app, u.phone!);
  };
  for (const who of [...REPRESENTATIVES, 'guest', 'former', 'plain'] as Person[]) await person(who, [{ org: A.union, role: 'member' }], A.union);
  await person('chair', [{ org: A.union, role: 'chair' }], A.union);
  await person('committee', [{ org: A.union, role: 'committee', portfolio: '提案' }], A.union);
  await person('sports', [{ org: A.union, role: 'committee', portfolio: '文体' }], A.union);
  for (const who of ['logistics', 'academic', 'personnel'] as Person[]) await person(who, [{ org: A.union, role: 'handler' }], null);
  await person('chairB', [{ org: B.union, role: 'chair' }], B.union);
  await person('repB', [{ org: B.union, role: 'member' }], B.union);
  await person('handlerB', [{ org: B.union, role: 'handler' }], null);

  for (const who of REPRESENTATIVES) await insertRepresentative(t.database, A.union.id, term.id, member[who]);
  await insertRepresentative(t.database, A.union.id, term.id, member.guest, { kind: 'invited' });
  await insertRepresentative(t.database, A.union.id, past.id, member.former);
  await insertRepresentative(t.database, B.union.id, termB.id, member.repB);
  return { A, B, term, past, termB, open, closed, sessionB, c, user, member };
}

type Stage = Awaited<ReturnType<typeof buildProposalStage>>;

/**
 * The steps of handling through the API on a stage: a proposal of 王芳 co-signed by 李强 and 周敏, submitted and
 * accepted (立案) in a session (the open one by default); assigning it (总务处 leads, 教务处 assists, unless told
 * otherwise); the reply of a department (总务处 by default); a rating; and moving the current round's deadline as
 * time passing would — on the proposal and on the round's assignment rows.
 */
export function handlingSteps(t: App, s: Stage) {
  return {
    async accepted(title: string, sessionId = s.open.id): Promise<Record<string, any>> {
      const d = ok(
        await s.c.wang.post('/api/v1/proposals', { sessionId, title, category: '后勤保障', reasons: '理由充分', suggestions: '建议具体', cosignerMemberIds: [s.member.li, s.member.zhou] }),
        201,
      );
      ok(await s.c.li.post(`/api/v1/proposals/${d.id}/cosign`, { decision: 'confirm' }));
      ok(await s.c.zhou.post(`/api/v1/proposals/${d.id}/cosign`, { decision: 'confirm' }));
      ok(await s.c.wang.post(`/api/v1/proposals/${d.id}/submit`, { asOpinion: false }));
      return ok(await s.c.committee.post(`/api/v1/proposals/${d.id}/review`, { decision: 'accept' }));
    },
    assign: (id: string, over: Record<string, unknown> = {}) =>
      s.c.committee.post(`/api/v1/proposals/${id}/assign`, { leadUserId: s.user.logistics, assistUserIds: [s.user.academic], responsibleLeader: '张副校长', ...over }),
    reply: (id: string, resultCode = 'B', text = '已列入暑期改造计划', who = s.c.logistics) => who.post(`/api/v1/proposals/${id}/reply`, { resultCode, text }),
    rate: (who: Person, id: string, rating: string, comment = '') => s.c[who].post(`/api/v1/proposals/${id}/rate`, { rating, comment }),
    async setDeadline(id: string, day: string) {
      const [p] = await t.database.db.update(proposals).set({ replyDueOn: day }).where(eq(proposals.id, id)).returning({ round: proposals.round });
      await t.database.db.update(proposalAssignments).set({ replyDueOn: day }).where(and(eq(proposalAssignments.proposalId, id), eq(proposalAssignments.round, p.round)));
    },
  };
}

export const ok = <T = Record<string, any>>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
export const refused = (res: Res, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().error as { code: string; message: string; fields?: { path: string; message: string }[]; details?: Record<string, any> };
};
