ALTER TABLE "sms_sequence_enrollments" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sms_trigger_firings" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;