import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/server/modules/audit/audit.service.js';
import { buildMember, buildSchool, buildUser, createTestApp, TEST_PASSWORD, validIdCard } from '../support/test-app.js';
import { client, countRows, sessionCookie, shanghaiToday, signIn, xlsxOf, waitForImport, type Client, type Res } from '../support/api.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
let school: Awaited<ReturnType<typeof buildSchool>>;
let chairUser: Awaited<ReturnType<typeof buildUser>>;
let viceUser: Awaited<ReturnType<typeof buildUser>>;
let chair: Client;
let vice: Client;

beforeAll(async () => {
  t = await createTestApp();
  school = await buildSchool(t.database, '审计小学工会');
  chairUser = await buildUser(t.database, [{ org: school.union, role: 'chair' }], { name: '审计主席' });
  viceUser = await buildUser(t.database, [{ org: school.union, role: 'vice_chair' }], { name: '审计副主席' });
  chair = await signIn(t.app, chairUser.phone!);
  vice = await signIn(t.app, viceUser.phone!);
});
afterAll(async () => t.close());

type Event = { id: number; at: string; actorId: string | null; actorName: string; orgId: string | null; action: string; entityType: string; entityId: string | null; entityLabel: string | null; changes: Record<string, unknown> };

const eventCount = () => countRows(t.database, 'audit_events');
const lastEvent = async () =>
  (await t.database.query<{ action: string; actor_name: string; entity_id: string | null }>('SELECT action, actor_name, entity_id FROM audit_events ORDER BY id DESC LIMIT 1'))[0];

/** Runs a request and checks it wrote exactly one audit event, with the given action. */
async function expectOneEvent(action: string, run: () => Promise<Res>, status?: number) {
  const before = await eventCount();
  const res = await run();
  if (status !== undefined) expect(res.statusCode, res.body).toBe(status);
  else expect(res.statusCode, res.body).toBeLessThan(300);
  expect(await eventCount()).toBe(before + 1);
  expect((await lastEvent()).action).toBe(action);
  return res;
}

/** Runs a request that must fail and checks it wrote no audit event. */
async function expectNoEvent(status: number, run: () => Promise<Res>) {
  const before = await eventCount();
  const res = await run();
  expect(res.statusCode, res.body).toBe(status);
  expect(await eventCount()).toBe(before);
  return res;
}

