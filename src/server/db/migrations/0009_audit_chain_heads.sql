CREATE TABLE "audit_chain_heads" (
	"chain_key" text PRIMARY KEY NOT NULL,
	"seq" integer NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
-- Heads of the chains written before this migration: each chain's last event.
INSERT INTO "audit_chain_heads" ("chain_key", "seq", "prev_hash", "hash")
SELECT DISTINCT ON ("chain_key") "chain_key", "seq", "prev_hash", "hash" FROM "audit_events" ORDER BY "chain_key", "seq" DESC;
--> statement-breakpoint
-- Appends one audit event to its chain (decision 003): moves the chain's head on by one, under the head's row lock,
-- which keeps every other writer of the chain (in any process) waiting until this transaction ends, and finishes the
-- hash exactly as src/domain/audit-chain.ts computes it: sha256(previous hash ‖ prefix ‖ seq ‖ '}'), where the prefix
-- is the event's canonical JSON up to its number (auditHashPrefix). Being a function, its statements are planned
-- once per connection.
CREATE FUNCTION audit_append(
  p_chain text, p_prefix text, p_org uuid, p_actor uuid, p_actor_name text, p_at timestamptz,
  p_action text, p_entity_type text, p_entity_id text, p_entity_label text, p_changes jsonb
) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_seq integer;
  v_prev text;
  v_hash text;
BEGIN
  INSERT INTO audit_chain_heads AS h (chain_key, seq, prev_hash, hash)
  VALUES (p_chain, 1, repeat('0', 64), encode(sha256(convert_to(repeat('0', 64) || p_prefix || '1}', 'UTF8')), 'hex'))
  ON CONFLICT (chain_key) DO UPDATE SET seq = h.seq + 1, prev_hash = h.hash,
    hash = encode(sha256(convert_to(h.hash || p_prefix || (h.seq + 1)::text || '}', 'UTF8')), 'hex')
  RETURNING h.seq, h.prev_hash, h.hash INTO v_seq, v_prev, v_hash;
  INSERT INTO audit_events (chain_key, seq, org_id, actor_id, actor_name, at, action, entity_type, entity_id, entity_label, changes, prev_hash, hash)
  VALUES (p_chain, v_seq, p_org, p_actor, p_actor_name, p_at, p_action, p_entity_type, p_entity_id, p_entity_label, p_changes, v_prev, v_hash);
  RETURN v_seq;
END $$;
