import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-cli-'));

/** Runs `unionhome …` as a user would (a real process, real ESM), on the test's own data directory. */
async function unionhome(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, [path.join(root, 'bin/unionhome.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, UNIONHOME_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

async function query<T>(sql: string): Promise<T[]> {
  const db = new PGlite(dataDir);
  try {
    return (await db.query<T>(sql)).rows;
  } finally {
    await db.close();
  }
}

async function rosterFile(file: string, rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', '性别', '手机号码', '工号', '出生日期']);
  rows.forEach((r) => ws.addRow(r));
  await wb.xlsx.writeFile(file);
}

let unionId = '';
beforeAll(async () => {
  const seeded = await unionhome('seed:demo');
  expect(seeded.code).toBe(0);
  expect(seeded.out).toContain('工会主席·示例第一中学');
  [{ id: unionId }] = await query<{ id: string }>("SELECT id FROM orgs WHERE name = '示例实验小学工会'");
}, 180_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('the unionhome command', () => {
  it('lists its commands with --help', async () => {
    const r = await unionhome('--help');
    expect(r.code).toBe(0);
    for (const c of ['import:members', 'backup', 'restore', 'audit:verify', 'seed:scale']) expect(r.out).toContain(c);
  });

  it('import:members refuses a file with a bad row, names it, and writes nothing; a fixed file imports', async () => {
    const file = path.join(dataDir, 'roster.xlsx');
    await rosterFile(file, [['东方明', '男', '13911112222', 'CLI001', '1990年5月6日'], ['西门雪', '女', '1391111', 'CLI002', '1991.5.6']]);
    const bad = await unionhome('import:members', file, '--org', unionId);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('第 3 行');
    expect(bad.out).toContain('未导入任何数据');
    expect(await query("SELECT id FROM members WHERE staff_no LIKE 'CLI%'")).toHaveLength(0);

    await rosterFile(file, [['东方明', '男', '13911112222', 'CLI001', '1990年5月6日'], ['西门雪', '女', '13911113333', 'CLI002', '1991.5.6']]);
    const good = await unionhome('import:members', file, '--org', unionId);
    expect(good.code).toBe(0);
    expect(good.out).toContain('新增 2 人');
    const rows = await query<{ birth_date: string }>("SELECT birth_date::text FROM members WHERE staff_no LIKE 'CLI%' ORDER BY staff_no");
    expect(rows.map((r) => r.birth_date)).toEqual(['1990-05-06', '1991-05-06']);
    // The import is on record, so each new member's history starts with it (file name, no web user).
    const recorded = await query<{ file_name: string; status: string; user_id: string | null; members: number }>(
      "SELECT i.file_name, i.status, i.user_id, count(m.id)::int AS members FROM member_imports i JOIN members m ON m.import_id = i.id WHERE m.staff_no LIKE 'CLI%' GROUP BY i.id",
    );
    expect(recorded).toEqual([{ file_name: 'roster.xlsx', status: 'committed', user_id: null, members: 2 }]);
  }, 120_000);

  it('backup and restore round-trip the whole database, and the audit chain still verifies', async () => {
    const file = path.join(dataDir, 'all.backup');
    const [{ n: before }] = await query<{ n: number }>('SELECT count(*)::int AS n FROM members');
    expect((await unionhome('backup', file)).code).toBe(0);

    const extra = path.join(dataDir, 'extra.xlsx');
    await rosterFile(extra, [['南宫月', '女', '13911114444', 'CLI003', '1992-01-02']]);
    expect((await unionhome('import:members', extra, '--org', unionId)).code).toBe(0);
    expect((await query<{ n: number }>('SELECT count(*)::int AS n FROM members'))[0].n).toBe(before + 1);

    const restored = await unionhome('restore', file);
    expect(restored.code, restored.out).toBe(0);
    expect((await query<{ n: number }>('SELECT count(*)::int AS n FROM members'))[0].n).toBe(before);
    const verify = await unionhome('audit:verify');
    expect(verify.code).toBe(0);
    expect(verify.out).toContain('哈希全部吻合');
  }, 180_000);

  it('audit:verify finds a tampered event', async () => {
    const db = new PGlite(dataDir);
    await db.exec("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update; UPDATE audit_events SET actor_name = '别人' WHERE seq = 1; ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;");
    await db.close();
    const r = await unionhome('audit:verify');
    expect(r.code).toBe(1);
    expect(r.out).toContain('被篡改');
  }, 60_000);
});
