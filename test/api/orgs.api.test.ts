import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrg, buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { attemptLogin, countRows, signIn, signInAt } from '../support/api.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Org = { id: string; parentId: string | null; kind: string; name: string; memberCount: number; canManage: boolean };
type Role = { id: string; userId: string; displayName: string; phone: string | null; role: string; portfolio: string };

async function platformAdmin() {
  const admin = await buildUser(t.database, [], { isPlatformAdmin: true, name: '平台管理员' });
  return signIn(t.app, admin.phone!);
}

describe('creating organisations (platform admin)', () => {
  it('creates a 基层工会 under a 上级工会 with a chair, who can log in with the temporary password', async () => {
    const admin = await platformAdmin();
    const district = await buildOrg(t.database, 'parent', '滨江区教育工会');
    const res = await admin.post('/api/v1/orgs', {
      parentId: district.id,
      kind: 'grassroots',
      name: '滨江实验小学工会',
      chair: { name: '林主席', phone: '13912340001' },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.name).toBe('滨江实验小学工会');
    expect(created.chairTemporaryPassword).toMatch(/^[A-Za-z0-9]{10}$/);

    const login = await attemptLogin(t.app, '13912340001', created.chairTemporaryPassword);
    expect(login.statusCode).toBe(200);
    const me = login.json();
    expect(me.user.displayName).toBe('林主席');
    expect(me.user.mustChangePassword).toBe(true);
    expect(me.currentOrg).toEqual({ id: created.id, name: '滨江实验小学工会', kind: 'grassroots' });
    expect(me.memberships[0].roles).toEqual([{ role: 'chair', portfolio: '' }]);

    // The new union appears in the tree under its district.
    const tree = (await admin.get('/api/v1/orgs')).json().items as Org[];
    expect(tree.find((o) => o.id === created.id)).toMatchObject({ parentId: district.id, kind: 'grassroots' });
  });

  it('naming an existing person as chair reuses their account (no new password)', async () => {
    const admin = await platformAdmin();
    const district = await buildOrg(t.database, 'parent', '西湖区教育工会');
    const existing = await buildUser(t.database, [], { name: '老主席' });
    const res = await admin.post('/api/v1/orgs', {
      parentId: district.id,
      kind: 'grassroots',
      name: '西湖小学工会',
      chair: { name: '老主席', phone: existing.phone },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().chairTemporaryPassword).toBeNull();
    const c = await signIn(t.app, existing.phone!);
    expect((await c.get('/api/v1/me')).json().currentOrg.id).toBe(res.json().id);
  });

  it('refuses tree shapes the union rules forbid, naming the field in Chinese', async () => {
    const admin = await platformAdmin();
    const district = await buildOrg(t.database, 'parent', '上城区教育工会');
    const groupUnderParent = await admin.post('/api/v1/orgs', { parentId: district.id, kind: 'group', name: '语文组' });
    expect(groupUnderParent.statusCode).toBe(400);
    expect(groupUnderParent.json().error.fields).toEqual([{ path: 'kind', message: '上级工会下不能建立工会小组' }]);

    const orphanGroup = await admin.post('/api/v1/orgs', { kind: 'group', name: '孤立小组' });
    expect(orphanGroup.statusCode).toBe(400);
    expect(orphanGroup.json().error.fields[0].path).toBe('parentId');
    expect(orphanGroup.json().error.message).toBe('工会小组必须有上级组织');

    const school = await admin.post('/api/v1/orgs', { parentId: district.id, kind: 'grassroots', name: '上城小学工会' });
    const parentUnderSchool = await admin.post('/api/v1/orgs', { parentId: school.json().id, kind: 'parent', name: '错误的上级' });
    expect(parentUnderSchool.statusCode).toBe(400);
    expect(parentUnderSchool.json().error.message).toBe('基层工会下不能建立上级工会');

    const twin = await admin.post('/api/v1/orgs', { parentId: district.id, kind: 'grassroots', name: '上城小学工会' });
    expect(twin.statusCode).toBe(400);
    expect(twin.json().error.fields).toEqual([{ path: 'name', message: '同一上级下已有同名组织' }]);

    const badKind = await admin.post('/api/v1/orgs', { parentId: district.id, kind: 'club', name: '俱乐部' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.fields[0].path).toBe('kind');
    expect(badKind.json().error.fields[0].message).toContain('组织类型');
  });

  it('a platform admin may create a 基层工会 without a parent (a standalone school union)', async () => {
    const admin = await platformAdmin();
    const res = await admin.post('/api/v1/orgs', { kind: 'grassroots', name: '独立学校工会' });
    expect(res.statusCode).toBe(201);
    expect(res.json().chairTemporaryPassword).toBeNull();
  });

  it('a chair cannot create a 基层工会 nor name chairs', async () => {
    const { district, union } = await buildSchool(t.database);
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const c = await signIn(t.app, chair.phone!);
    const sibling = await c.post('/api/v1/orgs', { parentId: district.id, kind: 'grassroots', name: '另一所学校工会' });
    expect([400, 403]).toContain(sibling.statusCode);
    const withChair = await c.post('/api/v1/orgs', { parentId: union.id, kind: 'group', name: '新组', chair: { name: '某人', phone: '13912349999' } });
    expect(withChair.statusCode).toBe(403);
    expect(await countRows(t.database, 'orgs', 'name = $1', ['新组'])).toBe(0);
  });
});

describe('union groups (chair)', () => {
  it('a chair creates, renames and deletes a group in their union', async () => {
    const { union } = await buildSchool(t.database);
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const c = await signIn(t.app, chair.phone!);
    const created = await c.post('/api/v1/orgs', { parentId: union.id, kind: 'group', name: '英语组', department: '英语教研组' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    let tree = (await c.get('/api/v1/orgs')).json().items as Org[];
    expect(tree.find((o) => o.id === id)).toMatchObject({ name: '英语组', kind: 'group', parentId: union.id, memberCount: 0, canManage: true });

    const renamed = await c.patch(`/api/v1/orgs/${id}`, { name: '外语组' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toEqual({ id, name: '外语组' });
    tree = (await c.get('/api/v1/orgs')).json().items as Org[];
    expect(tree.find((o) => o.id === id)!.name).toBe('外语组');

    const dupName = await c.patch(`/api/v1/orgs/${id}`, { name: '语文组' });
    expect(dupName.statusCode).toBe(400);
    expect(dupName.json().error.fields[0].path).toBe('name');

    const deleted = await c.delete(`/api/v1/orgs/${id}`);
    expect(deleted.statusCode).toBe(204);
    tree = (await c.get('/api/v1/orgs')).json().items as Org[];
    expect(tree.some((o) => o.id === id)).toBe(false);
  });

  it('a chair cannot create, rename or delete groups of another union', async () => {
    const a = await buildSchool(t.database);
    const b = await buildSchool(t.database);
    const chairA = await buildUser(t.database, [{ org: a.union, role: 'chair' }]);
    const c = await signIn(t.app, chairA.phone!);
    const create = await c.post('/api/v1/orgs', { parentId: b.union.id, kind: 'group', name: '渗透组' });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.fields[0].path).toBe('parentId');
    expect(await countRows(t.database, 'orgs', 'name = $1', ['渗透组'])).toBe(0);
    const rename = await c.patch(`/api/v1/orgs/${b.groupA.id}`, { name: '被改名' });
    expect(rename.statusCode).toBe(404);
    const del = await c.delete(`/api/v1/orgs/${b.groupB.id}`);
    expect(del.statusCode).toBe(404);
    expect(await countRows(t.database, 'orgs', 'id = $1 AND name = $2', [b.groupA.id, '语文组'])).toBe(1);
    expect(await countRows(t.database, 'orgs', 'id = $1', [b.groupB.id])).toBe(1);
    // Nor does the other union appear in the chair's tree.
    const tree = (await c.get('/api/v1/orgs')).json().items as Org[];
    expect(tree.map((o) => o.id)).not.toContain(b.union.id);
  });

  it('two groups of the same name created at once: one is made, the other is refused naming the name', async () => {
    const { union } = await buildSchool(t.database);
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const c = await signIn(t.app, chair.phone!);
    for (let i = 0; i < 3; i++) {
      const results = await Promise.all([
        c.post('/api/v1/orgs', { parentId: union.id, kind: 'group', name: `并发组${i}` }),
        c.post('/api/v1/orgs', { parentId: union.id, kind: 'group', name: `并发组${i}` }),
      ]);
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes[0]).toBe(201);
      expect([400, 409]).toContain(codes[1]);
      expect(results.find((r) => r.statusCode !== 201)!.json().error.fields[0].path).toBe('name');
      expect(await countRows(t.database, 'orgs', 'parent_id = $1 AND name = $2', [union.id, `并发组${i}`])).toBe(1);
    }
  });

  it('a group that still has members cannot be deleted: 409 saying how many', async () => {
    const { union, groupA } = await buildSchool(t.database);
    await buildMember(t.database, union, { groupId: groupA.id });
    await buildMember(t.database, union, { groupId: groupA.id });
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const c = await signIn(t.app, chair.phone!);
    const res = await c.delete(`/api/v1/orgs/${groupA.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect(res.json().error.message).toBe('该组织还有 2 名会员，请先调整到其他小组');
    expect(await countRows(t.database, 'orgs', 'id = $1', [groupA.id])).toBe(1);
  });

  it('a union itself cannot be deleted through the group route', async () => {
    const { union } = await buildSchool(t.database);
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const c = await signIn(t.app, chair.phone!);
    const res = await c.delete(`/api/v1/orgs/${union.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('只能删除分工会或工会小组');
  });

  it('deleting an empty group whose leader is signed in works, and the leader’s session carries on', async () => {
    const { union } = await buildSchool(t.database);
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const c = await signIn(t.app, chair.phone!);
    const group = (await c.post('/api/v1/orgs', { parentId: union.id, kind: 'group', name: '体育组' })).json();
    const leader = await buildUser(t.database, [], { name: '体育组长' });
    await t.database.query("INSERT INTO role_assignments (user_id, org_id, role) VALUES ($1, $2, 'group_leader'), ($1, $3, 'member')", [leader.id, group.id, union.id]);
    const leaderSession = await signInAt(t.app, leader.phone!, group.id);
    expect((await leaderSession.get('/api/v1/me')).json().currentOrg.id).toBe(group.id);

    const res = await c.delete(`/api/v1/orgs/${group.id}`);
    expect(res.statusCode).toBe(204);
    const me = await leaderSession.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().currentOrg.id).toBe(union.id);
  });
});

describe('roles', () => {
  it('a chair appoints a committee member with a portfolio; a new account gets a temporary password', async () => {
    const { union } = await buildSchool(t.database);
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const c = await signIn(t.app, chair.phone!);
    const res = await c.post(`/api/v1/orgs/${union.id}/roles`, { name: '宋委员', phone: '13912340101', role: 'committee', portfolio: '文体' });
    expect(res.statusCode).toBe(201);
    const { temporaryPassword, userId } = res.json();
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{10}$/);
    const roles = (await c.get(`/api/v1/orgs/${union.id}/roles`)).json().items as Role[];
    expect(roles.find((r) => r.userId === userId)).toMatchObject({ displayName: '宋委员', role: 'committee', portfolio: '文体', phone: '13912340101' });
    const login = await attemptLogin(t.app, '13912340101', temporaryPassword);
    expect(login.statusCode).toBe(200);
    expect(login.json().memberships[0].roles).toEqual([{ role: 'committee', portfolio: '文体' }]);

    const again = await c.post(`/api/v1/orgs/${union.id}/roles`, { name: '宋委员', phone: '13912340101', role: 'committee', portfolio: '文体' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('此人已担任该角色');
  });

  it('a committee role needs a portfolio, and other roles refuse one', async () => {
    const { union } = await buildSchool(t.database);
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const c = await signIn(t.app, chair.phone!);
    const noPortfolio = await c.post(`/api/v1/orgs/${union.id}/roles`, { name: '甲', phone: '13912340201', role: 'committee' });
    expect(noPortfolio.statusCode).toBe(400);
    expect(noPortfolio.json().error.fields[0].path).toBe('portfolio');
    expect(noPortfolio.json().error.fields[0].message).toContain('分工');
    const chairWithPortfolio = await c.post(`/api/v1/orgs/${union.id}/roles`, { name: '乙', phone: '13912340202', role: 'vice_chair', portfolio: '组织' });
    expect(chairWithPortfolio.statusCode).toBe(400);
    expect(chairWithPortfolio.json().error.fields[0].path).toBe('portfolio');
    const unknownPortfolio = await c.post(`/api/v1/orgs/${union.id}/roles`, { name: '丙', phone: '13912340203', role: 'committee', portfolio: '财务' });
    expect(unknownPortfolio.statusCode).toBe(400);
    expect(unknownPortfolio.json().error.fields[0].path).toBe('portfolio');
    expect(await countRows(t.database, 'users', 'phone IN ($1, $2, $3)', ['13912340201', '13912340202', '13912340203'])).toBe(0);
  });

  it('a roster member is appointed: an account is opened and linked to the member file', async () => {
    const { union, groupA } = await buildSchool(t.database);
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const m = await buildMember(t.database, union, { name: '郑组长', phone: '13912340301', groupId: groupA.id });
    const c = await signIn(t.app, chair.phone!);
    const res = await c.post(`/api/v1/orgs/${groupA.id}/roles`, { memberId: m.id, role: 'group_leader' });
    expect(res.statusCode).toBe(201);
    expect(res.json().temporaryPassword).toMatch(/^[A-Za-z0-9]{10}$/);
    expect((await c.get(`/api/v1/members/${m.id}`)).json().hasAccount).toBe(true);
    const login = await attemptLogin(t.app, '13912340301', res.json().temporaryPassword);
    expect(login.statusCode).toBe(200);
    expect(login.json().user.memberId).toBe(m.id);
    expect(login.json().currentOrg.id).toBe(groupA.id);
  });

  it('a roster member without a phone cannot be given an account', async () => {
    const { union } = await buildSchool(t.database);
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const m = await buildMember(t.database, union, { name: '无手机', phone: null });
    const c = await signIn(t.app, chair.phone!);
    const res = await c.post(`/api/v1/orgs/${union.id}/roles`, { memberId: m.id, role: 'committee', portfolio: '宣传' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('memberId');
    expect(res.json().error.message).toContain('手机号');
    expect(await countRows(t.database, 'role_assignments', 'org_id = $1', [union.id])).toBe(1);
  });

  it('a member of another union cannot be appointed', async () => {
    const a = await buildSchool(t.database);
    const b = await buildSchool(t.database);
    const chairA = await buildUser(t.database, [{ org: a.union, role: 'chair' }]);
    const mB = await buildMember(t.database, b.union, { phone: '13912340401' });
    const c = await signIn(t.app, chairA.phone!);
    const res = await c.post(`/api/v1/orgs/${a.union.id}/roles`, { memberId: mB.id, role: 'member' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('memberId');
  });

  it('a role is removed; a chair cannot remove their own chair role', async () => {
    const { union } = await buildSchool(t.database);
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const committee = await buildUser(t.database, [{ org: union, role: 'committee', portfolio: '宣传' }]);
    const c = await signIn(t.app, chair.phone!);
    const roles = (await c.get(`/api/v1/orgs/${union.id}/roles`)).json().items as Role[];
    const own = roles.find((r) => r.userId === chair.id)!;
    const theirs = roles.find((r) => r.userId === committee.id)!;
    const removeOwn = await c.delete(`/api/v1/roles/${own.id}`);
    expect(removeOwn.statusCode).toBe(409);
    expect(removeOwn.json().error.message).toBe('不能撤销自己的主席角色');
    const remove = await c.delete(`/api/v1/roles/${theirs.id}`);
    expect(remove.statusCode).toBe(204);
    const after = (await c.get(`/api/v1/orgs/${union.id}/roles`)).json().items as Role[];
    expect(after.map((r) => r.userId)).toEqual([chair.id]);
    // The former committee member no longer works in the union.
    const login = await attemptLogin(t.app, committee.phone!, 'Passw0rd!');
    expect(login.json().currentOrg).toBeNull();
  });

  it('a committee member cannot appoint or remove roles (403) but sees the list with masked phones', async () => {
    const { union } = await buildSchool(t.database);
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }], { phone: '13812345678' });
    const committee = await buildUser(t.database, [{ org: union, role: 'committee', portfolio: '组织' }]);
    const c = await signIn(t.app, committee.phone!);
    const assign = await c.post(`/api/v1/orgs/${union.id}/roles`, { name: '丁', phone: '13912340501', role: 'committee', portfolio: '宣传' });
    expect(assign.statusCode).toBe(403);
    expect(assign.json().error.code).toBe('FORBIDDEN');
    const list = await c.get(`/api/v1/orgs/${union.id}/roles`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Role[];
    const chairRow = items.find((r) => r.userId === chair.id)!;
    expect(chairRow.phone).toBe('138****5678');
    expect(items.every((r) => r.phone === null || /^\d{3}\*{4}\d{4}$/.test(r.phone))).toBe(true);
    const remove = await c.delete(`/api/v1/roles/${items.find((r) => r.userId === chair.id)!.id}`);
    expect(remove.statusCode).toBe(403);
    // The chair sees full numbers.
    const asChair = await signIn(t.app, chair.phone!);
    const full = (await asChair.get(`/api/v1/orgs/${union.id}/roles`)).json().items as Role[];
    expect(full.find((r) => r.userId === chair.id)!.phone).toBe('13812345678');
  });

  it('a role that does not exist in that kind of organisation is refused', async () => {
    const { union, groupA } = await buildSchool(t.database);
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const c = await signIn(t.app, chair.phone!);
    const res = await c.post(`/api/v1/orgs/${groupA.id}/roles`, { name: '戊', phone: '13912340601', role: 'chair' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('role');
    expect(res.json().error.message).toBe('工会小组不设“工会主席”角色');
    const parentAdmin = await c.post(`/api/v1/orgs/${union.id}/roles`, { name: '己', phone: '13912340602', role: 'parent_admin' });
    expect(parentAdmin.statusCode).toBe(400);
  });
});