describe('every change writes exactly one audit event; a failed one writes none', () => {
  it('member changes', async () => {
    const created = await expectOneEvent('member.created', () => chair.post('/api/v1/members', { name: '审计甲', staffNo: 'AU-1', phone: '13800000071' }), 201);
    const id = JSON.parse(created.body).id as string;
    await expectNoEvent(409, () => chair.post('/api/v1/members', { name: '审计乙', staffNo: 'AU-1' }));
    await expectNoEvent(400, () => chair.post('/api/v1/members', { name: '审计乙', phone: '123' }));
    await expectOneEvent('member.updated', () => chair.patch(`/api/v1/members/${id}`, { department: '语文组', groupId: school.groupA.id }));
    // Saving without a change is not a change.
    await expectNoEvent(200, () => chair.patch(`/api/v1/members/${id}`, { department: '语文组' }));
    await expectOneEvent('member.retired', () => chair.post(`/api/v1/members/${id}/retire`, { onDate: '2026-07-01' }));
    await expectNoEvent(409, () => chair.post(`/api/v1/members/${id}/retire`, { onDate: '2026-07-01' }));
    await expectOneEvent('member.transferred_out', () => chair.post(`/api/v1/members/${id}/transfer-out`, { onDate: '2026-08-01', toOrgName: '别的学校工会' }));
    await expectNoEvent(409, () => chair.post(`/api/v1/members/${id}/transfer-out`, { onDate: '2026-08-01', toOrgName: '别的学校工会' }));
    await expectOneEvent('member.transferred_in', () => chair.post('/api/v1/members', { name: '审计丙', transferIn: { fromOrgName: '外校工会', onDate: '2026-09-01' } }), 201);
    const sport = await buildUser(t.database, [{ org: school.union, role: 'committee', portfolio: '文体' }]);
    const s = await signIn(t.app, sport.phone!);
    await expectNoEvent(403, () => s.patch(`/api/v1/members/${id}`, { name: '越权' }));
  });

  it('organisation and role changes', async () => {
    const group = await expectOneEvent('org.created', () => chair.post('/api/v1/orgs', { parentId: school.union.id, kind: 'group', name: '审计组' }), 201);
    const groupId = JSON.parse(group.body).id as string;
    await expectNoEvent(400, () => chair.post('/api/v1/orgs', { parentId: school.union.id, kind: 'group', name: '审计组' }));
    await expectOneEvent('org.updated', () => chair.patch(`/api/v1/orgs/${groupId}`, { name: '审计二组' }));
    const role = await expectOneEvent('role.assigned', () => chair.post(`/api/v1/orgs/${groupId}/roles`, { name: '审计组长', phone: '13912348801', role: 'group_leader' }), 201);
    await expectNoEvent(409, () => chair.post(`/api/v1/orgs/${groupId}/roles`, { name: '审计组长', phone: '13912348801', role: 'group_leader' }));
    await expectOneEvent('role.removed', () => chair.delete(`/api/v1/roles/${JSON.parse(role.body).assignmentId}`), 204);
    await buildMember(t.database, school.union, { groupId: school.groupB.id });
    await expectNoEvent(409, () => chair.delete(`/api/v1/orgs/${school.groupB.id}`));
    await expectOneEvent('org.deleted', () => chair.delete(`/api/v1/orgs/${groupId}`), 204);
  });

  it('accounts: log-in, password change, password reset', async () => {
    const user = await buildUser(t.database, [{ org: school.union, role: 'member' }]);
    const before = await eventCount();
    const failed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.99.0.1', payload: { login: user.phone, password: 'wrong-pass-1' } });
    expect(failed.statusCode).toBe(401);
    expect(await eventCount()).toBe(before);
    let session!: Client;
    await expectOneEvent('auth.login', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.99.0.2', payload: { login: user.phone, password: TEST_PASSWORD } });
      session = client(t.app, sessionCookie(res));
      return res;
    });
    await expectNoEvent(400, () => session.put('/api/v1/me/password', { oldPassword: 'wrong-old-1', newPassword: 'Another1pass' }));
    await expectOneEvent('user.password_changed', () => session.put('/api/v1/me/password', { oldPassword: TEST_PASSWORD, newPassword: 'Another1pass' }));
    await expectOneEvent('user.password_reset', () => chair.post(`/api/v1/users/${user.id}/reset-password`));
  });

  it('a roster import is one event, however many rows', async () => {
    const file = await xlsxOf([['姓名', '工号'], ['导一', 'IM-1'], ['导二', 'IM-2'], ['导三', 'IM-3']]);
    const up = await chair.upload('/api/v1/imports', 'audit.xlsx', file);
    const read = await waitForImport(chair, up.json().id);
    await chair.post(`/api/v1/imports/${read.id}/check`, { mapping: read.mapping, mode: 'create' });
    await waitForImport(chair, read.id);
    await expectOneEvent('member.imported', () => chair.post(`/api/v1/imports/${read.id}/commit`));
  });

  it('the change and its audit event are one transaction: if the event cannot be written, the change is not kept', async () => {
    // A database rule that refuses one particular audit event stands in for a failure inside the transaction.
    await t.database.query(`CREATE FUNCTION refuse_marked_event() RETURNS trigger AS $$
      BEGIN IF NEW.entity_label = '写不进审计' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END; $$ LANGUAGE plpgsql`);
    await t.database.query('CREATE TRIGGER refuse_marked_event BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_marked_event()');
    try {
      const membersBefore = await countRows(t.database, 'members');
      const res = await expectNoEvent(500, () => chair.post('/api/v1/members', { name: '写不进审计', staffNo: 'TX-1' }));
      expect(res.json().error).toEqual({ code: 'INTERNAL', message: '服务器内部错误，请稍后再试' });
      expect(await countRows(t.database, 'members')).toBe(membersBefore);
      expect(await countRows(t.database, 'member_history', "member_id NOT IN (SELECT id FROM members)")).toBe(0);
      const m = await buildMember(t.database, school.union, { name: '原名' });
      await expectNoEvent(500, () => chair.patch(`/api/v1/members/${m.id}`, { name: '写不进审计' }));
      expect((await t.database.query<{ name: string }>('SELECT name FROM members WHERE id = $1', [m.id]))[0].name).toBe('原名');
    } finally {
      await t.database.query('DROP TRIGGER refuse_marked_event ON audit_events');
      await t.database.query('DROP FUNCTION refuse_marked_event()');
    }
  });
});

