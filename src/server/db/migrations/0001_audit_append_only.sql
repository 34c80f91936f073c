-- The audit trail is append-only: no UPDATE or DELETE, whoever asks. Restoring a backup truncates and
-- re-inserts, which this trigger allows (TRUNCATE is a separate privilege).
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- Sort keys are compared byte by byte (see src/domain/name-keys.ts), whatever the server's locale.
ALTER TABLE members ALTER COLUMN pinyin_key TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE members ALTER COLUMN stroke_key TYPE text COLLATE "C";
