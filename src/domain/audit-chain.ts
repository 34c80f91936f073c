import { createHash } from 'node:crypto';

/** The fields of an audit event that its hash covers. */
export interface AuditPayload {
  chainKey: string;
  seq: number;
  orgId: string | null;
  actorId: string | null;
  actorName: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string | null;
  entityLabel: string | null;
  changes: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  // As JSON.stringify (and so the stored JSON) does: a Date hashes as its ISO string, not as {}.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash = sha256(prevHash ‖ canonical JSON of the payload), hex. */
export function auditHash(prevHash: string, payload: AuditPayload): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(payload)).digest('hex');
}

/** A problem found when re-walking a chain. */
export interface ChainBreak {
  chainKey: string;
  seq: number;
  problem: 'hash' | 'link' | 'gap';
}

/** Re-computes a chain's hashes in seq order and reports the first place each chain breaks. */
export function verifyChain(events: (AuditPayload & { prevHash: string; hash: string })[]): ChainBreak | null {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { chainKey: e.chainKey, seq: e.seq, problem: 'gap' };
    if (e.prevHash !== prev) return { chainKey: e.chainKey, seq: e.seq, problem: 'link' };
    const { prevHash: _p, hash, ...payload } = e;
    if (auditHash(prev, payload) !== hash) return { chainKey: e.chainKey, seq: e.seq, problem: 'hash' };
    prev = hash;
    expectedSeq++;
  }
  return null;
}