describe('reading the trail', () => {
  it('filters by actor, entity and date', async () => {
    const m = await buildMember(t.database, school.union, { name: '筛选对象' });
    await chair.patch(`/api/v1/members/${m.id}`, { note: '主席改' });
    await vice.patch(`/api/v1/members/${m.id}`, { note: '副主席改' });
    await vice.patch(`/api/v1/members/${m.id}`, { note: '副主席再改' });

    const byVice = (await chair.get(`/api/v1/audit?actorId=${viceUser.id}&pageSize=200`)).json();
    expect(byVice.total).toBeGreaterThanOrEqual(2);
    expect(byVice.items.every((e: Event) => e.actorId === viceUser.id && e.actorName === '审计副主席')).toBe(true);

    const onMember = (await chair.get(`/api/v1/audit?entityType=member&entityId=${m.id}`)).json();
    expect(onMember.total).toBe(3);
    expect(onMember.items.map((e: Event) => e.changes.note)).toEqual([
      { from: '副主席改', to: '副主席再改' },
      { from: '主席改', to: '副主席改' },
      { from: null, to: '主席改' },
    ]);
    expect(onMember.items[0]).toMatchObject({ action: 'member.updated', entityLabel: '筛选对象', orgId: school.union.id, orgName: '审计小学工会' });
    const both = (await chair.get(`/api/v1/audit?entityId=${m.id}&actorId=${viceUser.id}`)).json();
    expect(both.total).toBe(2);

    const orgs = (await chair.get('/api/v1/audit?entityType=org&pageSize=200')).json();
    expect(orgs.total).toBeGreaterThan(0);
    expect(orgs.items.every((e: Event) => e.entityType === 'org')).toBe(true);

    const today = shanghaiToday();
    const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    expect((await chair.get(`/api/v1/audit?entityId=${m.id}&from=${today}&to=${today}`)).json().total).toBe(3);
    expect((await chair.get(`/api/v1/audit?entityId=${m.id}&from=${day(1)}`)).json().total).toBe(0);
    expect((await chair.get(`/api/v1/audit?entityId=${m.id}&to=${day(-1)}`)).json().total).toBe(0);
    expect((await chair.get(`/api/v1/audit?entityId=${m.id}&from=${day(-30)}&to=${day(1)}`)).json().total).toBe(3);
    expect((await chair.get('/api/v1/audit?from=2026-13-45')).statusCode).toBe(400);

    const page = (await chair.get('/api/v1/audit?pageSize=2&page=1')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    const actors = (await chair.get('/api/v1/audit/actors')).json().items.map((a: { name: string }) => a.name);
    expect(actors).toEqual(expect.arrayContaining(['审计主席', '审计副主席']));
  });

  it('only the union’s leaders read the trail', async () => {
    const committee = await buildUser(t.database, [{ org: school.union, role: 'committee', portfolio: '组织' }]);
    const c = await signIn(t.app, committee.phone!);
    expect((await c.get('/api/v1/audit')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
  });

  it('has no API route that edits or deletes an event', async () => {
    const [{ id }] = await t.database.query<{ id: number }>('SELECT id FROM audit_events ORDER BY id LIMIT 1');
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of [`/api/v1/audit/${id}`, '/api/v1/audit']) {
        const res = await t.app.inject({ method, url, headers: { cookie: chair.cookie! }, ...(method === 'DELETE' ? {} : { payload: { action: 'x' } }) });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.json().error.code).toBe('NOT_FOUND');
      }
    }
  });
});

