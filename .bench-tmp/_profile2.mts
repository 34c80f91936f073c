import fs from 'node:fs';
import { execSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client.js';
import { orgs, users, members, memberHistory } from '../src/server/db/schema/index.js';
import { readSpreadsheet } from '../src/server/modules/imports/spreadsheet-reader.js';
import { checkImportRows } from '../src/server/modules/imports/imports.check.js';
import { detectMapping } from '../src/domain/roster-columns.js';
import { completeMemberInput } from '../src/domain/member-fields.js';
import { BENCH_GROUPS } from '../bench/lib/roster-xlsx.js';

const tpl = '/tmp/prof-template';
fs.rmSync('/tmp/prof-db', { recursive: true, force: true });
execSync(`cp -r ${tpl}/db /tmp/prof-db`);
const buffer = fs.readFileSync(tpl + '/roster.xlsx');
const database = await openDatabase({ dataDir: '/tmp/prof-db' });
const db = database.db;
const t = async <T>(label: string, fn: () => Promise<T>): Promise<T> => { const s = performance.now(); const r = await fn(); console.error(label.padEnd(30), Math.round(performance.now() - s), 'ms'); return r; };
const uid = crypto.randomUUID();
const union = { id: uid, path: `/${uid}/` };
await db.insert(orgs).values({ id: uid, kind: 'grassroots', name: 'p', path: union.path });
for (const g of BENCH_GROUPS) { const id = crypto.randomUUID(); await db.insert(orgs).values({ id, kind: 'group', name: g.name, parentId: uid, path: `${union.path}${id}/` }); }
const sheet = await readSpreadsheet('r.xlsx', buffer);
const outcome = await checkImportRows(db, union, sheet.rows, detectMapping(sheet.headers) as any, 'create');
const values = outcome.planned.map((p) => { const v = completeMemberInput(p.input); return { ...v, groupId: p.groupId, orgId: uid, tags: v.tags ?? [] } as typeof members.$inferInsert; });
const B = 1000;
let build = 0, exec = 0, hist = 0;
await database.query('BEGIN');
for (let i = 0; i < 10000; i += B) {
  const s0 = performance.now();
  const q = db.insert(members).values(values.slice(i, i + B)).returning({ id: members.id }).toSQL();
  const s1 = performance.now();
  const rows = await database.query<{ id: string }>(q.sql, q.params);
  const s2 = performance.now();
  const h = db.insert(memberHistory).values(rows.map((r) => ({ memberId: r.id, orgId: uid, kind: 'imported' as const, onDate: '2024-01-01', toValue: 'r.xlsx' }))).toSQL();
  await database.query(h.sql, h.params);
  const s3 = performance.now();
  build += s1 - s0; exec += s2 - s1; hist += s3 - s2;
}
console.error('10k rows: build', Math.round(build), 'exec', Math.round(exec), 'hist', Math.round(hist));
await database.query('ROLLBACK');
// without secondary indexes?
await database.query('BEGIN');
const s = performance.now();
for (let i = 0; i < 10000; i += B) {
  const q = db.insert(members).values(values.slice(i, i + B)).toSQL();
  await database.query(q.sql, q.params);
}
console.error('10k rows no returning', Math.round(performance.now() - s));
await database.query('ROLLBACK');
// one row per statement-size variants
for (const b of [100, 250, 5000]) {
  await database.query('BEGIN');
  const s = performance.now();
  for (let i = 0; i < 10000; i += b) {
    const q = db.insert(members).values(values.slice(i, i + b)).toSQL();
    await database.query(q.sql, q.params);
  }
  console.error(`10k rows batch ${b}`, Math.round(performance.now() - s));
  await database.query('ROLLBACK');
}
// json_populate_recordset style: single param
await database.query('BEGIN');
{
  const s = performance.now();
  for (let i = 0; i < 10000; i += B) {
    const slice = values.slice(i, i + B).map((v) => ({ ...v, org_id: v.orgId, group_id: v.groupId, pinyin_key: v.pinyinKey, stroke_key: v.strokeKey, birth_date: v.birthDate, id_card: v.idCard, staff_no: v.staffNo, post_type: v.postType, employment_status: v.employmentStatus, membership_status: v.membershipStatus, joined_on: v.joinedOn }));
    await database.query(`INSERT INTO members (org_id, group_id, name, pinyin_key, stroke_key, initials, pinyin, gender, birth_date, id_card, phone, staff_no, department, post_type, employment_status, membership_status, joined_on, tags, note)
      SELECT org_id, group_id, name, pinyin_key, stroke_key, initials, pinyin, gender, birth_date, id_card, phone, staff_no, department, post_type, employment_status, membership_status, joined_on, tags, note FROM jsonb_populate_recordset(NULL::members, $1::jsonb)`, [JSON.stringify(slice)]);
  }
  console.error('10k rows jsonb_populate_recordset', Math.round(performance.now() - s));
}
await database.query('ROLLBACK');
await database.close();
