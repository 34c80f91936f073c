import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditHashPrefix, type AuditPayload } from '../../../domain/audit-chain.js';

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

/** The chain an event joins: the one it names, else its organisation's, else the platform's. */
export const chainKeyOf = (input: Pick<AuditInput, 'chain' | 'orgId'>) => input.chain ?? input.orgId ?? 'platform';

/** An event's fields as hashed and stored, but its number (known only when the chain's head is locked). */
export function auditFields(input: AuditInput, at: Date): Omit<AuditPayload, 'seq'> {
  return {
    chainKey: chainKeyOf(input),
    orgId: input.orgId,
    actorId: input.actor.userId,
    actorName: input.actor.name,
    at: at.toISOString(),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    entityLabel: input.entityLabel ?? null,
    changes: input.changes ?? {},
  };
}

/**
 * Appends an audit event inside the caller's transaction: one call of the database function `audit_append`
 * (migration 0009), which numbers the event under the chain head's row lock and finishes its hash in SQL from
 * `auditHashPrefix` — the same hash `auditHash` gives, as the verifier checks.
 */
export async function writeAudit(tx: Db, input: AuditInput): Promise<void> {
  const e = auditFields(input, new Date());
  await tx.execute(sql`SELECT audit_append(${e.chainKey}, ${auditHashPrefix(e)}, ${e.orgId}, ${e.actorId}, ${e.actorName}, ${e.at},
    ${e.action}, ${e.entityType}, ${e.entityId}, ${e.entityLabel}, ${JSON.stringify(e.changes)}::jsonb)`);
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