describe('the hash chain', () => {
  it('verifies without a break after all the changes above', async () => {
    const report = await verifyAuditTrail(t.database.db);
    expect(report.events).toBe(await eventCount());
    expect(report.events).toBeGreaterThan(20);
    expect(report.chains).toBeGreaterThanOrEqual(2);
    expect(report.breaks).toEqual([]);
  });

  it('changes made at the same moment never fork a chain', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? chair : vice).post('/api/v1/members', { name: `并发${i}`, staffNo: `PAR-${i}` })),
    );
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const report = await verifyAuditTrail(t.database.db);
    expect(report.breaks).toEqual([]);
    const seqs = await t.database.query<{ seq: number }>('SELECT seq FROM audit_events WHERE chain_key = $1 ORDER BY seq', [school.union.id]);
    expect(seqs.map((r) => r.seq)).toEqual(seqs.map((_, i) => i + 1));
  });

  it('notices events cut off the end of a chain, which re-walking the events alone cannot', async () => {
    // Someone with the database owner's rights removes the union's latest event, bypassing the append-only trigger.
    const [last] = await t.database.query<{ id: number; seq: number }>('SELECT id, seq FROM audit_events WHERE chain_key = $1 ORDER BY seq DESC LIMIT 1', [school.union.id]);
    await t.database.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
    const [removed] = await t.database.query<Record<string, unknown>>('DELETE FROM audit_events WHERE id = $1 RETURNING *', [last.id]);
    await t.database.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    try {
      const report = await verifyAuditTrail(t.database.db);
      expect(report.breaks).toEqual([{ chainKey: school.union.id, seq: last.seq - 1, problem: 'head' }]);
    } finally {
      await t.database.query('INSERT INTO audit_events OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_record(NULL::audit_events, $1::json)', [JSON.stringify(removed)]);
    }
    expect((await verifyAuditTrail(t.database.db)).breaks).toEqual([]);
  });

  it('never holds a full phone or ID number, whoever reads it', async () => {
    const admin = await buildUser(t.database, [], { isPlatformAdmin: true });
    const a = await signIn(t.app, admin.phone!);
    expect((await a.post('/api/v1/orgs', { parentId: school.district.id, kind: 'grassroots', name: '审计二校工会', chair: { name: '二校主席', phone: '13912348888' } })).statusCode).toBe(201);
    expect((await chair.post('/api/v1/members', { name: '敏感', phone: '13812349999', idCard: validIdCard('19850302', 777) })).statusCode).toBe(201);
    const rows = await t.database.query<{ changes: string }>('SELECT changes::text AS changes FROM audit_events');
    const text = rows.map((r) => r.changes).join('\n');
    expect(text).toContain('138****9999');
    expect(text).toContain('139****8888');
    // (Bounded by non-hex characters, so the digits inside a UUID never count.)
    expect(text).not.toMatch(/(?<![0-9a-f])1[3-9]\d{9}(?![0-9a-f])/);
    expect(text).not.toMatch(/(?<![0-9a-f])\d{17}[\dX](?![0-9a-f])/);
  });

  it('the database refuses UPDATE and DELETE on audit events', async () => {
    const before = await eventCount();
    await expect(t.database.query("UPDATE audit_events SET actor_name = '冒名'")).rejects.toThrow(/append-only/);
    await expect(t.database.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    expect(await eventCount()).toBe(before);
    expect(await countRows(t.database, 'audit_events', "actor_name = '冒名'")).toBe(0);
  });

  it('reports an event changed behind the trigger’s back, and is whole again once it is put back', async () => {
    const [target] = await t.database.query<{ id: number; chain_key: string; seq: number; entity_label: string }>(
      "SELECT id, chain_key, seq, entity_label FROM audit_events WHERE action = 'member.created' ORDER BY id LIMIT 1",
    );
    const setLabel = async (label: string) => {
      await t.database.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
      try {
        await t.database.query('UPDATE audit_events SET entity_label = $1 WHERE id = $2', [label, target.id]);
      } finally {
        await t.database.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
      }
    };
    await setLabel('篡改后的名字');
    const report = await verifyAuditTrail(t.database.db);
    expect(report.breaks).toEqual([{ chainKey: target.chain_key, seq: target.seq, problem: 'hash' }]);
    // Read a few events at a time, so that pages end inside chains and between them: the same answer.
    for (const pageSize of [1, 3, 7]) {
      const paged = await verifyAuditTrail(t.database.db, pageSize);
      expect(paged).toEqual(report);
    }
    // The trigger is back on.
    await expect(t.database.query("UPDATE audit_events SET actor_name = 'x'")).rejects.toThrow(/append-only/);

    await setLabel(target.entity_label);
    expect((await verifyAuditTrail(t.database.db)).breaks).toEqual([]);
  });

  it('reports a deleted event as a gap in its chain', async () => {
    const [target] = await t.database.query<{ id: number; chain_key: string; seq: number }>(
      "SELECT id, chain_key, seq FROM audit_events WHERE action = 'member.updated' ORDER BY id LIMIT 1",
    );
    const [{ n }] = await t.database.query<{ n: number }>('SELECT max(seq)::int AS n FROM audit_events WHERE chain_key = $1', [target.chain_key]);
    expect(target.seq).toBeLessThan(n);
    await t.database.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
    try {
      await t.database.query('DELETE FROM audit_events WHERE id = $1', [target.id]);
    } finally {
      await t.database.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    }
    const report = await verifyAuditTrail(t.database.db);
    expect(report.breaks).toEqual([{ chainKey: target.chain_key, seq: target.seq + 1, problem: 'gap' }]);
  });
});
