import fs from 'node:fs';
import { execSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client.js';
import { seedScale } from '../src/cli/seed-scale.js';
import { orgs, users, memberImports } from '../src/server/db/schema/index.js';
import { readSpreadsheet } from '../src/server/modules/imports/spreadsheet-reader.js';
import { checkImportRows } from '../src/server/modules/imports/imports.check.js';
import { writeImport } from '../src/server/modules/imports/imports.commit.js';
import { detectMapping } from '../src/domain/roster-columns.js';
import { completeMemberInput } from '../src/domain/member-fields.js';
import { writeRosterXlsx, BENCH_GROUPS } from '../bench/lib/roster-xlsx.js';

const N = Number(process.env.N ?? 30000);
const tpl = '/tmp/prof-template';
if (!fs.existsSync(tpl + '/done')) {
  fs.rmSync(tpl, { recursive: true, force: true });
  const d = await openDatabase({ dataDir: tpl + '/db' });
  await d.migrate();
  await seedScale(d, 200, 30000);
  await d.close();
  await writeRosterXlsx(tpl + '/roster.xlsx', N);
  fs.writeFileSync(tpl + '/done', '');
}
fs.rmSync('/tmp/prof-db', { recursive: true, force: true });
execSync(`cp -r ${tpl}/db /tmp/prof-db`);
const buffer = fs.readFileSync(tpl + '/roster.xlsx');
const database = await openDatabase({ dataDir: '/tmp/prof-db' });
await database.migrate();
const db = database.db;
const t = async <T>(label: string, fn: () => Promise<T>): Promise<T> => { const s = performance.now(); const r = await fn(); console.error(label.padEnd(30), Math.round(performance.now() - s), 'ms', Math.round(process.memoryUsage().rss / 1048576), 'MB'); return r; };
const uid = crypto.randomUUID();
const union = { id: uid, path: `/${uid}/` };
await db.insert(orgs).values({ id: uid, kind: 'grassroots', name: 'p', path: union.path });
for (const g of BENCH_GROUPS) { const id = crypto.randomUUID(); await db.insert(orgs).values({ id, kind: 'group', name: g.name, parentId: uid, path: `${union.path}${id}/` }); }
const [user] = await db.insert(users).values({ displayName: 'x', phone: '13700000000', passwordHash: 'x' }).returning();
const [imp] = await t('insert file', () => db.insert(memberImports).values({ orgId: uid, userId: user.id, fileName: 'r.xlsx', file: buffer, status: 'reading' }).returning({ id: memberImports.id }));
const sheet = await t('readSpreadsheet', () => readSpreadsheet('r.xlsx', buffer));
await t('update rows', () => db.update(memberImports).set({ status: 'read', headers: sheet.headers, rows: sheet.rows, mapping: detectMapping(sheet.headers), file: null }).where(eq(memberImports.id, imp.id)));
const [row] = await t('select import', () => db.select().from(memberImports).where(eq(memberImports.id, imp.id)));
await t('select import again', () => db.select().from(memberImports).where(eq(memberImports.id, imp.id)));
const mapping = row.mapping as any;
const outcome = await t('checkImportRows', () => checkImportRows(db, union, row.rows!, mapping, 'create'));
console.error('problems', outcome.problems.length, outcome.problems.slice(0, 2));
await t('completeMemberInput x N', async () => { for (const p of outcome.planned) completeMemberInput(p.input); });
await t('writeImport (tx)', () => db.transaction((tx) => writeImport(tx, union, outcome.planned, { userId: user.id, name: 'x' }, 'r.xlsx')));
await database.close();
