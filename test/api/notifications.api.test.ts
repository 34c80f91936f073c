import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secondConnection } from '../support/test-db.js';
import { activities, activityRegistrations, activityTypes, notifications } from '../../src/server/db/schema/index.js';
import { sendActivityReminders } from '../../src/server/jobs/activity-reminders.job.js';
import { serverJobs, startJobRunner } from '../../src/server/jobs/job-runner.js';
import { notify } from '../../src/server/modules/notifications/notifications.service.js';
import { buildMember, buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { signIn, signInAt, type Client, type Res } from '../support/api.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
let A: Awaited<ReturnType<typeof buildSchool>>;
let B: Awaited<ReturnType<typeof buildSchool>>;
let typeA: string;

type Item = { id: string; kind: string; title: string; body: string; link: string | null; createdAt: string; readAt: string | null };
type List = { items: Item[]; unreadCount: number };

const ok = <T>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const list = async (c: Client, unread = false) => ok<List>(await c.get(`/api/v1/notifications${unread ? '?unread=1' : ''}`));
const markRead = async (c: Client, body: object) => ok<{ updated: number }>(await c.post('/api/v1/notifications/read', body));
const rowsOf = (userId: string) => t.database.db.select().from(notifications).where(eq(notifications.userId, userId));
const send = (userIds: string[], title: string, extra: Partial<Parameters<typeof notify>[1]> = {}) =>
  notify(t.database.db, { userIds, orgId: A.union.id, kind: 'signup_confirmed', title, ...extra });

beforeAll(async () => {
  t = await createTestApp();
  A = await buildSchool(t.database, '通知一小工会');
  B = await buildSchool(t.database, '通知二小工会', A.district);
  [{ id: typeA }] = await t.database.db.insert(activityTypes).values({ orgId: A.union.id, name: '文体', kind: 'culture_sport' }).returning({ id: activityTypes.id });
});
afterAll(async () => t.close());

describe('the bell', () => {
  it('lists the user’s own notifications newest first, with the unread count, and marks them read', async () => {
    const u = await buildUser(t.database, [{ org: A.union, role: 'member' }]);
    const other = await buildUser(t.database, [{ org: A.union, role: 'member' }]);
    const c = await signIn(t.app, u.phone!);
    expect(await list(c)).toEqual({ items: [], unreadCount: 0 });

    expect(await send([u.id, other.id], '报名成功：教职工羽毛球赛', { body: '12月3日 15:30，学校体育馆', link: '/activities/x' })).toBe(2);
    await new Promise((r) => setTimeout(r, 5));
    expect(await send([u.id], '活动已取消：读书分享会（原因：场地冲突）', { kind: 'activity_cancelled' })).toBe(1);

    const all = await list(c);
    expect(all.unreadCount).toBe(2);
    expect(all.items.map((i) => i.title)).toEqual(['活动已取消：读书分享会（原因：场地冲突）', '报名成功：教职工羽毛球赛']);
    expect(all.items[1]).toMatchObject({ kind: 'signup_confirmed', body: '12月3日 15:30，学校体育馆', link: '/activities/x', readAt: null });
    expect(all.items[0]).toMatchObject({ body: '', link: null });
    expect(Date.parse(all.items[0].createdAt)).toBeGreaterThan(Date.now() - 60_000);

    expect(await markRead(c, { ids: [all.items[1].id] })).toEqual({ updated: 1 });
    const after = await list(c);
    expect(after.unreadCount).toBe(1);
    expect(after.items[1].readAt).not.toBeNull();
    expect((await list(c, true)).items.map((i) => i.id)).toEqual([all.items[0].id]);

    // Marking again changes nothing; {all: true} reads the rest.
    expect(await markRead(c, { ids: [all.items[1].id] })).toEqual({ updated: 0 });
    expect(await markRead(c, { all: true })).toEqual({ updated: 1 });
    expect(await list(c)).toMatchObject({ unreadCount: 0 });
    expect(await list(c, true)).toEqual({ items: [], unreadCount: 0 });

    // The other user's notification was never touched.
    const [theirs] = await rowsOf(other.id);
    expect(theirs.readAt).toBeNull();
  });

  it('never marks another user’s notifications, by id or with {all: true}', async () => {
    const u = await buildUser(t.database, [{ org: A.union, role: 'member' }]);
    const victim = await buildUser(t.database, [{ org: A.union, role: 'member' }]);
    await send([victim.id], '报名成功：合唱排练');
    const [theirs] = await rowsOf(victim.id);
    const c = await signIn(t.app, u.phone!);
    expect(await markRead(c, { ids: [theirs.id] })).toEqual({ updated: 0 });
    expect(await markRead(c, { all: true })).toEqual({ updated: 0 });
    expect((await rowsOf(victim.id))[0].readAt).toBeNull();
    // Nor does the victim's notification show in anyone else's list.
    expect((await list(c)).items).toEqual([]);
  });

  it('shows a user their notifications from every organisation, whichever they are working in', async () => {
    const u = await buildUser(t.database, [{ org: A.union, role: 'member' }, { org: B.union, role: 'committee' }]);
    await send([u.id], '报名成功：一小的活动');
    await notify(t.database.db, { userIds: [u.id], orgId: B.union.id, kind: 'reminder', title: '明天的活动：二小的活动' });
    await notify(t.database.db, { userIds: [u.id], orgId: null, kind: 'activity_changed', title: '活动时间或地点有变：平台通知' });
    const inA = await signInAt(t.app, u.phone!, A.union.id);
    const inB = await signInAt(t.app, u.phone!, B.union.id);
    expect((await list(inA)).unreadCount).toBe(3);
    expect((await list(inB)).items.map((i) => i.title).sort()).toEqual((await list(inA)).items.map((i) => i.title).sort());
  });

  it('lists at most 50, newest first, while counting every unread one', async () => {
    const u = await buildUser(t.database, [{ org: A.union, role: 'member' }]);
    const base = Date.parse('2026-01-01T00:00:00Z');
    await t.database.db.insert(notifications).values(
      Array.from({ length: 60 }, (_, i) => ({ userId: u.id, orgId: A.union.id, kind: 'reminder', title: `通知${i}`, createdAt: new Date(base + i * 60_000) })),
    );
    const c = await signIn(t.app, u.phone!);
    const l = await list(c);
    expect(l.unreadCount).toBe(60);
    expect(l.items).toHaveLength(50);
    expect(l.items[0].title).toBe('通知59');
    expect(l.items[49].title).toBe('通知10');
  });

  it('needs a session and valid input', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read', payload: { all: true } })).statusCode).toBe(401);
    const u = await buildUser(t.database, [{ org: A.union, role: 'member' }]);
    const c = await signIn(t.app, u.phone!);
    expect((await c.post('/api/v1/notifications/read', { ids: ['not-a-uuid'] })).statusCode).toBe(400);
    expect((await c.post('/api/v1/notifications/read', { all: false })).statusCode).toBe(400);
    expect((await c.post('/api/v1/notifications/read', {})).statusCode).toBe(400);
  });
});

