-- A body search compares sms_search_key(body) (the body lowercased, each space as 'Q') with the term's key, instead of
-- the body by ILIKE, and its trigram index reads the key's trigrams. pg_trgm splits text into words and pads each, so
-- no trigram spans two words: for "spring off" in 1,000,000 bodies that all hold "spring" and "off" but never side by
-- side, every trigram was in every body, and the bitmap of a million candidates went lossy and every body was
-- rechecked (0.9-1.1 s); "springQoff" has "gqo", in none of them (0.1 ms). Digits by a space ("212 250") likewise:
-- "0q7" is rare where "  2", " 20" and "00 " are in most bodies (1.5 to 0.15 ms).
--
-- Exact, not an approximation: for a UTF-8 database ILIKE is `lower(body) LIKE lower(pattern)`, and lower() never
-- yields 'Q', so replacing each space by 'Q' in both keeps every match and adds none (a key's 'Q' is a space). The key
-- is stored in place of the body's copy (the list shows sms_messages.message): a search walking the newest rows tests
-- it with a plain LIKE, which costs a tenth of what ILIKE's lowercasing of each body did.
CREATE FUNCTION "sms_search_key"(body text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT replace(lower(body), ' ', 'Q')
$$;--> statement-breakpoint
-- Built again after the rewrites below (each rewrite would rebuild them twice).
DROP INDEX IF EXISTS "sms_message_search_body_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "sms_message_search_phone_grams_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "sms_message_search_recent_idx";--> statement-breakpoint
ALTER TABLE "sms_message_search" DROP COLUMN "numbers";--> statement-breakpoint
ALTER TABLE "sms_message_search" ALTER COLUMN "message" TYPE text USING sms_search_key("message");--> statement-breakpoint
ALTER TABLE "sms_message_search" RENAME COLUMN "message" TO "body_key";--> statement-breakpoint
-- lower() and the 'Q' touch no digit and join no two runs of them: the key holds the body's numbers.
ALTER TABLE "sms_message_search" ADD COLUMN "numbers" "tsvector" GENERATED ALWAYS AS (sms_search_numbers(body_key)) STORED;--> statement-breakpoint
CREATE INDEX "sms_message_search_recent_idx" ON "sms_message_search" USING btree ("sub_account_id","created_at","message_id");--> statement-breakpoint
CREATE INDEX "sms_message_search_phone_grams_idx" ON "sms_message_search" USING gin ("phone_grams");--> statement-breakpoint
CREATE INDEX "sms_message_search_body_idx" ON "sms_message_search" USING gin ("numbers", "body_key" gin_trgm_ops);--> statement-breakpoint
CREATE OR REPLACE FUNCTION "sms_message_search_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "sms_message_search" ("message_id", "sub_account_id", "created_at", "phone_number", "body_key")
  SELECT id, sub_account_id, created_at, phone_number, sms_search_key(message) FROM new_rows;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "sms_message_search_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "sms_message_search"
     SET "sub_account_id" = NEW.sub_account_id, "created_at" = NEW.created_at, "phone_number" = NEW.phone_number,
         "body_key" = sms_search_key(NEW.message)
   WHERE "message_id" = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
ANALYZE "sms_message_search";
