import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { members, orgs } from '../../db/schema/index.js';
import type { MemberInput } from '../../../contracts/members.js';
import { checkRosterRow, findDuplicatesInFile, type RowProblem } from '../../../domain/roster-import.js';
import { ROSTER_FIELD_HEADERS, type RosterField } from '../../../domain/roster-columns.js';
import type { SheetRow } from './spreadsheet-reader.js';

export type ImportMode = 'create' | 'upsert';

/** A row ready to write: a new member, or an update of an existing one matched by 工号 or 身份证号. */
export interface PlannedRow {
  row: number;
  input: MemberInput;
  groupName: string | null;
  groupId: string | null;
  existingId: string | null;
}

/** A row whose cells passed every check, not yet placed against the roster. */
type Candidate = Pick<PlannedRow, 'row' | 'input' | 'groupName'>;
type RosterIndex = Awaited<ReturnType<typeof rosterIndex>>;

export interface CheckOutcome {
  total: number;
  toCreate: number;
  toUpdate: number;
  problems: RowProblem[];
  planned: PlannedRow[];
}

/** The union's groups by name, and the roster's staff and ID numbers, for checking rows against. */
async function rosterIndex(db: Db, union: { id: string; path: string }) {
  const groups = await db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(sql`${orgs.kind} = 'group' AND ${orgs.path} LIKE ${union.path + '%'}`);
  const existing = await db
    .select({ id: members.id, name: members.name, staffNo: members.staffNo, idCard: members.idCard })
    .from(members)
    .where(eq(members.orgId, union.id));
  const byStaffNo = new Map<string, { id: string; name: string }>();
  const byIdCard = new Map<string, { id: string; name: string }>();
  for (const m of existing) {
    if (m.staffNo) byStaffNo.set(m.staffNo, m);
    if (m.idCard) byIdCard.set(m.idCard, m);
  }
  return { groupIds: new Map(groups.map((g) => [g.name, g.id])), byStaffNo, byIdCard };
}

/**
 * Checks every row of an upload against the rules and the roster and lists every problem; with mode
 * 'upsert', rows whose 工号 (or else 身份证号) is already on the roster become updates.
 */
export async function checkImportRows(
  db: Db,
  union: { id: string; path: string },
  rows: SheetRow[],
  mapping: Record<string, RosterField>,
  mode: ImportMode,
  onProgress: (done: number) => Promise<void> = async () => undefined,
): Promise<CheckOutcome> {
  const index = await rosterIndex(db, union);
  const groupNames = new Set(index.groupIds.keys());
  const columns = Object.entries(mapping).map(([col, field]) => [Number(col), field] as const);
  const cellsOf = (r: SheetRow) => {
    const cells: Partial<Record<RosterField, unknown>> = {};
    for (const [col, field] of columns) cells[field] = r.cells[col] ?? null;
    return cells;
  };
  const allCells = rows.map(cellsOf);
  const checked = [];
  for (let i = 0; i < rows.length; i++) {
    checked.push(checkRosterRow(rows[i].row, allCells[i], groupNames));
    if (i % 2000 === 1999) await onProgress(i + 1);
  }
  const problems: RowProblem[] = checked.flatMap((c) => c.problems);
  problems.push(...findDuplicatesInFile(checked, allCells));

  const candidates = checked.filter((c) => c.input).map((c) => ({ row: c.row, input: c.input!, groupName: c.groupName }));
  const planned = planRows(index, candidates, mode, problems);
  problems.sort((a, b) => a.row - b.row);
  return {
    total: rows.length,
    toCreate: planned.filter((p) => !p.existingId).length,
    toUpdate: planned.filter((p) => p.existingId).length,
    problems,
    planned,
  };
}

/**
 * Places checked rows against the roster as it is now: new members, or (mode 'upsert') updates of the member
 * with the same 工号, else 身份证号. Conflicts become problems; no row is dropped silently.
 */
function planRows(index: RosterIndex, candidates: Candidate[], mode: ImportMode, problems: RowProblem[]): PlannedRow[] {
  const planned: PlannedRow[] = [];
  const claimed = new Set<string>();
  for (const c of candidates) {
    // A group renamed or removed since the check: the row cannot be placed any more.
    if (c.groupName && !index.groupIds.has(c.groupName)) problems.push(rowProblem(c.row, 'group', c.groupName, `工会小组“${c.groupName}”不存在，请先在组织管理中建立或改为已有小组`));
  }
  for (const c of candidates) {
    if (c.groupName && !index.groupIds.has(c.groupName)) continue;
    const byStaff = c.input.staffNo ? index.byStaffNo.get(c.input.staffNo) : undefined;
    const byId = c.input.idCard ? index.byIdCard.get(c.input.idCard) : undefined;
    if (byStaff && byId && byStaff.id !== byId.id) {
      problems.push(rowProblem(c.row, 'idCard', c.input.idCard!, `工号属于 ${byStaff.name}，身份证号却属于 ${byId.name}，请核对`));
      continue;
    }
    const match = byStaff ?? byId;
    if (match && mode === 'create') {
      const field: RosterField = byStaff ? 'staffNo' : 'idCard';
      const value = byStaff ? c.input.staffNo! : c.input.idCard!;
      problems.push(rowProblem(c.row, field, value, `${ROSTER_FIELD_HEADERS[field]} ${value} 已在名册中（${match.name}）；如需更新已有会员，请选择“新增并更新已有会员”`));
      continue;
    }
    if (match && claimed.has(match.id)) {
      // Two rows of the file point at one member (one by 工号, the other by 身份证号): say so, unless the row is
      // already reported as a duplicate within the file; never drop a row silently.
      if (!problems.some((p) => p.row === c.row)) {
        const field: RosterField = byStaff ? 'staffNo' : 'idCard';
        const value = byStaff ? c.input.staffNo! : c.input.idCard!;
        problems.push(rowProblem(c.row, field, value, `与文件中另一行指向同一名会员（${match.name}），请合并为一行`));
      }
      continue;
    }
    if (match) claimed.add(match.id);
    planned.push({ row: c.row, input: c.input, groupName: c.groupName, groupId: c.groupName ? index.groupIds.get(c.groupName)! : null, existingId: match?.id ?? null });
  }
  return planned;
}

/**
 * At commit: the rows were checked cell by cell when the user previewed them; only their place against the
 * roster can have changed since (a 工号 taken, a group renamed), so that is all that is checked again.
 */
export async function replanImportRows(db: Db, union: { id: string; path: string }, planned: PlannedRow[], mode: ImportMode, total: number): Promise<CheckOutcome> {
  const index = await rosterIndex(db, union);
  const problems: RowProblem[] = [];
  const replanned = planRows(index, planned.map((p) => ({ row: p.row, input: p.input, groupName: p.groupName })), mode, problems);
  problems.sort((a, b) => a.row - b.row);
  return {
    total,
    toCreate: replanned.filter((p) => !p.existingId).length,
    toUpdate: replanned.filter((p) => p.existingId).length,
    problems,
    planned: replanned,
  };
}

function rowProblem(row: number, field: RosterField, value: string, message: string): RowProblem {
  return { row, field, column: ROSTER_FIELD_HEADERS[field], value, message };
}
