import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase, tableOrder } from '../../src/cli/backup.js';
import { verifyAuditTrail } from '../../src/server/modules/audit/audit.service.js';
import { memberImports } from '../../src/server/db/schema/index.js';
import { buildMember, buildSchool, buildUser, createTestApp, TEST_PASSWORD, validIdCard } from '../support/test-app.js';
import { attemptLogin, signIn, type Client } from '../support/api.js';

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
