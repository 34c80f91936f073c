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

/**
 * The canonical JSON of an event up to its sequence number, for a writer that learns the number (and the previous
 * hash) only inside the database: `seq` sorts last among the payload's keys, so the canonical JSON is this prefix,
 * then the number, then "}", and `auditHash(prev, {...payload, seq})` = sha256(prev ‖ prefix ‖ seq ‖ "}").
 */
export function auditHashPrefix(payload: Omit<AuditPayload, 'seq'>): string {
  const whole = canonicalJson({ ...payload, seq: 0 });
  if (!whole.endsWith(',"seq":0}')) throw new Error('audit payload: seq must be the last key of the canonical JSON');
  return whole.slice(0, -'0}'.length);
}

/** A problem found when re-walking a chain. */
export interface ChainBreak {
  chainKey: string;
  seq: number;
  /** 'head': the chain's recorded head (its last number and hash) is not its last event — events were removed. */
  problem: 'hash' | 'link' | 'gap' | 'head';
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
