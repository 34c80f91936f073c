import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase, tableOrder } from '../../src/cli/backup.js';
import { verifyAuditTrail } from '../../src/server/modules/audit/audit.service.js';
import { activityFiles, memberImports } from '../../src/server/db/schema/index.js';
import { buildMember, buildSchool, buildUser, createTestApp, TEST_PASSWORD, validIdCard } from '../support/test-app.js';
import { attemptLogin, signIn, type Client } from '../support/api.js';
import { toShanghaiIso } from '../../src/domain/activities/shanghai-time.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
let dir: string;
let school: Awaited<ReturnType<typeof buildSchool>>;
let chair: Client;
let chairPhone: string;

beforeAll(async () => {
  t = await createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-backup-'));
  school = await buildSchool(t.database, '备份小学工会');
  const user = await buildUser(t.database, [{ org: school.union, role: 'chair' }], { name: '备份主席' });
  chairPhone = user.phone!;
  chair = await signIn(t.app, chairPhone);
  // Some roster, history and audit trail through the API, and rows of every column type.
  for (const [i, name] of ['钱一', '孙二', '周三', '吴四'].entries()) {
    const res = await chair.post('/api/v1/members', {
      name,
      staffNo: `BK-${i}`,
      phone: `1380000010${i}`,
      idCard: validIdCard('19850302', 400 + i),
      groupId: i % 2 ? school.groupA.id : school.groupB.id,
      tags: ['女职工', `标签${i}`],
      note: i === 0 ? '带 "引号" 和 \\ 反斜杠\n换行' : null,
      isLunarBirthday: i === 1,
    });
    expect(res.statusCode).toBe(201);
  }
  const first = (await chair.get('/api/v1/members?q=BK-0')).json().items[0];
  await chair.post(`/api/v1/members/${first.id}/retire`, { onDate: '2026-07-01' });
  await buildMember(t.database, school.union, { name: '无档案号' });
  await t.database.db.insert(memberImports).values({
    orgId: school.union.id,
    userId: user.id,
    fileName: '原始文件.xlsx',
    status: 'read',
    headers: ['姓名', '工号'],
    rows: [{ row: 2, cells: ['某人', 12] }],
    mapping: { '0': 'name' },
  });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every table's rows as JSON text, in a stable order: what "the data" is, for comparing. */
async function snapshot(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of tableOrder()) {
    const rows = await t.database.query<{ r: string }>(`SELECT row_to_json(x)::text AS r FROM "${table}" x ORDER BY 1`);
    out[table] = rows.map((r) => r.r);
  }
  return out;
}
const counts = (s: Record<string, string[]>) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.length]));

