CREATE TABLE "sms_messages_archive" (
	"id" integer PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"campaign_id" integer,
	"phone_number" varchar(20) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row" jsonb NOT NULL
);
--> statement-breakpoint
DROP INDEX "sms_messages_status_idx";--> statement-breakpoint
DROP INDEX "sms_messages_campaign_idx";--> statement-breakpoint
CREATE INDEX "sms_messages_archive_sub_account_idx" ON "sms_messages_archive" USING btree ("sub_account_id","created_at");--> statement-breakpoint
CREATE INDEX "sms_messages_inbound_idx" ON "sms_messages" USING btree ("sub_account_id","created_at","id") WHERE direction = 'inbound';--> statement-breakpoint
CREATE INDEX "sms_messages_campaign_recent_idx" ON "sms_messages" USING btree ("campaign_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sms_messages_campaign_quiet_idx" ON "sms_messages" USING btree ("campaign_id") WHERE status = 'pending' and status_reason = 'quiet_hours';--> statement-breakpoint
CREATE INDEX "sms_messages_status_idx" ON "sms_messages" USING btree ("sub_account_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "sms_messages_campaign_idx" ON "sms_messages" USING btree ("campaign_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "sms_messages_awaiting_price_idx" ON "sms_messages" USING btree ("campaign_id") WHERE price is null and status in ('sent', 'delivered', 'undelivered');--> statement-breakpoint
-- Search (SmsMessageHistoryRepository): partial digits of a number and words of a body, in any position.
-- IF NOT EXISTS: on a large existing table an operator may build these first with CREATE INDEX CONCURRENTLY.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sms_messages_phone_trgm_idx" ON "sms_messages" USING gin ("phone_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sms_messages_body_trgm_idx" ON "sms_messages" USING gin ("message" gin_trgm_ops);--> statement-breakpoint
-- Churn (docs/operations.md, "Autovacuum"): every callback updates a message, and its campaign's and the day's
-- roll-up rows. Vacuum and analyze sms_messages after 2% / 1% of it changed (not 20% / 10%), so a million status
-- changes never leave plans on stale statistics or index scans wading through dead rows; the small roll-up rows
-- are updated thousands of times a minute, so they are vacuumed after a fixed number of changes.
ALTER TABLE "sms_messages" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.05);--> statement-breakpoint
ALTER TABLE "sms_events" SET (autovacuum_vacuum_insert_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02);--> statement-breakpoint
ALTER TABLE "sms_campaigns" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);--> statement-breakpoint
ALTER TABLE "sms_daily_stats" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);--> statement-breakpoint
ALTER TABLE "sms_error_stats" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);--> statement-breakpoint
ALTER TABLE "sms_rate_buckets" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);--> statement-breakpoint
ALTER TABLE "sms_conversations" SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02);
