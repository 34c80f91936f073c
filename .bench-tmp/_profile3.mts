import fs from 'node:fs';
import { execSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client.js';
import { orgs, users, members, memberImports } from '../src/server/db/schema/index.js';
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
const t = async <T>(label: string, fn: () => Promise<T>): Promise<T> => { const s = performance.now(); const r = await fn(); console.error(label.padEnd(40), Math.round(performance.now() - s), 'ms'); return r; };
const uid = crypto.randomUUID();
const union = { id: uid, path: `/${uid}/` };
await db.insert(orgs).values({ id: uid, kind: 'grassroots', name: 'p', path: union.path });
for (const g of BENCH_GROUPS) { const id = crypto.randomUUID(); await db.insert(orgs).values({ id, kind: 'group', name: g.name, parentId: uid, path: `${union.path}${id}/` }); }
const [user] = await db.insert(users).values({ displayName: 'x', phone: '13700000000', passwordHash: 'x' }).returning();
for (let k = 0; k < 3; k++) await t('insert file (drizzle bytea)', () => db.insert(memberImports).values({ orgId: uid, userId: user.id, fileName: 'r.xlsx', file: buffer, status: 'reading' }));
const sheet = await readSpreadsheet('r.xlsx', buffer);
for (let k = 0; k < 2; k++) await t('rows jsonb update (drizzle)', () => db.update(memberImports).set({ rows: sheet.rows }));
await t('rows jsonb_array_length', () => database.query('select jsonb_array_length(rows) from member_imports limit 1'));
await t('rows select (raw)', () => database.query('select rows from member_imports limit 1'));
const outcome = await checkImportRows(db, union, sheet.rows, detectMapping(sheet.headers) as any, 'create');
const values = outcome.planned.map((p) => { const v = completeMemberInput(p.input); return { ...v, groupId: p.groupId, orgId: uid, tags: v.tags ?? [] } as any; });
const COLS = `org_id uuid, group_id uuid, name text, pinyin_key text, stroke_key text, initials text, pinyin text, gender text, birth_date date, id_card text, phone text, staff_no text, department text, post_type text, employment_status text, membership_status text, joined_on date, tags text[], note text`;
const NAMES = COLS.split(', ').map((c) => c.split(' ')[0]).join(', ');
const toJson = (v: any) => ({ org_id: v.orgId, group_id: v.groupId, name: v.name, pinyin_key: v.pinyinKey, stroke_key: v.strokeKey, initials: v.initials, pinyin: v.pinyin, gender: v.gender ?? null, birth_date: v.birthDate ?? null, id_card: v.idCard ?? null, phone: v.phone ?? null, staff_no: v.staffNo ?? null, department: v.department ?? null, post_type: v.postType ?? 'teacher', employment_status: v.employmentStatus ?? 'active', membership_status: v.membershipStatus ?? 'normal', joined_on: v.joinedOn ?? null, tags: v.tags ?? [], note: v.note ?? null });
for (const B of [1000, 5000]) {
  await database.query('BEGIN');
  await t(`10k jsonb_to_recordset+CTE hist B=${B}`, async () => {
    for (let i = 0; i < 10000; i += B) {
      const json = JSON.stringify(values.slice(i, i + B).map(toJson));
      await database.query(`WITH ins AS (INSERT INTO members (${NAMES}) SELECT ${NAMES} FROM jsonb_to_recordset($1::jsonb) AS x(${COLS}) RETURNING id, org_id)
        INSERT INTO member_history (member_id, org_id, kind, on_date, to_value, actor_id) SELECT id, org_id, 'imported', $2::date, $3, $4::uuid FROM ins`, [json, '2024-01-01', 'r.xlsx', user.id]);
    }
  });
  await database.query('ROLLBACK');
}
await database.query('BEGIN');
await t(`10k jsonb_to_recordset no hist`, async () => {
  for (let i = 0; i < 10000; i += 1000) {
    const json = JSON.stringify(values.slice(i, i + 1000).map(toJson));
    await database.query(`INSERT INTO members (${NAMES}) SELECT ${NAMES} FROM jsonb_to_recordset($1::jsonb) AS x(${COLS})`, [json]);
  }
});
await database.query('ROLLBACK');
// index share: drop secondary indexes inside tx
await database.query('BEGIN');
for (const ix of ['members_org_pinyin_idx', 'members_org_stroke_idx', 'members_org_group_idx', 'members_user_idx', 'members_staff_no_idx']) await database.query(`DROP INDEX ${ix}`);
await t(`10k no secondary idx`, async () => {
  for (let i = 0; i < 10000; i += 1000) {
    const json = JSON.stringify(values.slice(i, i + 1000).map(toJson));
    await database.query(`INSERT INTO members (${NAMES}) SELECT ${NAMES} FROM jsonb_to_recordset($1::jsonb) AS x(${COLS})`, [json]);
  }
});
await database.query('ROLLBACK');
await database.query('BEGIN');
await t(`10k empty-select baseline (parse json only)`, async () => {
  for (let i = 0; i < 10000; i += 1000) {
    const json = JSON.stringify(values.slice(i, i + 1000).map(toJson));
    await database.query(`SELECT count(*) FROM jsonb_to_recordset($1::jsonb) AS x(${COLS})`, [json]);
  }
});
await database.query('ROLLBACK');
await database.close();