describe('backup and restore', () => {
  it('round-trips the whole database: rows, the audit chain and the sessions come back exactly', async () => {
    const before = await snapshot();
    expect(before.members.length).toBe(5);
    expect(before.audit_events.length).toBeGreaterThan(5);
    const file = path.join(dir, 'full.uhbak.gz');
    const written = await backupDatabase(t.database, file);
    expect(written.tables).toBe(tableOrder().length);
    expect(written.rows).toBe(Object.values(before).reduce((n, rows) => n + rows.length, 0));

    // Life goes on after the backup: new members, edits, a deleted group, more audit events…
    const m = (await chair.get('/api/v1/members?q=BK-1')).json().items[0];
    expect((await chair.patch(`/api/v1/members/${m.id}`, { name: '改过的名字', phone: '13900000000' })).statusCode).toBe(200);
    expect((await chair.post('/api/v1/members', { name: '备份后新增', staffNo: 'AFTER-1' })).statusCode).toBe(201);
    const g = (await chair.post('/api/v1/orgs', { parentId: school.union.id, kind: 'group', name: '临时组' })).json();
    expect((await chair.delete(`/api/v1/orgs/${g.id}`)).statusCode).toBe(204);
    // …and someone removes data behind the application's back.
    await t.database.query("DELETE FROM member_history WHERE member_id IN (SELECT id FROM members WHERE name = '无档案号')");
    await t.database.query("DELETE FROM members WHERE name = '无档案号'");
    await t.database.query('DELETE FROM member_imports');
    expect(await snapshot()).not.toEqual(before);

    const restored = await restoreDatabase(t.database, file);
    expect(restored.rows).toBe(written.rows);
    const after = await snapshot();
    expect(counts(after)).toEqual(counts(before));
    expect(after).toEqual(before);

    const report = await verifyAuditTrail(t.database.db);
    expect(report.breaks).toEqual([]);
    expect(report.events).toBe(before.audit_events.length);

    // The application carries on from the restored state: the session from before the backup still works…
    const list = (await chair.get('/api/v1/members?pageSize=50')).json();
    expect(list.total).toBe(5);
    expect(list.items.map((x: { name: string }) => x.name)).not.toContain('改过的名字');
    // The compressed rows of an import in progress come back readable.
    const [job] = await t.database.db.select({ rows: memberImports.rows }).from(memberImports);
    expect(job.rows).toEqual([{ row: 2, cells: ['某人', 12] }]);
    // …and new audit events continue the restored chains without a break.
    expect((await chair.post('/api/v1/members', { name: '恢复后新增', staffNo: 'AFTER-2' })).statusCode).toBe(201);
    const afterWrite = await verifyAuditTrail(t.database.db);
    expect(afterWrite.breaks).toEqual([]);
    expect(afterWrite.events).toBe(before.audit_events.length + 1);
    expect((await attemptLogin(t.app, chairPhone, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a file that is not a backup with a Chinese message and changes nothing', async () => {
    const before = await snapshot();
    const cases: [string, Buffer][] = [
      ['plain.txt', Buffer.from('这不是备份文件\n', 'utf8')],
      ['other.json.gz', zlib.gzipSync('{"format":"something-else","tables":[]}\n')],
      ['garbage.gz', zlib.gzipSync('not json at all\n')],
      ['roster.xlsx', Buffer.from('PK\u0003\u0004 not really a zip', 'latin1')],
    ];
    for (const [name, content] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      await expect(restoreDatabase(t.database, file), name).rejects.toThrow(/不是职工之家的备份文件/);
    }
    // A backup cut short (a full disk, an interrupted copy) is refused as a whole.
    const good = path.join(dir, 'for-truncation.gz');
    await backupDatabase(t.database, good);
    const bytes = fs.readFileSync(good);
    const cut = path.join(dir, 'truncated.gz');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(restoreDatabase(t.database, cut)).rejects.toThrow(/[\u4e00-\u9fff]/);
    await expect(restoreDatabase(t.database, path.join(dir, 'does-not-exist.gz'))).rejects.toThrow(/备份文件不存在/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a backup made by another version of the database schema', async () => {
    const before = await snapshot();
    const good = path.join(dir, 'versioned.gz');
    await backupDatabase(t.database, good);
    const lines = zlib.gunzipSync(fs.readFileSync(good)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0]);
    lines[0] = JSON.stringify({ ...header, schemaVersion: header.schemaVersion + 1 });
    const other = path.join(dir, 'other-version.gz');
    fs.writeFileSync(other, zlib.gzipSync(lines.join('\n')));
    await expect(restoreDatabase(t.database, other)).rejects.toThrow(/版本/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('restoring activities', () => {
  it('moves the wait-list numbering past the restored wait-list, so a new sign-up queues behind it', async () => {
    const people: Client[] = [];
    for (const name of ['候补一', '候补二', '候补三', '候补四']) {
      const u = await buildUser(t.database, [{ org: school.union, role: 'member' }], { name });
      await buildMember(t.database, school.union, { name, userId: u.id });
      people.push(await signIn(t.app, u.phone!));
    }
    const typeId = (await chair.get('/api/v1/activity-types')).json().items[0].id;
    const at = (ms: number) => toShanghaiIso(new Date(Date.now() + ms));
    const created = await chair.post('/api/v1/activities', {
      typeId,
      title: '备份测试活动',
      startsAt: at(2 * 86_400_000),
      endsAt: at(2 * 86_400_000 + 3_600_000),
      audience: { kind: 'all' },
      capacity: 1,
      signupOpensAt: at(-3_600_000),
      signupClosesAt: at(86_400_000),
    });
    expect(created.statusCode, created.body).toBe(201);
    const signUp = (c: Client) => c.post(`/api/v1/activities/${created.json().ids[0]}/registrations`, { answers: {} });
    expect((await signUp(people[0])).json().status).toBe('confirmed');
    expect((await signUp(people[1])).json().status).toBe('waitlisted');
    expect((await signUp(people[2])).json().status).toBe('waitlisted');
    const file = path.join(dir, 'waitlist.uhbak.gz');
    await backupDatabase(t.database, file);

    // Restored into a database whose sequence has never handed out a number (a new server, say).
    await t.database.query("SELECT setval('activity_waitlist_seq', 1, false)");
    await restoreDatabase(t.database, file);
    const [{ max }] = await t.database.query<{ max: string }>('SELECT max(waitlist_seq)::text AS max FROM activity_registrations');
    const late = (await signUp(people[3])).json();
    expect(late.status).toBe('waitlisted');
    expect((await people[3].get(`/api/v1/activities/${created.json().ids[0]}`)).json().me).toMatchObject({ status: 'waitlisted', waitlistPosition: 3 });
    const [{ seq }] = await t.database.query<{ seq: string }>('SELECT waitlist_seq::text AS seq FROM activity_registrations WHERE id = $1', [late.registrationId]);
    expect(BigInt(seq)).toBeGreaterThan(BigInt(max));
  });
});

describe('backup of large files', () => {
  it('writes photos in chunks of bounded size and restores them byte for byte; a chunk out of order is refused', async () => {
    const typeId = (await chair.get('/api/v1/activity-types')).json().items[0].id;
    const at = (ms: number) => toShanghaiIso(new Date(Date.now() + ms));
    const created = await chair.post('/api/v1/activities', { typeId, title: '照片很多的活动', startsAt: at(86_400_000), endsAt: at(90_000_000), audience: { kind: 'all' } });
    expect(created.statusCode, created.body).toBe(201);
    const activityId = created.json().ids[0];
    // Six 3 MB "photos" of distinct bytes: 36 MB of hex in the file, far above one chunk's bound.
    const photos = Array.from({ length: 6 }, (_, i) => Buffer.alloc(3 * 1024 * 1024, i + 1));
    for (const [i, data] of photos.entries()) {
      await t.database.db.insert(activityFiles).values({ activityId, orgId: school.union.id, kind: 'photo', name: `照片${i}.jpg`, mime: 'image/jpeg', size: data.length, data });
    }
    const file = path.join(dir, 'photos.uhbak.gz');
    await backupDatabase(t.database, file);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
    const photoLines = lines.filter((l) => l.startsWith('{"table":"activity_files"'));
    expect(photoLines.length).toBeGreaterThanOrEqual(3);
    for (const l of lines) expect(l.length).toBeLessThan(8 * 1024 * 1024 + 7 * 1024 * 1024);

    await t.database.query('DELETE FROM activity_files');
    await restoreDatabase(t.database, file);
    const back = await t.database.db.select({ name: activityFiles.name, data: activityFiles.data }).from(activityFiles);
    expect(back).toHaveLength(6);
    for (const row of back) expect(Buffer.compare(Buffer.from(row.data), photos[Number(row.name.slice(2, 3))])).toBe(0);

    // A file whose photos come before their activities is not one of ours: refused, nothing changed.
    const swapped = [lines[0], ...photoLines, ...lines.slice(1).filter((l) => !photoLines.includes(l))].join('\n');
    const bad = path.join(dir, 'swapped.uhbak.gz');
    fs.writeFileSync(bad, zlib.gzipSync(swapped));
    await expect(restoreDatabase(t.database, bad)).rejects.toThrow('不是职工之家的备份文件，或文件已损坏（数据库未作任何改动）');
    expect(await t.database.db.select({ name: activityFiles.name }).from(activityFiles)).toHaveLength(6);
  });
});

describe('table order', () => {
  it('puts every table after the tables its foreign keys reference, so a restore never inserts a child first', async () => {
    const { getTableConfig, PgTable } = await import('drizzle-orm/pg-core');
    const { getTableName, is } = await import('drizzle-orm');
    const schema = await import('../../src/server/db/schema/index.js');
    const order = tableOrder();
    const tables = (Object.values(schema) as unknown[]).filter((t): t is InstanceType<typeof PgTable> => is(t, PgTable));
    expect(order).toHaveLength(tables.length);
    for (const t of tables) {
      for (const fk of getTableConfig(t).foreignKeys) {
        const parent = getTableName(fk.reference().foreignTable);
        if (parent !== getTableName(t)) expect(order.indexOf(parent), `${parent} before ${getTableName(t)}`).toBeLessThan(order.indexOf(getTableName(t)));
      }
    }
  });
});
