CREATE TABLE "sms_spending" (
	"sub_account_id" integer NOT NULL,
	"month" date NOT NULL,
	"segments" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sms_spending_sub_account_id_month_pk" PRIMARY KEY("sub_account_id","month")
);
--> statement-breakpoint
ALTER TABLE "sms_messages" ADD COLUMN "spend_month" date;--> statement-breakpoint
ALTER TABLE "sms_spending" ADD CONSTRAINT "sms_spending_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Backfill: what counts against this month's cap (this month's outbound messages, and anything still queued).
UPDATE "sms_messages" SET "spend_month" = date_trunc('month', "created_at" AT TIME ZONE 'UTC')::date
 WHERE "direction" = 'outbound'
   AND ("status" IN ('pending', 'sending')
        OR "created_at" >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC');--> statement-breakpoint
INSERT INTO "sms_spending" ("sub_account_id", "month", "segments")
SELECT "sub_account_id", "spend_month", sum("segments")::int FROM "sms_messages"
 WHERE "spend_month" IS NOT NULL AND "status" NOT IN ('canceled', 'failed')
 GROUP BY 1, 2;--> statement-breakpoint
-- A message is charged (segments to sms_spending at spend_month) unless it was canceled or failed: Twilio bills
-- neither. The accept paths add the charge of the rows they insert themselves (a conditional update, so the cap
-- check and the reservation are one step); these statement-level triggers follow every later change in one
-- aggregate per statement (a campaign cancel of a million rows is one counter update, a claim none).
CREATE FUNCTION "sms_spending_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "sms_spending" AS s ("sub_account_id", "month", "segments")
  SELECT d.sub_account_id, d.spend_month, sum(d.n)::int FROM (
    SELECT sub_account_id, spend_month, segments AS n FROM new_rows
     WHERE spend_month IS NOT NULL AND status NOT IN ('canceled', 'failed')
    UNION ALL
    SELECT sub_account_id, spend_month, -segments FROM old_rows
     WHERE spend_month IS NOT NULL AND status NOT IN ('canceled', 'failed')
  ) d
  GROUP BY d.sub_account_id, d.spend_month
  HAVING sum(d.n) <> 0
  ON CONFLICT ("sub_account_id", "month") DO UPDATE SET "segments" = s.segments + excluded.segments;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "sms_spending_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "sms_spending" AS s SET "segments" = s.segments - d.n
    FROM (SELECT sub_account_id, spend_month, sum(segments)::int AS n FROM old_rows
           WHERE spend_month IS NOT NULL AND status NOT IN ('canceled', 'failed')
           GROUP BY sub_account_id, spend_month) d
   WHERE s.sub_account_id = d.sub_account_id AND s.month = d.spend_month;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "sms_spending_update" AFTER UPDATE ON "sms_messages"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "sms_spending_after_update"();--> statement-breakpoint
CREATE TRIGGER "sms_spending_delete" AFTER DELETE ON "sms_messages"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "sms_spending_after_delete"();
