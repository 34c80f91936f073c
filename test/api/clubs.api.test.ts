import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityAttendance, activityTypes } from '../../src/server/db/schema/index.js';
import { buildMember, buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { countRows, signIn, type Client, type Res } from '../support/api.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
let A: Awaited<ReturnType<typeof buildSchool>>;
let B: Awaited<ReturnType<typeof buildSchool>>;
let chairA: Client;
let chairB: Client;
let leaderA: Client;
let memberA: Client;
let m: Record<string, { id: string; name: string }>;

type ClubMember = { memberId: string; name: string; groupName: string | null; attended: number };
type Club = {
  id: string;
  name: string;
  description: string | null;
  leaderMemberId: string | null;
  leaderName: string | null;
  memberCount: number;
  activityCount: number;
  archived: boolean;
  members: ClubMember[];
  activities: { id: string; title: string; audienceLabel: string; clubName: string | null; phase: string; me: { isInvited: boolean; attendedAt: string | null; status: string | null } | null }[];
  canManage: boolean;
};

const ok = <T>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const fieldOf = (res: Res) => res.json().error.fields?.[0] as { path: string; message: string } | undefined;
const lastAudit = async () =>
  (await t.database.query<{ action: string; changes: Record<string, { from?: unknown; to?: unknown }> }>('SELECT action, changes FROM audit_events ORDER BY id DESC LIMIT 1'))[0];
const createClub = async (c: Client, body: object) => ok<Club>(await c.post('/api/v1/clubs', body), 201);
const names = (club: Club) => club.members.map((x) => x.name).sort();

beforeAll(async () => {
  t = await createTestApp();
  A = await buildSchool(t.database, '兴趣小组一中工会');
  B = await buildSchool(t.database, '兴趣小组二中工会', A.district);
  chairA = await signIn(t.app, (await buildUser(t.database, [{ org: A.union, role: 'chair' }])).phone!);
  chairB = await signIn(t.app, (await buildUser(t.database, [{ org: B.union, role: 'chair' }])).phone!);
  const leaderUser = await buildUser(t.database, [{ org: A.union, role: 'member' }], { name: '林组长' });
  const memberUser = await buildUser(t.database, [{ org: A.union, role: 'member' }], { name: '普通会员' });
  leaderA = await signIn(t.app, leaderUser.phone!);
  memberA = await signIn(t.app, memberUser.phone!);
  m = {
    lin: await buildMember(t.database, A.union, { name: '林组长', userId: leaderUser.id, groupId: A.groupA.id }),
    ma: await buildMember(t.database, A.union, { name: '马丽', userId: memberUser.id, groupId: A.groupB.id }),
    hu: await buildMember(t.database, A.union, { name: '胡军', groupId: A.groupA.id }),
    // Retirees may join a club; someone transferred out may not.
    lao: await buildMember(t.database, A.union, { name: '老书法家', employmentStatus: 'retired', membershipStatus: 'reserved' }),
    gone: await buildMember(t.database, A.union, { name: '何平', employmentStatus: 'transferred', membershipStatus: 'transferred_out' }),
    other: await buildMember(t.database, B.union, { name: '二中会员' }),
  };
});
afterAll(async () => t.close());

describe('creating and editing clubs', () => {
  it('creates a club whose leader is its first member, audited', async () => {
    const before = await countRows(t.database, 'audit_events');
    const club = await createClub(chairA, { name: '羽毛球俱乐部', description: '每周三下午活动', leaderMemberId: m.lin.id });
    expect(club).toMatchObject({ name: '羽毛球俱乐部', description: '每周三下午活动', leaderName: '林组长', memberCount: 1, activityCount: 0, archived: false, canManage: true });
    expect(names(club)).toEqual(['林组长']);
    expect(await countRows(t.database, 'audit_events')).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({ action: 'club.created', changes: { name: { to: '羽毛球俱乐部' }, leader: { to: '林组长' } } });
  });

  it('refuses a duplicate name, a missing name and a leader from elsewhere, naming the field', async () => {
    await createClub(chairA, { name: '书法社' });
    const dup = await chairA.post('/api/v1/clubs', { name: '书法社' });
    expect(dup.statusCode).toBe(409);
    expect(fieldOf(dup)).toEqual({ path: 'name', message: '已有名为“书法社”的兴趣小组' });
    const blank = await chairA.post('/api/v1/clubs', { name: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(fieldOf(blank)).toMatchObject({ path: 'name', message: expect.stringContaining('请填写兴趣小组名称') });
    const foreign = await chairA.post('/api/v1/clubs', { name: '摄影社', leaderMemberId: m.other.id });
    expect(foreign.statusCode).toBe(400);
    expect(fieldOf(foreign)).toEqual({ path: 'leaderMemberId', message: '组长应为本工会在册会员，所选人员不是本工会会员' });
    const gone = await chairA.post('/api/v1/clubs', { name: '摄影社', leaderMemberId: m.gone.id });
    expect(fieldOf(gone)).toEqual({ path: 'leaderMemberId', message: '组长应为本工会在册会员，何平已调出' });
    expect((await memberA.post('/api/v1/clubs', { name: '会员自建' })).statusCode).toBe(403);
    const long = await chairA.post('/api/v1/clubs', { name: '长介绍社', description: '字'.repeat(501) });
    expect(fieldOf(long)).toEqual({ path: 'description', message: '小组介绍不能超过 500 个字' });
  });

  it('renames, re-describes, changes the leader (who joins) and archives; archived clubs list last', async () => {
    const club = await createClub(chairA, { name: '合唱团' });
    const renamed = ok<Club>(await chairA.patch(`/api/v1/clubs/${club.id}`, { name: '教工合唱团', description: '周五排练', leaderMemberId: m.hu.id }));
    expect(renamed).toMatchObject({ name: '教工合唱团', description: '周五排练', leaderName: '胡军', memberCount: 1 });
    expect(await lastAudit()).toMatchObject({ action: 'club.updated', changes: { name: { from: '合唱团', to: '教工合唱团' }, leader: { from: null, to: '胡军' } } });

    const before = await countRows(t.database, 'audit_events');
    ok(await chairA.patch(`/api/v1/clubs/${club.id}`, { name: '教工合唱团' }));
    expect(await countRows(t.database, 'audit_events')).toBe(before);

    const dup = await chairA.patch(`/api/v1/clubs/${club.id}`, { name: '羽毛球俱乐部' });
    expect(dup.statusCode).toBe(409);
    expect(fieldOf(dup)?.path).toBe('name');

    expect(ok<Club>(await chairA.patch(`/api/v1/clubs/${club.id}`, { archived: true })).archived).toBe(true);
    expect((await lastAudit()).action).toBe('club.archived');
    const list = ok<{ items: Club[]; canManage: boolean }>(await memberA.get('/api/v1/clubs'));
    expect(list.canManage).toBe(false);
    expect(list.items.at(-1)).toMatchObject({ name: '教工合唱团', archived: true });
    const locked = await chairA.put(`/api/v1/clubs/${club.id}/members`, { memberIds: [m.ma.id] });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toContain('兴趣小组已停用');
    expect(ok<Club>(await chairA.patch(`/api/v1/clubs/${club.id}`, { archived: false })).archived).toBe(false);

    const bad = await chairA.patch(`/api/v1/clubs/${club.id}`, { archived: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(fieldOf(bad)?.path).toBe('archived');
    expect((await leaderA.patch(`/api/v1/clubs/${club.id}`, { name: '组长改名' })).statusCode).toBe(403);
  });
});

describe('members of a club', () => {
  it('lets the club’s leader set its members, and nobody else but managers', async () => {
    const club = (await ok<{ items: Club[] }>(await chairA.get('/api/v1/clubs'))).items.find((c) => c.name === '羽毛球俱乐部')!;
    const detail = ok<Club>(await leaderA.get(`/api/v1/clubs/${club.id}`));
    expect(detail.canManage).toBe(true);
    const set = ok<Club>(await leaderA.put(`/api/v1/clubs/${club.id}/members`, { memberIds: [m.lin.id, m.ma.id, m.lao.id, m.ma.id] }));
    expect(names(set)).toEqual(['林组长', '老书法家', '马丽'].sort());
    expect(set.memberCount).toBe(3);
    expect(await lastAudit()).toMatchObject({ action: 'club.membersSet', changes: { joined: { to: expect.arrayContaining(['马丽', '老书法家']) }, memberCount: { from: 1, to: 3 } } });

    expect(ok<Club>(await memberA.get(`/api/v1/clubs/${club.id}`)).canManage).toBe(false);
    const refused = await memberA.put(`/api/v1/clubs/${club.id}/members`, { memberIds: [m.ma.id] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('只有工会活动管理人员或本兴趣小组组长可以调整成员');

    const fewer = ok<Club>(await chairA.put(`/api/v1/clubs/${club.id}/members`, { memberIds: [m.lin.id, m.ma.id] }));
    expect(names(fewer)).toEqual(['林组长', '马丽'].sort());
    expect(await lastAudit()).toMatchObject({ action: 'club.membersSet', changes: { left: { from: ['老书法家'] } } });
  });

  it('names who cannot join: someone transferred out, someone of another school, a malformed id', async () => {
    const club = await createClub(chairA, { name: '乒乓球社' });
    const before = await countRows(t.database, 'club_members');
    const res = await chairA.put(`/api/v1/clubs/${club.id}/members`, { memberIds: [m.hu.id, m.gone.id, m.other.id] });
    expect(res.statusCode).toBe(400);
    expect(fieldOf(res)).toEqual({ path: 'memberIds', message: '成员应为本工会在册会员，何平已调出；第 3 位人员不是本工会会员' });
    expect(res.json().error.message).not.toContain('二中会员');
    expect(await countRows(t.database, 'club_members')).toBe(before);
    const malformed = await chairA.put(`/api/v1/clubs/${club.id}/members`, { memberIds: ['nope'] });
    expect(malformed.statusCode).toBe(400);
    expect(fieldOf(malformed)).toMatchObject({ path: 'memberIds.0', message: expect.stringContaining('人员无效') });
  });

  it('shows the club’s activities and each member’s attendance at them', async () => {
    const club = (await ok<{ items: Club[] }>(await chairA.get('/api/v1/clubs'))).items.find((c) => c.name === '羽毛球俱乐部')!;
    const [type] = await t.database.db.insert(activityTypes).values({ orgId: A.union.id, name: '兴趣小组', kind: 'club' }).returning();
    const weekly = (title: string, day: string) => ({
      orgId: A.union.id,
      typeId: type.id,
      title,
      startsAt: new Date(`${day}T15:30:00+08:00`),
      endsAt: new Date(`${day}T17:30:00+08:00`),
      audience: { kind: 'club', clubId: club.id },
      clubId: club.id,
      checkinSecret: 's',
    });
    const [first, second] = await t.database.db.insert(activities).values([weekly('羽毛球活动（第1次）', '2025-03-05'), weekly('羽毛球活动（第2次）', '2025-03-12')]).returning();
    await t.database.db.insert(activities).values({ ...weekly('已取消的一次', '2025-03-19'), status: 'cancelled' });
    await t.database.db.insert(activityAttendance).values([
      { activityId: first.id, orgId: A.union.id, memberId: m.lin.id, source: 'scan' },
      { activityId: second.id, orgId: A.union.id, memberId: m.lin.id, source: 'scan' },
      { activityId: second.id, orgId: A.union.id, memberId: m.ma.id, source: 'roster' },
    ]);
    const detail = ok<Club>(await leaderA.get(`/api/v1/clubs/${club.id}`));
    expect(detail.activityCount).toBe(2);
    expect(Object.fromEntries(detail.members.map((x) => [x.name, x.attended]))).toEqual({ 林组长: 2, 马丽: 1 });
    expect(detail.activities.map((a) => a.title)).toEqual(['已取消的一次', '羽毛球活动（第2次）', '羽毛球活动（第1次）']);
    expect(detail.activities[1]).toMatchObject({ audienceLabel: '兴趣小组：羽毛球俱乐部', clubName: '羽毛球俱乐部', phase: 'ended', me: { isInvited: true, status: null } });
    expect(detail.activities[1].me?.attendedAt).not.toBeNull();
    expect(detail.activities[0].phase).toBe('cancelled');
  });
});

describe('isolation between schools', () => {
  it('answers 404 for another school’s club and lists only the school’s own', async () => {
    const club = (await ok<{ items: Club[] }>(await chairA.get('/api/v1/clubs'))).items[0];
    const own = await createClub(chairB, { name: '羽毛球俱乐部' });
    expect(ok<{ items: Club[] }>(await chairB.get('/api/v1/clubs')).items.map((c) => c.id)).toEqual([own.id]);
    const get = await chairB.get(`/api/v1/clubs/${club.id}`);
    expect(get.statusCode).toBe(404);
    expect(get.json().error.message).toBe('兴趣小组不存在或无权查看');
    expect((await chairB.patch(`/api/v1/clubs/${club.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await chairB.put(`/api/v1/clubs/${club.id}/members`, { memberIds: [m.other.id] })).statusCode).toBe(404);
    // A member of one school cannot be put into another school's club, even by that school's chair.
    const cross = await chairB.put(`/api/v1/clubs/${own.id}/members`, { memberIds: [m.lin.id] });
    expect(cross.statusCode).toBe(400);
    expect(fieldOf(cross)?.path).toBe('memberIds');
  });
});
