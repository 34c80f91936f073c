import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail. Events are hash-chained per chain (an organisation, a member's own actions, or 'platform'):
 * hash = sha256(prevHash + canonical JSON of the event). A trigger refuses UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    chainKey: text('chain_key').notNull(),
    seq: integer('seq').notNull(),
    orgId: uuid('org_id'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    entityLabel: text('entity_label'),
    changes: jsonb('changes').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_chain_seq_uq').on(t.chainKey, t.seq),
    index('audit_org_at_idx').on(t.orgId, t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
  ],
);

/**
 * The head of each audit chain: its last sequence number and hash (and the hash before it). Appending an event
 * updates the head in the same statement that inserts the event (`INSERT … ON CONFLICT DO UPDATE`), whose row lock
 * keeps two writers, in any process, from forking a chain; the verifier compares heads with the events, so events
 * cut off the end of a chain are noticed too.
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chainKey: text('chain_key').primaryKey(),
  seq: integer('seq').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
