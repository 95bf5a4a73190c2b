CREATE TABLE "admin_users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" varchar(320) NOT NULL,
	"name" varchar(200) NOT NULL,
	"password_hash" text NOT NULL,
	"role" varchar(20) DEFAULT 'admin' NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "lead_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"lead_id" integer NOT NULL,
	"type" varchar(40) NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_kind" varchar(10) NOT NULL,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" serial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"owner_id" integer,
	"strategy_id" integer,
	"name" varchar(200) NOT NULL,
	"email" varchar(320),
	"phone" varchar(20),
	"company" varchar(200),
	"time_zone" varchar(64),
	"status" varchar(20) DEFAULT 'new' NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"principal_kind" varchar(10) NOT NULL,
	"principal_id" integer NOT NULL,
	"family_id" varchar(36) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategies" (
	"id" serial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"name" varchar(200) NOT NULL,
	"description" text,
	"tag" varchar(100),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sub_accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(200) NOT NULL,
	"time_zone" varchar(64) DEFAULT 'America/New_York' NOT NULL,
	"default_country" varchar(2) DEFAULT 'US' NOT NULL,
	"created_by_admin_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"email" varchar(320) NOT NULL,
	"name" varchar(200) NOT NULL,
	"password_hash" text NOT NULL,
	"role" varchar(20) DEFAULT 'user' NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "sms_audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"actor_kind" varchar(10) NOT NULL,
	"actor_id" integer,
	"action" varchar(60) NOT NULL,
	"target_type" varchar(40),
	"target_id" varchar(64),
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" varchar(64),
	"ip" varchar(64),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_campaign_rejections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"row" integer NOT NULL,
	"value" text,
	"reason" varchar(40) NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"user_id" integer,
	"admin_user_id" integer,
	"template_id" integer,
	"name" varchar(200) NOT NULL,
	"message" text NOT NULL,
	"status" varchar(20) DEFAULT 'draft' NOT NULL,
	"status_reason" text,
	"source" varchar(10) DEFAULT 'list' NOT NULL,
	"total_recipients" integer DEFAULT 0 NOT NULL,
	"rejected_count" integer DEFAULT 0 NOT NULL,
	"sent_count" integer DEFAULT 0 NOT NULL,
	"delivered_count" integer DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"undelivered_count" integer DEFAULT 0 NOT NULL,
	"canceled_count" integer DEFAULT 0 NOT NULL,
	"opted_out_count" integer DEFAULT 0 NOT NULL,
	"segments" integer DEFAULT 0 NOT NULL,
	"cost" numeric(14, 5) DEFAULT '0' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_conversation_reads" (
	"conversation_id" integer NOT NULL,
	"reader_kind" varchar(10) NOT NULL,
	"reader_id" integer NOT NULL,
	"last_read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sms_conversation_reads_conversation_id_reader_kind_reader_id_pk" PRIMARY KEY("conversation_id","reader_kind","reader_id")
);
--> statement-breakpoint
CREATE TABLE "sms_conversations" (
	"id" serial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"phone_number" varchar(20) NOT NULL,
	"lead_id" integer,
	"last_message_id" integer,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_direction" varchar(10) NOT NULL,
	"last_message_preview" varchar(200) DEFAULT '' NOT NULL,
	"last_inbound_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_daily_stats" (
	"sub_account_id" integer NOT NULL,
	"day" date NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"delivered" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"undelivered" integer DEFAULT 0 NOT NULL,
	"segments" integer DEFAULT 0 NOT NULL,
	"cost" numeric(14, 5) DEFAULT '0' NOT NULL,
	CONSTRAINT "sms_daily_stats_sub_account_id_day_pk" PRIMARY KEY("sub_account_id","day")
);
--> statement-breakpoint
CREATE TABLE "sms_early_callbacks" (
	"twilio_sid" varchar(34) NOT NULL,
	"dedupe_key" varchar(200) PRIMARY KEY NOT NULL,
	"params" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_error_stats" (
	"sub_account_id" integer NOT NULL,
	"day" date NOT NULL,
	"campaign_id" integer DEFAULT 0 NOT NULL,
	"error_code" integer DEFAULT 0 NOT NULL,
	"outcome" varchar(12) NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sms_error_stats_sub_account_id_day_campaign_id_error_code_outcome_pk" PRIMARY KEY("sub_account_id","day","campaign_id","error_code","outcome")
);
--> statement-breakpoint
CREATE TABLE "sms_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"message_id" integer,
	"type" varchar(40) NOT NULL,
	"status" varchar(20),
	"dedupe_key" varchar(200),
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"user_id" integer,
	"admin_user_id" integer,
	"campaign_id" integer,
	"lead_id" integer,
	"direction" varchar(10) DEFAULT 'outbound' NOT NULL,
	"phone_number" varchar(20) NOT NULL,
	"from_number" varchar(34),
	"message" text NOT NULL,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"status_reason" varchar(40),
	"twilio_sid" varchar(34),
	"error_code" integer,
	"error_message" text,
	"segments" integer DEFAULT 1 NOT NULL,
	"encoding" varchar(8) DEFAULT 'GSM-7' NOT NULL,
	"price" numeric(14, 5),
	"price_unit" varchar(3),
	"attempts" integer DEFAULT 0 NOT NULL,
	"not_before" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"claimed_at" timestamp with time zone,
	"idempotency_key" varchar(200),
	"ignore_quiet_hours" boolean DEFAULT false NOT NULL,
	"status_checks" integer DEFAULT 0 NOT NULL,
	"next_status_check_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_opt_outs" (
	"id" serial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"phone_number" varchar(20) NOT NULL,
	"source" varchar(20) NOT NULL,
	"created_by_user_id" integer,
	"created_by_admin_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_rate_buckets" (
	"sub_account_id" integer PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"refilled_at" timestamp with time zone NOT NULL,
	"in_flight_cap" integer,
	"in_flight_cap_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sms_settings" (
	"sub_account_id" integer PRIMARY KEY NOT NULL,
	"account_sid" varchar(34),
	"auth_token_encrypted" text,
	"auth_token_last4" varchar(4),
	"phone_number" varchar(20),
	"messaging_service_sid" varchar(34),
	"rate_limit_per_minute" integer,
	"max_in_flight" integer,
	"spending_cap_segments" integer,
	"credentials_status" varchar(10) DEFAULT 'unknown' NOT NULL,
	"dispatch_paused_reason" text,
	"quiet_hours_enabled" boolean,
	"quiet_hours_start" varchar(5) DEFAULT '21:00' NOT NULL,
	"quiet_hours_end" varchar(5) DEFAULT '08:00' NOT NULL,
	"quiet_hours_days" integer[] DEFAULT '{1,2,3,4,5,6,7}'::integer[] NOT NULL,
	"help_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"strategy_id" integer,
	"name" varchar(200) NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_sequence_enrollments" (
	"id" serial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"sequence_id" integer NOT NULL,
	"lead_id" integer NOT NULL,
	"status" varchar(12) DEFAULT 'active' NOT NULL,
	"stop_reason" varchar(40),
	"next_position" integer DEFAULT 0 NOT NULL,
	"next_due_at" timestamp with time zone,
	"last_message_id" integer,
	"enrolled_by_kind" varchar(10) NOT NULL,
	"enrolled_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_sequence_steps" (
	"id" serial PRIMARY KEY NOT NULL,
	"sequence_id" integer NOT NULL,
	"position" integer NOT NULL,
	"template_id" integer NOT NULL,
	"delay_minutes" integer DEFAULT 0 NOT NULL,
	"window_start_minute" integer,
	"window_end_minute" integer
);
--> statement-breakpoint
CREATE TABLE "sms_sequences" (
	"id" serial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"strategy_id" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"stop_statuses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_trigger_firings" (
	"id" serial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"trigger_id" integer NOT NULL,
	"lead_id" integer NOT NULL,
	"transition" varchar(50) NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" varchar(12) DEFAULT 'pending' NOT NULL,
	"reason" varchar(200),
	"message_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_triggers" (
	"id" serial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"name" varchar(200) NOT NULL,
	"event" varchar(20) NOT NULL,
	"to_status" varchar(20),
	"template_id" integer NOT NULL,
	"delay_minutes" integer DEFAULT 0 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"recipient_kind" varchar(10) NOT NULL,
	"recipient_id" integer NOT NULL,
	"disabled_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"dead_letter_threshold" integer DEFAULT 10 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_recipient_kind_recipient_id_pk" PRIMARY KEY("recipient_kind","recipient_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"sub_account_id" integer NOT NULL,
	"recipient_kind" varchar(10) NOT NULL,
	"recipient_id" integer NOT NULL,
	"type" varchar(40) NOT NULL,
	"title" varchar(200) NOT NULL,
	"body" varchar(1000) DEFAULT '' NOT NULL,
	"link" varchar(300),
	"dedupe_key" varchar(200) NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lead_events" ADD CONSTRAINT "lead_events_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_events" ADD CONSTRAINT "lead_events_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_accounts" ADD CONSTRAINT "sub_accounts_created_by_admin_id_admin_users_id_fk" FOREIGN KEY ("created_by_admin_id") REFERENCES "public"."admin_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_audit_log" ADD CONSTRAINT "sms_audit_log_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_campaign_rejections" ADD CONSTRAINT "sms_campaign_rejections_campaign_id_sms_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."sms_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_campaigns" ADD CONSTRAINT "sms_campaigns_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_campaigns" ADD CONSTRAINT "sms_campaigns_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_campaigns" ADD CONSTRAINT "sms_campaigns_admin_user_id_admin_users_id_fk" FOREIGN KEY ("admin_user_id") REFERENCES "public"."admin_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_campaigns" ADD CONSTRAINT "sms_campaigns_template_id_sms_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."sms_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_conversation_reads" ADD CONSTRAINT "sms_conversation_reads_conversation_id_sms_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."sms_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_conversations" ADD CONSTRAINT "sms_conversations_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_conversations" ADD CONSTRAINT "sms_conversations_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_daily_stats" ADD CONSTRAINT "sms_daily_stats_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_error_stats" ADD CONSTRAINT "sms_error_stats_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_events" ADD CONSTRAINT "sms_events_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_events" ADD CONSTRAINT "sms_events_message_id_sms_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."sms_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_admin_user_id_admin_users_id_fk" FOREIGN KEY ("admin_user_id") REFERENCES "public"."admin_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_campaign_id_sms_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."sms_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_opt_outs" ADD CONSTRAINT "sms_opt_outs_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_opt_outs" ADD CONSTRAINT "sms_opt_outs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_opt_outs" ADD CONSTRAINT "sms_opt_outs_created_by_admin_id_admin_users_id_fk" FOREIGN KEY ("created_by_admin_id") REFERENCES "public"."admin_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_rate_buckets" ADD CONSTRAINT "sms_rate_buckets_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_settings" ADD CONSTRAINT "sms_settings_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_templates" ADD CONSTRAINT "sms_templates_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_templates" ADD CONSTRAINT "sms_templates_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_sequence_enrollments" ADD CONSTRAINT "sms_sequence_enrollments_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_sequence_enrollments" ADD CONSTRAINT "sms_sequence_enrollments_sequence_id_sms_sequences_id_fk" FOREIGN KEY ("sequence_id") REFERENCES "public"."sms_sequences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_sequence_enrollments" ADD CONSTRAINT "sms_sequence_enrollments_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_sequence_enrollments" ADD CONSTRAINT "sms_sequence_enrollments_last_message_id_sms_messages_id_fk" FOREIGN KEY ("last_message_id") REFERENCES "public"."sms_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_sequence_steps" ADD CONSTRAINT "sms_sequence_steps_sequence_id_sms_sequences_id_fk" FOREIGN KEY ("sequence_id") REFERENCES "public"."sms_sequences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_sequence_steps" ADD CONSTRAINT "sms_sequence_steps_template_id_sms_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."sms_templates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_sequences" ADD CONSTRAINT "sms_sequences_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_sequences" ADD CONSTRAINT "sms_sequences_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_trigger_firings" ADD CONSTRAINT "sms_trigger_firings_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_trigger_firings" ADD CONSTRAINT "sms_trigger_firings_trigger_id_sms_triggers_id_fk" FOREIGN KEY ("trigger_id") REFERENCES "public"."sms_triggers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_trigger_firings" ADD CONSTRAINT "sms_trigger_firings_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_trigger_firings" ADD CONSTRAINT "sms_trigger_firings_message_id_sms_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."sms_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_triggers" ADD CONSTRAINT "sms_triggers_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_triggers" ADD CONSTRAINT "sms_triggers_template_id_sms_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."sms_templates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_sub_account_id_sub_accounts_id_fk" FOREIGN KEY ("sub_account_id") REFERENCES "public"."sub_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_events_lead_idx" ON "lead_events" USING btree ("lead_id","created_at");--> statement-breakpoint
CREATE INDEX "leads_sub_account_created_idx" ON "leads" USING btree ("sub_account_id","created_at");--> statement-breakpoint
CREATE INDEX "leads_sub_account_phone_idx" ON "leads" USING btree ("sub_account_id","phone");--> statement-breakpoint
CREATE INDEX "leads_sub_account_status_idx" ON "leads" USING btree ("sub_account_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "refresh_tokens_hash_idx" ON "refresh_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" USING btree ("family_id") WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX "strategies_sub_account_idx" ON "strategies" USING btree ("sub_account_id");--> statement-breakpoint
CREATE INDEX "users_sub_account_idx" ON "users" USING btree ("sub_account_id");--> statement-breakpoint
CREATE INDEX "sms_audit_sub_account_idx" ON "sms_audit_log" USING btree ("sub_account_id","created_at");--> statement-breakpoint
CREATE INDEX "sms_campaign_rejections_campaign_idx" ON "sms_campaign_rejections" USING btree ("campaign_id","row");--> statement-breakpoint
CREATE INDEX "sms_campaigns_sub_account_created_idx" ON "sms_campaigns" USING btree ("sub_account_id","created_at");--> statement-breakpoint
CREATE INDEX "sms_campaigns_sub_account_status_idx" ON "sms_campaigns" USING btree ("sub_account_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "sms_conversations_contact_idx" ON "sms_conversations" USING btree ("sub_account_id","phone_number");--> statement-breakpoint
CREATE INDEX "sms_conversations_recent_idx" ON "sms_conversations" USING btree ("sub_account_id","last_message_at");--> statement-breakpoint
CREATE INDEX "sms_early_callbacks_sid_idx" ON "sms_early_callbacks" USING btree ("twilio_sid");--> statement-breakpoint
CREATE INDEX "sms_events_message_idx" ON "sms_events" USING btree ("message_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sms_events_dedupe_idx" ON "sms_events" USING btree ("sub_account_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "sms_messages_claim_idx" ON "sms_messages" USING btree ("sub_account_id","not_before","id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "sms_messages_lease_idx" ON "sms_messages" USING btree ("locked_until") WHERE status = 'sending';--> statement-breakpoint
CREATE INDEX "sms_messages_in_flight_idx" ON "sms_messages" USING btree ("sub_account_id") WHERE status = 'sending';--> statement-breakpoint
CREATE INDEX "sms_messages_status_check_idx" ON "sms_messages" USING btree ("next_status_check_at") WHERE next_status_check_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_messages_twilio_sid_idx" ON "sms_messages" USING btree ("twilio_sid") WHERE twilio_sid is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_messages_idempotency_idx" ON "sms_messages" USING btree ("sub_account_id","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "sms_messages_history_idx" ON "sms_messages" USING btree ("sub_account_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sms_messages_status_idx" ON "sms_messages" USING btree ("sub_account_id","status","created_at");--> statement-breakpoint
CREATE INDEX "sms_messages_contact_idx" ON "sms_messages" USING btree ("phone_number","created_at");--> statement-breakpoint
CREATE INDEX "sms_messages_campaign_idx" ON "sms_messages" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "sms_messages_lead_idx" ON "sms_messages" USING btree ("lead_id","created_at") WHERE lead_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_opt_outs_number_idx" ON "sms_opt_outs" USING btree ("sub_account_id","phone_number");--> statement-breakpoint
CREATE INDEX "sms_templates_sub_account_idx" ON "sms_templates" USING btree ("sub_account_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "sms_sequence_enrollments_active_idx" ON "sms_sequence_enrollments" USING btree ("sequence_id","lead_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "sms_sequence_enrollments_due_idx" ON "sms_sequence_enrollments" USING btree ("next_due_at") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "sms_sequence_enrollments_lead_idx" ON "sms_sequence_enrollments" USING btree ("lead_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sms_sequence_steps_position_idx" ON "sms_sequence_steps" USING btree ("sequence_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "sms_sequences_strategy_idx" ON "sms_sequences" USING btree ("strategy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sms_trigger_firings_once_idx" ON "sms_trigger_firings" USING btree ("trigger_id","lead_id","transition");--> statement-breakpoint
CREATE INDEX "sms_trigger_firings_due_idx" ON "sms_trigger_firings" USING btree ("due_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "sms_triggers_sub_account_idx" ON "sms_triggers" USING btree ("sub_account_id","event");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_idx" ON "notifications" USING btree ("recipient_kind","recipient_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_kind","recipient_id","created_at");