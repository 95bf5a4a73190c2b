CREATE TABLE "sms_unassigned_inbound" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_number" varchar(20) NOT NULL,
	"to_number" varchar(34),
	"messaging_service_sid" varchar(34),
	"body" text NOT NULL,
	"twilio_sid" varchar(34),
	"candidate_sub_account_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"keyword" varchar(10),
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_sub_account_id" integer,
	"assigned_message_id" integer,
	"assigned_by_admin_id" integer,
	"assigned_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sms_unassigned_inbound" ADD CONSTRAINT "sms_unassigned_inbound_assigned_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("assigned_sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_unassigned_inbound" ADD CONSTRAINT "sms_unassigned_inbound_assigned_by_admin_id_admin_users_id_fk" FOREIGN KEY ("assigned_by_admin_id") REFERENCES "public"."admin_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_unassigned_inbound_sid_idx" ON "sms_unassigned_inbound" USING btree ("twilio_sid") WHERE twilio_sid is not null;--> statement-breakpoint
CREATE INDEX "sms_unassigned_inbound_open_idx" ON "sms_unassigned_inbound" USING btree ("received_at") WHERE assigned_at is null;--> statement-breakpoint
-- Backfill (hand-written, must precede the unique indexes): a number or Messaging Service named by several
-- SubAccounts belonged to none of them for sure, so each loses it (a system admin reassigns it); those without
-- their own credentials fall back to the shared sender, whose replies are routed without guessing.
UPDATE "sms_settings" SET "phone_number" = NULL WHERE "phone_number" IN (SELECT "phone_number" FROM "sms_settings" WHERE "phone_number" IS NOT NULL GROUP BY 1 HAVING count(*) > 1);--> statement-breakpoint
UPDATE "sms_settings" SET "messaging_service_sid" = NULL WHERE "messaging_service_sid" IN (SELECT "messaging_service_sid" FROM "sms_settings" WHERE "messaging_service_sid" IS NOT NULL GROUP BY 1 HAVING count(*) > 1);--> statement-breakpoint
CREATE UNIQUE INDEX "sms_settings_phone_number_idx" ON "sms_settings" USING btree ("phone_number") WHERE phone_number is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_settings_messaging_service_idx" ON "sms_settings" USING btree ("messaging_service_sid") WHERE messaging_service_sid is not null;