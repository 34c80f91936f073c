import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { completeMemberInput } from '../../src/domain/member-fields.js';
import { toShanghaiIso } from '../../src/domain/activities/shanghai-time.js';
import type { App } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/client.js';
import { members, roleAssignments, sessions, users } from '../../src/server/db/schema/index.js';
import { SESSION_COOKIE, tokenHash } from '../../src/server/modules/auth/sessions.js';
import { client, type Client, type Res } from './api.js';

/*
 * The stage of the evaluation suites: people with an account, a member file and a session written in bulk (logging
 * in hundreds of times would only hash passwords), and the answers' helpers.
 */

/** A voter of the suites: their member file, account, name and phone, and a request client. */
export interface Voter {
  memberId: string;
  userId: string;
  name: string;
  phone: string;
  c: Client;
}

/** How the people of a crowd look on the roster. */
export interface CrowdOptions {
  prefix: string;
  /** A phone prefix of 4 digits (1 + 3), so that crowds never share numbers. */
  phonePrefix: string;
  postType?: (i: number) => 'teacher' | 'staff' | 'worker' | 'other';
  employmentStatus?: 'active' | 'retired';
  membershipStatus?: 'normal' | 'reserved';
  /** The app each person's client talks to (for two apps on PostgreSQL). */
  appOf?: (i: number) => App;
}

/** People of a union with the 会员 role, a member file and a signed-in client each. */
export async function crowd(database: Database, app: App, union: { id: string }, count: number, o: CrowdOptions): Promise<Voter[]> {
  const people = Array.from({ length: count }, (_, i) => ({ name: `${o.prefix}${String(i + 1).padStart(3, '0')}`, phone: `${o.phonePrefix}${String(i).padStart(7, '0')}` }));
  const userRows = await database.db.insert(users).values(people.map((p) => ({ displayName: p.name, phone: p.phone, passwordHash: 'not-used-for-log-in' }))).returning({ id: users.id });
  await database.db.insert(roleAssignments).values(userRows.map((r) => ({ userId: r.id, orgId: union.id, role: 'member' as const, portfolio: '' })));
  const memberRows = await database.db
    .insert(members)
    .values(
      people.map((p, i) => ({
        ...completeMemberInput({ name: p.name, staffNo: `${o.prefix}${i}`, phone: p.phone, postType: o.postType?.(i) ?? 'teacher', employmentStatus: o.employmentStatus ?? 'active', membershipStatus: o.membershipStatus ?? 'normal' }),
        orgId: union.id,
        userId: userRows[i].id,
        tags: [],
      })) as (typeof members.$inferInsert)[],
    )
    .returning({ id: members.id, userId: members.userId });
  const tokens = memberRows.map(() => randomBytes(32).toString('base64url'));
  await database.db.insert(sessions).values(memberRows.map((m, i) => ({ tokenHash: tokenHash(tokens[i]), userId: m.userId!, currentOrgId: union.id, expiresAt: new Date(Date.now() + 86_400_000) })));
  return memberRows.map((m, i) => ({ memberId: m.id, userId: m.userId!, name: people[i].name, phone: people[i].phone, c: client(o.appOf?.(i) ?? app, `${SESSION_COOKIE}=${tokens[i]}`) }));
}

/** The body of an answer with the expected status. */
export const ok = <T = Record<string, any>>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};

/** The error of an answer with the expected status. */
export const refused = (res: Res, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().error as { code: string; message: string; fields?: { path: string; message: string }[] };
};

const MINUTE = 60_000;
/** An instant `minutes` from now as the web sends it. */
export const inMinutes = (minutes: number) => toShanghaiIso(new Date(Date.now() + minutes * MINUTE));

/** A setup of two targets with the default scales, open from a minute ago for a day. */
export function setup(over: Record<string, unknown> = {}) {
  return {
    title: '2025年度校级领导班子成员民主测评',
    description: '请根据平时了解，实事求是地评价。',
    targets: [
      { name: '张建国', post: '党支部书记、校长' },
      { name: '李淑芬', post: '工会主席' },
    ],
    voters: { kind: 'members' },
    opensAt: inMinutes(-1),
    closesAt: inMinutes(24 * 60),
    ...over,
  };
}

/** A ballot for the targets of a detail: the same grade everywhere, an overall grade, and optional comments. */
export function ballot(detail: Record<string, any>, grade: number, overall = grade, comments: string[] = []) {
  const { targets, dimensions } = detail as { targets: { key: string }[]; dimensions: string[] };
  return { ratings: targets.map((t, i) => ({ targetKey: t.key, grades: dimensions.map(() => grade), overall, comment: comments[i] ?? '' })) };
}
