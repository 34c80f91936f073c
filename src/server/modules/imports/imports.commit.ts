import { eq, getTableName, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { copyRows, type CopyValue } from '../../db/copy.js';
import { memberHistory, members } from '../../db/schema/index.js';
import { completeMemberInput } from '../../../domain/member-fields.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { PlannedRow } from './imports.check.js';

const BATCH = 1000;

/** The member columns an import writes for a new member (the rest keep their database defaults). */
const CREATED_COLUMNS = [
  'orgId', 'groupId', 'importId', 'name', 'pinyinKey', 'strokeKey', 'initials', 'pinyin', 'gender', 'birthDate', 'isLunarBirthday',
  'idCard', 'phone', 'staffNo', 'department', 'postType', 'employmentStatus', 'membershipStatus', 'joinedOn', 'tags', 'note',
] as const satisfies readonly (keyof typeof members.$inferInsert)[];
type CreatedColumn = (typeof CREATED_COLUMNS)[number];

const isPlainValue = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const createdColumnNames = CREATED_COLUMNS.map((key) => members[key].name);

/** A new member as one COPY line's values; an absent value takes the column's default from the schema. */
function createdValues(values: Partial<Record<CreatedColumn, unknown>>): CopyValue[] {
  return CREATED_COLUMNS.map((key) => {
    const column = members[key];
    return (values[key] ?? (isPlainValue(column.default) ? column.default : null)) as CopyValue;
  });
}

/**
 * Writes checked rows inside the caller's transaction: new members with COPY (their history points to the
 * import), updates one by one with a history line each, and one audit event for the whole import.
 */
export async function writeImport(
  tx: Db,
  union: { id: string },
  importId: string,
  planned: PlannedRow[],
  actor: { userId: string | null; name: string },
  fileName: string,
): Promise<{ created: number; updated: number }> {
  const today = todayInShanghai();
  const creates = planned.filter((p) => !p.existingId);
  const updates = planned.filter((p) => p.existingId);
  // New members go in with COPY; their history's first line is the import itself (members.import_id).
  const createdRows = (function* () {
    for (const p of creates) {
      const v = completeMemberInput(p.input);
      yield createdValues({ ...v, tags: v.tags ?? [], groupId: p.groupId, orgId: union.id, importId });
    }
  })();
  await copyRows(tx, getTableName(members), createdColumnNames, createdRows);
  for (const p of updates) {
    const v = completeMemberInput(p.input);
    await tx
      .update(members)
      .set({ ...(v as object), ...(p.groupId ? { groupId: p.groupId } : {}), updatedAt: sql`now()` })
      .where(eq(members.id, p.existingId!));
  }
  if (updates.length) {
    for (let i = 0; i < updates.length; i += BATCH) {
      await tx.insert(memberHistory).values(
        updates.slice(i, i + BATCH).map((p) => ({
          memberId: p.existingId!, orgId: union.id, kind: 'imported' as const, onDate: today, fromValue: '导入更新', toValue: fileName, actorId: actor.userId,
        })),
      );
    }
  }
  await writeAudit(tx, {
    orgId: union.id,
    actor,
    action: 'member.imported',
    entityType: 'member_import',
    entityLabel: fileName,
    changes: { created: { to: creates.length }, updated: { to: updates.length }, file: { to: fileName } },
  });
  return { created: creates.length, updated: updates.length };
}
