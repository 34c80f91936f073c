import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeMemberInput } from '../../src/domain/member-fields.js';
import { toShanghaiIso } from '../../src/domain/activities/shanghai-time.js';
import { members, roleAssignments, sessions, users } from '../../src/server/db/schema/index.js';
import { SESSION_COOKIE, tokenHash } from '../../src/server/modules/auth/sessions.js';
import { verifyAuditTrail } from '../../src/server/modules/audit/audit.service.js';
import { buildApp, type App } from '../../src/server/app.js';
import { buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { secondConnection } from '../support/test-db.js';
import { client, countRows, signIn, type Client } from '../support/api.js';

/**
 * Capacity and the wait-list under concurrency (issue: 300 members for 50 seats): every sign-up answers 200,
 * exactly the capacity is confirmed, the rest wait in order, and cancellations promote the first waiting — on
 * PostgreSQL through two apps with separate connection pools, as two processes would.
 */

const MEMBERS = 300;
const SEATS = 50;
const CANCELLATIONS = 10;

let t: Awaited<ReturnType<typeof createTestApp>>;
let chair: Client;
let activityId: string;
const crowd: { memberId: string; c: Client }[] = [];
let second: Awaited<ReturnType<typeof secondConnection>>;
let secondApp: App;

beforeAll(async () => {
  t = await createTestApp();
  const school = await buildSchool(t.database, '并发报名小学工会');
  const u = await buildUser(t.database, [{ org: school.union, role: 'chair' }], { name: '并发主席' });
  chair = await signIn(t.app, u.phone!);

  // 300 accounts with a member file and a session each, written in bulk: logging in 300 times would spend the
  // test's time hashing passwords, which is not what it is about.
  const people = Array.from({ length: MEMBERS }, (_, i) => ({ name: `会员${String(i + 1).padStart(3, '0')}`, phone: `136${String(i).padStart(8, '0')}` }));
  const userRows = await t.database.db
    .insert(users)
    .values(people.map((p) => ({ displayName: p.name, phone: p.phone, passwordHash: 'not-used-for-log-in' })))
    .returning({ id: users.id, phone: users.phone });
  const byPhone = new Map(userRows.map((r) => [r.phone, r.id]));
  await t.database.db.insert(roleAssignments).values(userRows.map((r) => ({ userId: r.id, orgId: school.union.id, role: 'member' as const, portfolio: '' })));
  const memberRows = await t.database.db
    .insert(members)
    .values(
      people.map((p, i) => ({
        ...completeMemberInput({ name: p.name, staffNo: `CC${i}` }),
        orgId: school.union.id,
        userId: byPhone.get(p.phone)!,
        gender: i % 2 ? ('F' as const) : ('M' as const),
        tags: [],
      })) as (typeof members.$inferInsert)[],
    )
    .returning({ id: members.id, userId: members.userId });
  const tokens = memberRows.map(() => randomBytes(32).toString('base64url'));
  await t.database.db.insert(sessions).values(
    memberRows.map((m, i) => ({ tokenHash: tokenHash(tokens[i]), userId: m.userId!, currentOrgId: school.union.id, expiresAt: new Date(Date.now() + 86_400_000) })),
  );
  // On PostgreSQL a second app with its own connection pool stands for a second process behind the load balancer:
  // every other member's requests go to it. (The embedded database is one process by nature.)
  second = await secondConnection(t.database);
  secondApp = second.database === t.database ? t.app : await buildApp(second.database, { isCookieSecure: false, allowedOrigins: [], logLevel: 'silent' });
  memberRows.forEach((m, i) => crowd.push({ memberId: m.id, c: client(i % 2 ? secondApp : t.app, `${SESSION_COOKIE}=${tokens[i]}`) }));

  const types = (await chair.get('/api/v1/activity-types')).json();
  const now = Date.now();
  const res = await chair.post('/api/v1/activities', {
    typeId: types.items[0].id,
    title: '新年音乐会',
    startsAt: toShanghaiIso(new Date(now + 3 * 86_400_000)),
    endsAt: toShanghaiIso(new Date(now + 3 * 86_400_000 + 7_200_000)),
    place: '学校礼堂',
    audience: { kind: 'all' },
    capacity: SEATS,
    signupOpensAt: toShanghaiIso(new Date(now - 3_600_000)),
    signupClosesAt: toShanghaiIso(new Date(now + 86_400_000)),
  });
  expect(res.statusCode, res.body).toBe(201);
  activityId = res.json().ids[0];
});
afterAll(async () => {
  if (secondApp !== t.app) await secondApp.close();
  await second.close();
  await t.close();
});

const regCount = (status: string) => countRows(t.database, 'activity_registrations', 'activity_id = $1 AND status = $2', [activityId, status]);
const confirmedCount = async () => (await t.database.query<{ n: number }>('SELECT confirmed_count AS n FROM activities WHERE id = $1', [activityId]))[0].n;

describe('concurrent sign-up', () => {
  it(`gives ${SEATS} seats to ${MEMBERS} members signing up at once and wait-lists the rest, without an error`, async () => {
    const answers = await Promise.all(crowd.map((p) => p.c.post(`/api/v1/activities/${activityId}/registrations`, { answers: {} })));
    const failed = answers.filter((r) => r.statusCode !== 200);
    expect(failed.map((r) => `${r.statusCode} ${r.body}`)).toEqual([]);
    const statuses = answers.map((r) => r.json().status as string);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(SEATS);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(MEMBERS - SEATS);
    // Each waiting member's page shows a different place: 1 … 250, in the order of their wait-list numbers.
    const waiting = crowd.filter((_, i) => statuses[i] === 'waitlisted');
    const places = await Promise.all(waiting.map(async (p) => (await p.c.get(`/api/v1/activities/${activityId}`)).json().me.waitlistPosition as number));
    expect([...places].sort((x, y) => x - y)).toEqual(Array.from({ length: MEMBERS - SEATS }, (_, i) => i + 1));

    expect(await regCount('confirmed')).toBe(SEATS);
    expect(await regCount('waitlisted')).toBe(MEMBERS - SEATS);
    expect(await confirmedCount()).toBe(SEATS);
    expect(await countRows(t.database, 'activity_registrations', 'activity_id = $1', [activityId])).toBe(MEMBERS);
    const [{ distinct }] = await t.database.query<{ distinct: number }>(
      "SELECT count(DISTINCT waitlist_seq)::int AS distinct FROM activity_registrations WHERE activity_id = $1 AND status = 'waitlisted'",
      [activityId],
    );
    expect(distinct).toBe(MEMBERS - SEATS);
    expect(await countRows(t.database, 'notifications', "kind = 'signup_confirmed'")).toBe(SEATS);
    expect(await countRows(t.database, 'notifications', "kind = 'signup_waitlisted'")).toBe(MEMBERS - SEATS);
    expect((await chair.get(`/api/v1/activities/${activityId}`)).json()).toMatchObject({ phase: 'full', confirmedCount: SEATS, waitlistCount: MEMBERS - SEATS });
    // Each sign-up is audited in its member's own chain (so the burst never queued on one organisation-wide lock),
    // and every chain verifies.
    const [{ chains }] = await t.database.query<{ chains: number }>(
      "SELECT count(DISTINCT chain_key)::int AS chains FROM audit_events WHERE action = 'registration.created' AND chain_key LIKE 'member:%'",
    );
    expect(chains).toBe(MEMBERS);
    expect((await verifyAuditTrail(t.database.db)).breaks).toEqual([]);
  });

  it(`promotes exactly the ${CANCELLATIONS} first waiting when ${CANCELLATIONS} confirmed members cancel at once`, async () => {
    const waiting = await t.database.query<{ member_id: string }>(
      "SELECT member_id FROM activity_registrations WHERE activity_id = $1 AND status = 'waitlisted' ORDER BY waitlist_seq",
      [activityId],
    );
    const firstWaiting = waiting.slice(0, CANCELLATIONS).map((w) => w.member_id).sort();
    const confirmed = await t.database.query<{ member_id: string }>(
      "SELECT member_id FROM activity_registrations WHERE activity_id = $1 AND status = 'confirmed' ORDER BY member_id LIMIT $2",
      [activityId, CANCELLATIONS],
    );
    const leaving = crowd.filter((p) => confirmed.some((c) => c.member_id === p.memberId));
    expect(leaving).toHaveLength(CANCELLATIONS);

    const answers = await Promise.all(leaving.map((p) => p.c.delete(`/api/v1/activities/${activityId}/registrations/me`)));
    expect(answers.filter((r) => r.statusCode !== 200).map((r) => `${r.statusCode} ${r.body}`)).toEqual([]);
    expect(answers.every((r) => r.json().status === 'cancelled')).toBe(true);

    const promoted = await t.database.query<{ member_id: string }>(
      'SELECT member_id FROM activity_registrations WHERE activity_id = $1 AND promoted_at IS NOT NULL ORDER BY member_id',
      [activityId],
    );
    expect(promoted.map((p) => p.member_id)).toEqual(firstWaiting);
    expect(await regCount('confirmed')).toBe(SEATS);
    expect(await confirmedCount()).toBe(SEATS);
    expect(await regCount('cancelled')).toBe(CANCELLATIONS);
    expect(await regCount('waitlisted')).toBe(MEMBERS - SEATS - CANCELLATIONS);
    expect(await countRows(t.database, 'notifications', "kind = 'promoted'")).toBe(CANCELLATIONS);
    expect(await countRows(t.database, 'audit_events', "action = 'registration.promoted'")).toBe(CANCELLATIONS);
    // The next in line is now first.
    const next = crowd.find((p) => p.memberId === waiting[CANCELLATIONS].member_id)!;
    expect((await next.c.get(`/api/v1/activities/${activityId}`)).json().me).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });
});
