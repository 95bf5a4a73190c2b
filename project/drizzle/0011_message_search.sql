CREATE TABLE "sms_message_search" (
	"message_id" integer PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"phone_number" varchar(20) NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
-- History search moves off sms_messages: a status change (claim, send, every callback) is an update of an indexed
-- column, so PostgreSQL wrote a new entry for each trigram of the body and number into the two GIN indexes, about
-- 40% of what the update cost, and each search read those entries while they waited in the indexes' pending lists
-- (up to 4 MB: 350 of a 6-digit search's 400 pages after 200,000 callbacks). A message's number and body never
-- change once written; here they are written once, with its SubAccount and time (a common term is found by reading
-- a SubAccount's rows here newest first). Triggers rather than a foreign key: its check would lock every new message
-- row (a bulk import's million), and the delete trigger does what ON DELETE CASCADE would.
CREATE FUNCTION "sms_message_search_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "sms_message_search" ("message_id", "sub_account_id", "created_at", "phone_number", "message")
  SELECT id, sub_account_id, created_at, phone_number, message FROM new_rows;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "sms_message_search_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "sms_message_search"
     SET "sub_account_id" = NEW.sub_account_id, "created_at" = NEW.created_at, "phone_number" = NEW.phone_number,
         "message" = NEW.message
   WHERE "message_id" = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "sms_message_search_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "sms_message_search" s USING old_rows o WHERE s.message_id = o.id;
  RETURN NULL;
END $$;--> statement-breakpoint
-- DELETE, not TRUNCATE: a TRUNCATE that names both tables has sms_message_search in use when this fires.
CREATE FUNCTION "sms_message_search_after_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "sms_message_search";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "sms_message_search_insert" AFTER INSERT ON "sms_messages"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "sms_message_search_after_insert"();--> statement-breakpoint
-- Fires only for an UPDATE that sets one of the copied columns (no status change does) and changes it.
CREATE TRIGGER "sms_message_search_update"
  AFTER UPDATE OF "sub_account_id", "created_at", "phone_number", "message" ON "sms_messages"
  FOR EACH ROW WHEN (OLD.sub_account_id IS DISTINCT FROM NEW.sub_account_id OR OLD.created_at IS DISTINCT FROM NEW.created_at
                     OR OLD.phone_number IS DISTINCT FROM NEW.phone_number OR OLD.message IS DISTINCT FROM NEW.message)
  EXECUTE FUNCTION "sms_message_search_after_update"();--> statement-breakpoint
CREATE TRIGGER "sms_message_search_delete" AFTER DELETE ON "sms_messages"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "sms_message_search_after_delete"();--> statement-breakpoint
CREATE TRIGGER "sms_message_search_truncate" AFTER TRUNCATE ON "sms_messages"
  FOR EACH STATEMENT EXECUTE FUNCTION "sms_message_search_after_truncate"();--> statement-breakpoint
-- The triggers' lock on sms_messages is held to the end of this migration: no message is written meanwhile.
INSERT INTO "sms_message_search" ("message_id", "sub_account_id", "created_at", "phone_number", "message")
SELECT "id", "sub_account_id", "created_at", "phone_number", "message" FROM "sms_messages";--> statement-breakpoint
CREATE INDEX "sms_message_search_recent_idx" ON "sms_message_search" USING btree ("sub_account_id","created_at","message_id");--> statement-breakpoint
CREATE INDEX "sms_message_search_phone_trgm_idx" ON "sms_message_search" USING gin ("phone_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sms_message_search_body_trgm_idx" ON "sms_message_search" USING gin ("message" gin_trgm_ops);--> statement-breakpoint
DROP INDEX IF EXISTS "sms_messages_phone_trgm_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "sms_messages_body_trgm_idx";--> statement-breakpoint
-- A 3-digit search's estimate (migration 0010) is now read from this table's statistics.
ALTER TABLE "sms_messages" ALTER COLUMN "phone_number" SET STATISTICS -1;--> statement-breakpoint
ALTER TABLE "sms_message_search" ALTER COLUMN "phone_number" SET STATISTICS 500;--> statement-breakpoint
-- Insert-only: vacuumed after 5% new rows (which also merges the GIN indexes' pending entries), analyzed after 2%.
ALTER TABLE "sms_message_search" SET (autovacuum_vacuum_insert_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02);--> statement-breakpoint
ANALYZE "sms_message_search";
