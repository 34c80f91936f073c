import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import { auditHash, GENESIS_HASH, type AuditPayload } from '../../../domain/audit-chain.js';

/** One field's change: before and after (after only for creations). */
export type FieldChanges = Record<string, { from?: unknown; to?: unknown }>;

export interface AuditInput {
  orgId: string | null;
  /**
   * The chain the event joins; by default the organisation's. A member's own actions (signing up, cancelling,
   * checking in) go to the member's chain (`memberChain`), so a burst of sign-ups from many members does not queue
   * behind one organisation-wide lock; every chain is verified the same way.
   */
  chain?: string;
  actor: { userId: string | null; name: string };
  action: string;
  entityType: string;
  entityId?: string | null;
  entityLabel?: string | null;
  changes?: FieldChanges | Record<string, unknown>;
}

/**
 * Appends an audit event inside the caller's transaction. The chain of the organisation is locked for the
 * rest of the transaction (advisory lock), so two app processes never fork it.
 */
export async function writeAudit(tx: Db, input: AuditInput): Promise<void> {
  const chainKey = input.chain ?? input.orgId ?? 'platform';
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${chainKey}))`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.chainKey, chainKey))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const payload: AuditPayload = {
    chainKey,
    seq: (last?.seq ?? 0) + 1,
    orgId: input.orgId,
    actorId: input.actor.userId,
    actorName: input.actor.name,
    at: new Date().toISOString(),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    entityLabel: input.entityLabel ?? null,
    changes: input.changes ?? {},
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditEvents).values({ ...payload, prevHash, hash: auditHash(prevHash, payload) });
}

/** The audit chain of one member's own actions. */
export function memberChain(memberId: string): string {
  return `member:${memberId}`;
}

/** The fields that differ between two versions of a record, for the audit event. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>, keys: (keyof T)[]): FieldChanges {
  const changes: FieldChanges = {};
  for (const k of keys) {
    if (!(k in after)) continue;
    const a = before[k];
    const b = after[k];
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) changes[k as string] = { from: a ?? null, to: b ?? null };
  }
  return changes;
}