describe('notify', () => {
  it('inserts once per user and dedupe key, and counts only what it inserted', async () => {
    const u1 = await buildUser(t.database);
    const u2 = await buildUser(t.database);
    const key = (userId: string) => `test:once:${userId}`;
    expect(await send([u1.id, u1.id], '报名成功：重复用户')).toBe(1);
    expect(await send([u1.id], '从候补转为正式', { kind: 'promoted', dedupeKey: key })).toBe(1);
    expect(await send([u1.id, u2.id], '从候补转为正式', { kind: 'promoted', dedupeKey: key })).toBe(1);
    expect(await send([u1.id, u2.id], '从候补转为正式', { kind: 'promoted', dedupeKey: key })).toBe(0);
    expect(await rowsOf(u1.id)).toHaveLength(2);
    expect(await rowsOf(u2.id)).toHaveLength(1);
    expect(await send([], '没有人')).toBe(0);
  });

  it('sends nothing when the caller’s transaction rolls back', async () => {
    const u = await buildUser(t.database);
    await expect(
      t.database.db.transaction(async (tx) => {
        await notify(tx, { userIds: [u.id], orgId: A.union.id, kind: 'signup_confirmed', title: '报名成功：回滚' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await rowsOf(u.id)).toHaveLength(0);
  });
});

// ---- The day-before reminder ----

const HOUR = 3_600_000;

async function buildActivity(title: string, startsAt: Date, opts: { status?: 'published' | 'cancelled'; place?: string } = {}) {
  const [a] = await t.database.db
    .insert(activities)
    .values({
      orgId: A.union.id,
      typeId: typeA,
      title,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      place: opts.place ?? '学校体育馆',
      audience: { kind: 'all' },
      status: opts.status ?? 'published',
      checkinSecret: 'secret',
    })
    .returning();
  return a;
}

/** Registers new members (each with an account) with the given statuses; returns their user ids by status. */
async function register(activityId: string, statuses: ('confirmed' | 'waitlisted' | 'cancelled' | 'pending')[]) {
  const byStatus: Record<string, string[]> = {};
  for (const [i, status] of statuses.entries()) {
    const u = await buildUser(t.database, [{ org: A.union, role: 'member' }]);
    const m = await buildMember(t.database, A.union, { userId: u.id });
    await t.database.db.insert(activityRegistrations).values({ activityId, orgId: A.union.id, memberId: m.id, status, waitlistSeq: status === 'waitlisted' ? i + 1 : null });
    (byStatus[status] ??= []).push(u.id);
  }
  return byStatus;
}

const remindersOf = (activityId: string) =>
  t.database.db.select().from(notifications).where(and(eq(notifications.kind, 'reminder'), eq(notifications.link, `/activities/${activityId}`)));

/** Each reminder test lives in its own week, so activities of one test are never due at another's `now`. */
const week = (n: number) => new Date(Date.parse('2030-03-04T11:30:00Z') + n * 7 * 24 * HOUR);

describe('activity reminders', () => {
  it('reminds the confirmed registrants of an activity starting within 24 hours, once', async () => {
    const now = week(0); // 2030-03-04 19:30 in Shanghai
    const a = await buildActivity('教职工羽毛球赛', new Date(now.getTime() + 20 * HOUR));
    const regs = await register(a.id, ['confirmed', 'waitlisted', 'confirmed', 'cancelled', 'confirmed']);
    // A member without an account simply gets nothing.
    const noAccount = await buildMember(t.database, A.union, {});
    await t.database.db.insert(activityRegistrations).values({ activityId: a.id, orgId: A.union.id, memberId: noAccount.id, status: 'confirmed' });

    expect(await sendActivityReminders(t.database, now)).toEqual({ activities: 1, reminders: 3 });
    const sent = await remindersOf(a.id);
    expect(sent.map((n) => n.userId).sort()).toEqual([...regs.confirmed].sort());
    expect(sent[0]).toMatchObject({
      orgId: A.union.id,
      title: '明天的活动：教职工羽毛球赛',
      body: '3月5日 15:30 开始，地点：学校体育馆',
      link: `/activities/${a.id}`,
      readAt: null,
    });
    const start = new Date(now.getTime() + 20 * HOUR).toISOString();
    expect(new Set(sent.map((n) => n.dedupeKey))).toEqual(new Set(regs.confirmed.map((u) => `reminder:${a.id}:${start}:${u}`)));
    const [claimed] = await t.database.db.select().from(activities).where(eq(activities.id, a.id));
    expect(claimed.reminderSentAt?.getTime()).toBe(now.getTime());

    // The next minute, and the minute after, send nothing more.
    expect(await sendActivityReminders(t.database, new Date(now.getTime() + 60_000))).toEqual({ activities: 0, reminders: 0 });
    expect(await sendActivityReminders(t.database, new Date(now.getTime() + 120_000))).toEqual({ activities: 0, reminders: 0 });
    expect(await remindersOf(a.id)).toHaveLength(3);
    // The member sees it in the bell.
    const [userId] = regs.confirmed;
    const { phone } = (await t.database.query<{ phone: string }>('SELECT phone FROM users WHERE id = $1', [userId]))[0];
    expect((await list(await signIn(t.app, phone))).items[0]).toMatchObject({ kind: 'reminder', title: '明天的活动：教职工羽毛球赛' });
  });

  it('says 今天 when the activity starts later the same day, and leaves out an empty place', async () => {
    const now = week(1); // 19:30 in Shanghai
    const a = await buildActivity('晚间读书会', new Date(now.getTime() + 2 * HOUR), { place: '' });
    await register(a.id, ['confirmed']);
    await sendActivityReminders(t.database, now);
    expect(await remindersOf(a.id)).toMatchObject([{ title: '今天的活动：晚间读书会', body: '3月11日 21:30 开始' }]);
  });

  it('skips activities starting in more than 24 hours, already started, or cancelled', async () => {
    const now = week(2);
    const later = await buildActivity('30 小时后的活动', new Date(now.getTime() + 30 * HOUR));
    const started = await buildActivity('已经开始的活动', new Date(now.getTime() - HOUR));
    const cancelled = await buildActivity('已取消的活动', new Date(now.getTime() + 5 * HOUR), { status: 'cancelled' });
    for (const a of [later, started, cancelled]) await register(a.id, ['confirmed', 'confirmed']);

    expect(await sendActivityReminders(t.database, now)).toEqual({ activities: 0, reminders: 0 });
    for (const a of [later, started, cancelled]) expect(await remindersOf(a.id)).toHaveLength(0);
    const rows = await t.database.db.select().from(activities).where(inArray(activities.id, [later.id, started.id, cancelled.id]));
    expect(rows.every((r) => r.reminderSentAt === null)).toBe(true);

    // Seven hours later the 30-hour one is within 24 hours, and is reminded then.
    expect(await sendActivityReminders(t.database, new Date(now.getTime() + 7 * HOUR))).toEqual({ activities: 1, reminders: 2 });
    expect(await remindersOf(later.id)).toHaveLength(2);
    expect(await remindersOf(cancelled.id)).toHaveLength(0);
  });

  it('sends each reminder once when several processes run the job at the same moment', async () => {
    const now = week(3);
    // A second connection pool on the same database stands for a second app process (PGlite has one connection).
    const other = await secondConnection(t.database);
    const second = other.database;
    try {
      const one = await buildActivity('教职工羽毛球赛', new Date(now.getTime() + 20 * HOUR));
      const regs = await register(one.id, ['confirmed', 'waitlisted', 'confirmed', 'cancelled', 'confirmed']);
      // Enough activities for several claim batches, so the runs really overlap.
      const many = [];
      for (let i = 0; i < 45; i++) many.push(await buildActivity(`第${i + 1}场活动`, new Date(now.getTime() + (i + 1) * 20 * 60_000)));
      const [[u1], [u2]] = [await register(many[0].id, ['confirmed']), await register(many[44].id, ['confirmed'])].map((r) => r.confirmed);
      const oneUserMany = await buildUser(t.database);
      const oneMember = await buildMember(t.database, A.union, { userId: oneUserMany.id });
      await t.database.db.insert(activityRegistrations).values(many.map((a) => ({ activityId: a.id, orgId: A.union.id, memberId: oneMember.id, status: 'confirmed' as const })));

      const runs = await Promise.all([
        sendActivityReminders(t.database, now),
        sendActivityReminders(second, now),
        sendActivityReminders(t.database, now),
        sendActivityReminders(second, now),
      ]);
      expect(runs.reduce((s, r) => s + r.activities, 0)).toBe(46);
      expect(runs.reduce((s, r) => s + r.reminders, 0)).toBe(3 + 2 + 45);
      expect((await remindersOf(one.id)).map((n) => n.userId).sort()).toEqual([...regs.confirmed].sort());
      expect(await rowsOf(oneUserMany.id)).toHaveLength(45);
      expect(await rowsOf(u1)).toHaveLength(1);
      expect(await rowsOf(u2)).toHaveLength(1);

      // And again, from both "processes": nothing more.
      const again = await Promise.all([sendActivityReminders(t.database, now), sendActivityReminders(second, now)]);
      expect(again).toEqual([{ activities: 0, reminders: 0 }, { activities: 0, reminders: 0 }]);
      expect(await remindersOf(one.id)).toHaveLength(3);
    } finally {
      await other.close();
    }
  });

  it('does not remind a confirmed registrant twice even if the activity is claimed again', async () => {
    const now = week(4);
    const a = await buildActivity('改期的活动', new Date(now.getTime() + 10 * HOUR));
    await register(a.id, ['confirmed', 'confirmed']);
    expect((await sendActivityReminders(t.database, now)).reminders).toBe(2);
    // E.g. the organiser moves it and the reminder is claimable again: the dedupe key still holds.
    await t.database.db.update(activities).set({ reminderSentAt: null }).where(eq(activities.id, a.id));
    expect(await sendActivityReminders(t.database, now)).toEqual({ activities: 1, reminders: 0 });
    expect(await remindersOf(a.id)).toHaveLength(2);
  });
});

describe('job runner', () => {
  it('runs the reminder job at once and every interval, logs a failing job without stopping, and stops cleanly', async () => {
    const now = week(5);
    const a = await buildActivity('运行器测试活动', new Date(now.getTime() + 3 * HOUR));
    await register(a.id, ['confirmed']);

    const logged: string[] = [];
    let failures = 0;
    let runsAfterFailure = 0;
    const failing = {
      name: '总是出错',
      run: async () => {
        failures++;
        throw new Error('数据库暂时不可用');
      },
    };
    const counter = { name: '计数', run: async () => void runsAfterFailure++ };
    const runner = startJobRunner([...serverJobs(t.database), failing, counter], { intervalMs: 20, log: (m) => logged.push(m), clock: () => now });
    await waitFor(() => failures >= 3 && runsAfterFailure >= 3);
    await runner.stop();
    const stoppedAt = { failures, runsAfterFailure };

    expect(await remindersOf(a.id)).toHaveLength(1);
    expect(logged[0]).toContain('定时任务“总是出错”出错');
    expect(logged[0]).toContain('数据库暂时不可用');
    expect(logged.every((m) => m.includes('总是出错'))).toBe(true);
    await new Promise((r) => setTimeout(r, 80));
    expect({ failures, runsAfterFailure }).toEqual(stoppedAt);
  });
});

async function waitFor(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}


