import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildSchool, buildUser, createTestApp, validIdCard } from '../support/test-app.js';
import { signIn, xlsxOf, waitForImport, type Client } from '../support/api.js';

/**
 * Two schools under one district. The chair of A tries B's ids everywhere; the district's admin sees
 * figures, never names.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let A: Awaited<ReturnType<typeof buildSchool>>;
let B: Awaited<ReturnType<typeof buildSchool>>;
let chairA: Client;
let chairB: Client;
let memberB: { id: string };
let memberBRow: Record<string, unknown>;

const rowOf = async (id: string) => (await t.database.query('SELECT * FROM members WHERE id = $1', [id]))[0];

beforeAll(async () => {
  t = await createTestApp();
  A = await buildSchool(t.database, '甲校工会');
  B = await buildSchool(t.database, '乙校工会', A.district);
  const ua = await buildUser(t.database, [{ org: A.union, role: 'chair' }], { name: '甲校主席' });
  const ub = await buildUser(t.database, [{ org: B.union, role: 'chair' }], { name: '乙校主席' });
  chairA = await signIn(t.app, ua.phone!);
  chairB = await signIn(t.app, ub.phone!);
  await buildMember(t.database, A.union, { name: '甲校会员', groupId: A.groupA.id });
  const created = await chairB.post('/api/v1/members', {
    name: '乙校会员',
    groupId: B.groupA.id,
    phone: '13800000001',
    idCard: validIdCard('19850302', 321),
    staffNo: 'B-001',
    gender: 'F',
  });
  expect(created.statusCode).toBe(201);
  memberB = created.json();
  await buildMember(t.database, B.union, { name: '乙校二号', groupId: B.groupB.id, gender: 'M' });
  memberBRow = await rowOf(memberB.id);
});
afterAll(async () => t.close());

describe('the chair of school A, trying school B’s ids', () => {
  it('cannot read B’s member (404, the same answer as for an id that does not exist)', async () => {
    const res = await chairA.get(`/api/v1/members/${memberB.id}`);
    expect(res.statusCode).toBe(404);
    const none = await chairA.get(`/api/v1/members/${crypto.randomUUID()}`);
    expect(none.statusCode).toBe(404);
    expect(res.json()).toEqual(none.json());
    expect((await chairA.get(`/api/v1/members/${memberB.id}/account`)).statusCode).toBe(404);
  });

  it('cannot edit, retire or transfer out B’s member, and B’s row is unchanged', async () => {
    const edits = [
      await chairA.patch(`/api/v1/members/${memberB.id}`, { name: '被篡改', phone: '13999999999' }),
      await chairA.post(`/api/v1/members/${memberB.id}/retire`, { onDate: '2026-07-01' }),
      await chairA.post(`/api/v1/members/${memberB.id}/transfer-out`, { onDate: '2026-07-01', toOrgName: '甲校工会' }),
    ];
    expect(edits.map((r) => r.statusCode)).toEqual([404, 404, 404]);
    expect(await rowOf(memberB.id)).toEqual(memberBRow);
    expect(await t.database.query('SELECT kind FROM member_history WHERE member_id = $1', [memberB.id])).toEqual([{ kind: 'created' }]);
  });

  it('gets no rows when filtering A’s roster by B’s group', async () => {
    const res = await chairA.get(`/api/v1/members?groupId=${B.groupA.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
    expect(res.json().items).toEqual([]);
    const search = await chairA.get(`/api/v1/members?q=${encodeURIComponent('乙校')}`);
    expect(search.json().total).toBe(0);
    const byStaffNo = await chairA.get('/api/v1/members?q=B-001');
    expect(byStaffNo.json().total).toBe(0);
    const exported = await chairA.get(`/api/v1/members/export.xlsx?groupId=${B.groupA.id}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.includes(Buffer.from('乙校会员'))).toBe(false);
  });

  it('cannot put A’s member into B’s group', async () => {
    const mine = (await chairA.get('/api/v1/members')).json().items[0];
    const res = await chairA.patch(`/api/v1/members/${mine.id}`, { groupId: B.groupB.id });
    expect(res.statusCode).toBe(400);
    const created = await chairA.post('/api/v1/members', { name: '越界', groupId: B.groupB.id });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.fields[0].path).toBe('groupId');
  });

  it('cannot rename or delete B’s groups, nor create groups in B', async () => {
    expect((await chairA.patch(`/api/v1/orgs/${B.groupA.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await chairA.patch(`/api/v1/orgs/${B.union.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await chairA.delete(`/api/v1/orgs/${B.groupB.id}`)).statusCode).toBe(404);
    expect((await chairA.post('/api/v1/orgs', { parentId: B.union.id, kind: 'group', name: '潜入组' })).statusCode).toBe(400);
    const names = (await t.database.query<{ name: string }>('SELECT name FROM orgs WHERE parent_id = $1 ORDER BY name', [B.union.id])).map((r) => r.name);
    expect(names).toEqual(['数学组', '语文组'].sort());
    const tree = (await chairA.get('/api/v1/orgs')).json().items as { id: string }[];
    expect(tree.map((o) => o.id).sort()).toEqual([A.union.id, A.groupA.id, A.groupB.id].sort());
  });

  it('cannot list, assign or remove roles in B', async () => {
    expect((await chairA.get(`/api/v1/orgs/${B.union.id}/roles`)).statusCode).toBe(404);
    expect((await chairA.get(`/api/v1/orgs/${B.groupA.id}/roles`)).statusCode).toBe(404);
    const assign = await chairA.post(`/api/v1/orgs/${B.union.id}/roles`, { name: '卧底', phone: '13912345678', role: 'committee', portfolio: '组织' });
    expect(assign.statusCode).toBe(404);
    const bRoles = await t.database.query<{ id: string }>('SELECT id FROM role_assignments WHERE org_id = $1', [B.union.id]);
    expect(bRoles).toHaveLength(1);
    expect((await chairA.delete(`/api/v1/roles/${bRoles[0].id}`)).statusCode).toBe(404);
    expect(await t.database.query('SELECT id FROM role_assignments WHERE org_id = $1', [B.union.id])).toHaveLength(1);
    // Appointing B's roster member inside A is refused as well.
    const cross = await chairA.post(`/api/v1/orgs/${A.union.id}/roles`, { memberId: memberB.id, role: 'member' });
    expect(cross.statusCode).toBe(400);
    expect(await rowOf(memberB.id)).toEqual(memberBRow);
  });

  it('cannot read, check or commit B’s import job', async () => {
    const file = await xlsxOf([['姓名', '工号'], ['导入甲', 'IMP-1']]);
    const up = await chairB.upload('/api/v1/imports', 'b-roster.xlsx', file);
    expect(up.statusCode).toBe(202);
    const id = up.json().id as string;
    await waitForImport(chairB, id);
    expect((await chairA.get(`/api/v1/imports/${id}`)).statusCode).toBe(404);
    expect((await chairA.post(`/api/v1/imports/${id}/check`, { mapping: { '0': 'name' }, mode: 'create' })).statusCode).toBe(404);
    expect((await chairA.post(`/api/v1/imports/${id}/commit`)).statusCode).toBe(404);
    expect((await chairB.get(`/api/v1/imports/${id}`)).json().status).toBe('read');
  });

  it('cannot see B’s audit events', async () => {
    const all = (await chairA.get('/api/v1/audit?pageSize=200')).json();
    expect(all.items.every((e: { orgId: string | null }) => e.orgId !== B.union.id)).toBe(true);
    expect(JSON.stringify(all)).not.toContain('乙校会员');
    const targeted = (await chairA.get(`/api/v1/audit?entityId=${memberB.id}`)).json();
    expect(targeted.total).toBe(0);
    const actors = (await chairA.get('/api/v1/audit/actors')).json().items as { name: string }[];
    expect(actors.map((a) => a.name)).not.toContain('乙校主席');
    // B's chair does see them.
    expect((await chairB.get(`/api/v1/audit?entityId=${memberB.id}`)).json().total).toBe(1);
  });

  it('sees only A on the dashboard', async () => {
    const dash = (await chairA.get('/api/v1/dashboard')).json();
    expect(dash.orgName).toBe('甲校工会');
    expect(dash.counts.find((c: { label: string }) => c.label === '在册会员').value).toBe(1);
    expect(JSON.stringify(dash)).not.toContain('乙校');
  });
});

describe('the district’s parent-union admin', () => {
  it('cannot list the members of either school (403) nor open a member file', async () => {
    const admin = await buildUser(t.database, [{ org: A.district, role: 'parent_admin' }]);
    const c = await signIn(t.app, admin.phone!);
    const res = await c.get('/api/v1/members');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await c.get(`/api/v1/members/${memberB.id}`)).statusCode).toBe(404);
    expect((await c.get('/api/v1/members/export.xlsx')).statusCode).toBe(403);
  });

  it('sees each school’s counts on the dashboard', async () => {
    const admin = await buildUser(t.database, [{ org: A.district, role: 'parent_admin' }]);
    const c = await signIn(t.app, admin.phone!);
    const dash = (await c.get('/api/v1/dashboard')).json();
    expect(dash.childUnions).toEqual([
      expect.objectContaining({ id: A.union.id, name: '甲校工会', members: 1, groups: 2 }),
      expect.objectContaining({ id: B.union.id, name: '乙校工会', members: 2, groups: 2 }),
    ]);
    const count = (label: string) => dash.counts.find((x: { label: string }) => x.label === label).value;
    expect(count('在册会员')).toBe(3);
    expect(count('女职工')).toBe(1);
    expect(count('基层工会')).toBe(2);
    // The recent-activity list does not name the schools' members either.
    expect(JSON.stringify(dash)).not.toContain('乙校会员');
  });

  it('does not read the schools’ audit trails, which describe their members', async () => {
    const admin = await buildUser(t.database, [{ org: A.district, role: 'parent_admin' }]);
    const c = await signIn(t.app, admin.phone!);
    const res = await c.get('/api/v1/audit?pageSize=200');
    expect(res.statusCode).toBe(200);
    const orgIds = new Set(res.json().items.map((e: { orgId: string | null }) => e.orgId));
    expect(orgIds.has(A.union.id) || orgIds.has(B.union.id)).toBe(false);
    expect(JSON.stringify(res.json())).not.toContain('乙校会员');
    expect((await c.get(`/api/v1/audit?entityId=${memberB.id}`)).json().total).toBe(0);
  });
});
