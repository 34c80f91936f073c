import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { memberHistory, members } from '../../db/schema/index.js';
import { completeMemberInput } from '../../../domain/member-fields.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { PlannedRow } from './imports.check.js';

const BATCH = 1000;

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
  for (let i = 0; i < creates.length; i += BATCH) {
    const slice = creates.slice(i, i + BATCH);
    const inserted = await tx
      .insert(members)
      .values(
        slice.map((p) => {
          const v = completeMemberInput(p.input);
          return { ...v, groupId: p.groupId, orgId: union.id, tags: v.tags ?? [] } as typeof members.$inferInsert;
        }),
      )
      .returning({ id: members.id });
    await tx.insert(memberHistory).values(
      inserted.map((r) => ({ memberId: r.id, orgId: union.id, kind: 'imported' as const, onDate: today, toValue: fileName, actorId: actor.userId })),
    );
  }
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
