import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildSchool, buildUser, createTestApp, validIdCard } from '../support/test-app.js';
import { attemptLogin, countRows, signIn, type Client } from '../support/api.js';

/** Findings of a security review: each test is a request that used to succeed (or answer 500). */
let t: Awaited<ReturnType<typeof createTestApp>>;
let A: Awaited<ReturnType<typeof buildSchool>>;
let B: Awaited<ReturnType<typeof buildSchool>>;
let chairA: Client;

beforeAll(async () => {
  t = await createTestApp();
  A = await buildSchool(t.database, '甲校工会');
  B = await buildSchool(t.database, '乙校工会', A.district);
  const ua = await buildUser(t.database, [{ org: A.union, role: 'chair' }]);
  chairA = await signIn(t.app, ua.phone!);
  await buildMember(t.database, A.union, { name: '甲校会员', groupId: A.groupA.id, phone: '13800000009' });
});
afterAll(async () => t.close());

describe('a parent union’s chair and the groups of its schools', () => {
  it('cannot give anyone (themselves) a role in a school’s group, nor see full phones there', async () => {
    const dc = await buildUser(t.database, [{ org: A.district, role: 'chair' }]);
    const c = await signIn(t.app, dc.phone!);
    const res = await c.post(`/api/v1/orgs/${A.groupA.id}/roles`, { name: '区主席', phone: dc.phone!, role: 'group_leader' });
    expect(res.statusCode).toBe(403);
    expect(await countRows(t.database, 'role_assignments', 'org_id = $1', [A.groupA.id])).toBe(0);

    const leader = await buildUser(t.database, [{ org: A.groupA, role: 'group_leader' }], { phone: '13911112222' });
    const roles = await c.get(`/api/v1/orgs/${A.groupA.id}/roles`);
    expect(roles.statusCode).toBe(200);
    const row = roles.json().items.find((r: { userId: string }) => r.userId === leader.id);
    expect(row.phone).not.toBe('13911112222');
    const [assignment] = await t.database.query<{ id: string }>('SELECT id FROM role_assignments WHERE user_id = $1', [leader.id]);
    expect((await c.delete(`/api/v1/roles/${assignment.id}`)).statusCode).toBe(403);
  });

  it('a school’s chair still manages the roles of its own groups', async () => {
    const res = await chairA.post(`/api/v1/orgs/${A.groupB.id}/roles`, { name: '组长', phone: '13922223333', role: 'group_leader' });
    expect(res.statusCode).toBe(201);
  });
});

describe('password reset of an account that is on another union’s roster', () => {
  it('a chair cannot attach the account by phone and then reset it to read the other file', async () => {
    const victim = await buildUser(t.database, [], { name: '乙校老师', phone: '13900000077' });
    await buildMember(t.database, B.union, { name: '乙校老师', phone: '13900000077', idCard: validIdCard('19800101', 55), userId: victim.id });
    await chairA.post(`/api/v1/orgs/${A.union.id}/roles`, { name: '随便', phone: '13900000077', role: 'member' });
    const res = await chairA.post(`/api/v1/users/${victim.id}/reset-password`);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('temporaryPassword');
    expect((await attemptLogin(t.app, '13900000077', 'anything1')).statusCode).toBe(401);
  });

  it('a member on the chair’s own roster can still be reset', async () => {
    const u = await buildUser(t.database, [{ org: A.union, role: 'member' }]);
    await buildMember(t.database, A.union, { name: '甲校二号', phone: u.phone!, userId: u.id, groupId: A.groupA.id });
    const res = await chairA.post(`/api/v1/users/${u.id}/reset-password`);
    expect(res.statusCode).toBe(200);
  });
});

describe('bad input answers 400, not 500', () => {
  it('PATCH /orgs/:id with an empty body changes nothing and writes no audit event', async () => {
    const before = await countRows(t.database, 'audit_events', "action = 'org.updated'");
    const res = await chairA.patch(`/api/v1/orgs/${A.groupA.id}`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('语文组');
    expect(await countRows(t.database, 'audit_events', "action = 'org.updated'")).toBe(before);
  });

  it('a NUL character in a field, a search or a log-in name', async () => {
    const responses = [
      await chairA.post('/api/v1/members', { name: 'a\u0000b' }),
      await chairA.get('/api/v1/members?q=a%00b'),
      await chairA.get('/api/v1/members?tag=a%00b'),
      await chairA.get('/api/v1/audit?entityType=a%00b'),
      await chairA.post('/api/v1/orgs', { parentId: A.union.id, kind: 'group', name: 'g\u0000' }),
      await attemptLogin(t.app, 'ab\u0000c', 'x'),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(responses[0].json().error.code).toBe('BAD_REQUEST');
  });
});
