import fs from 'node:fs';
import { readSpreadsheet } from '../src/server/modules/imports/spreadsheet-reader.js';
import { checkRosterRow } from '../src/domain/roster-import.js';
import { detectMapping } from '../src/domain/roster-columns.js';
import { completeMemberInput, nameColumns } from '../src/domain/member-fields.js';
import { namePinyin, pinyinSortKey, strokeSortKey } from '../src/domain/name-keys.js';
import { BENCH_GROUPS } from '../bench/lib/roster-xlsx.js';
const buffer = fs.readFileSync('/tmp/prof-template/roster.xlsx');
const sheet = await readSpreadsheet('r.xlsx', buffer);
const mapping = detectMapping(sheet.headers);
const cols = Object.entries(mapping).map(([c, f]) => [Number(c), f] as const);
const groups = new Set(BENCH_GROUPS.map((g) => g.name));
const cells = sheet.rows.map((r) => { const o: any = {}; for (const [c, f] of cols) o[f] = r.cells[c] ?? null; return o; });
const t = (label: string, fn: () => void) => { const s = performance.now(); fn(); console.log(label.padEnd(30), Math.round(performance.now() - s), 'ms'); };
for (let k = 0; k < 3; k++) t('checkRosterRow x N', () => { for (let i = 0; i < cells.length; i++) checkRosterRow(i + 2, cells[i], groups); });
const inputs = cells.map((c, i) => checkRosterRow(i + 2, c, groups).input!);
const names = inputs.map((x) => x.name);
console.log('distinct names', new Set(names).size);
for (let k = 0; k < 2; k++) {
t('namePinyin', () => { for (const n of names) namePinyin(n); });
t('pinyinSortKey', () => { for (const n of names) pinyinSortKey(n); });
t('strokeSortKey', () => { for (const n of names) strokeSortKey(n); });
t('completeMemberInput (no name)', () => { for (const x of inputs) { const { name, ...rest } = x; completeMemberInput(rest); } });
}
