import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { memberHistory, members } from '../../db/schema/index.js';
import { completeMemberInput } from '../../../domain/member-fields.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { PlannedRow } from './imports.check.js';

const BATCH = 1000;
/** New members per INSERT: the batch travels as one JSON parameter, so its size is not bound by parameter limits. */
const CREATE_BATCH = 1000;

/** The member columns an import writes for a new member (the rest keep their database defaults). */
const CREATED_COLUMNS = [
  'orgId', 'groupId', 'name', 'pinyinKey', 'strokeKey', 'initials', 'pinyin', 'gender', 'birthDate', 'isLunarBirthday',
  'idCard', 'phone', 'staffNo', 'department', 'postType', 'employmentStatus', 'membershipStatus', 'joinedOn', 'tags', 'note',
] as const satisfies readonly (keyof typeof members.$inferInsert)[];
type CreatedColumn = (typeof CREATED_COLUMNS)[number];

/** Column names for a statement: `"org_id", "group_id", …`, or with types for jsonb_to_recordset. */
const columnNames = (columns: PgColumn[], withTypes = false) =>
  sql.raw(columns.map((c) => (withTypes ? `"${c.name}" ${c.getSQLType()}` : `"${c.name}"`)).join(', '));
const createdColumns = CREATED_COLUMNS.map((key) => members[key] as PgColumn);
const historyColumns = [memberHistory.memberId, memberHistory.orgId, memberHistory.kind, memberHistory.onDate, memberHistory.toValue, memberHistory.actorId];

const isPlainValue = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** A new member as one JSON record keyed by column name; an absent value takes the column's default from the schema. */
function createdRecord(values: Partial<Record<CreatedColumn, unknown>>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const key of CREATED_COLUMNS) {
    const column = members[key];
    record[column.name] = values[key] ?? (isPlainValue(column.default) ? column.default : null);
  }
  return record;
}

/** Inserts new members and their "imported" history lines in one statement per batch. */
function insertCreated(records: Record<string, unknown>[], history: { orgId: string; onDate: string; toValue: string; actorId: string | null }): SQL {
  return sql`
    WITH created AS (
      INSERT INTO ${members} (${columnNames(createdColumns)})
      SELECT ${columnNames(createdColumns)} FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(${columnNames(createdColumns, true)})
      RETURNING ${members.id}
    )
    INSERT INTO ${memberHistory} (${columnNames(historyColumns)})
    SELECT created.id, ${history.orgId}::uuid, 'imported', ${history.onDate}::date, ${history.toValue}, ${history.actorId}::uuid FROM created`;
}

/**
 * Writes checked rows inside the caller's transaction: new members in batches, updates one by one, a history
 * line per member, and one audit event for the whole import.
 */
export async function writeImport(
  tx: Db,
  union: { id: string },
  planned: PlannedRow[],
  actor: { userId: string | null; name: string },
  fileName: string,
): Promise<{ created: number; updated: number }> {
  const today = todayInShanghai();
  const creates = planned.filter((p) => !p.existingId);
  const updates = planned.filter((p) => p.existingId);
  // Each batch is prepared while the database writes the previous one (PostgreSQL works in its own process).
  let writing: Promise<unknown> | null = null;
  for (let i = 0; i < creates.length; i += CREATE_BATCH) {
    const records = creates.slice(i, i + CREATE_BATCH).map((p) => {
      const v = completeMemberInput(p.input);
      return createdRecord({ ...v, tags: v.tags ?? [], groupId: p.groupId, orgId: union.id });
    });
    const statement = insertCreated(records, { orgId: union.id, onDate: today, toValue: fileName, actorId: actor.userId });
    await writing;
    writing = tx.execute(statement);
  }
  await writing;
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
