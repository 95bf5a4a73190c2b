DROP INDEX "sms_audit_sub_account_idx";--> statement-breakpoint
DROP INDEX "sms_campaigns_sub_account_created_idx";--> statement-breakpoint
DROP INDEX "sms_conversations_recent_idx";--> statement-breakpoint
DROP INDEX "notifications_recipient_idx";--> statement-breakpoint
DROP INDEX "sms_unassigned_inbound_open_idx";--> statement-breakpoint
CREATE INDEX "sms_opt_outs_recent_idx" ON "sms_opt_outs" USING btree ("sub_account_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sms_unassigned_inbound_recent_idx" ON "sms_unassigned_inbound" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "sms_audit_sub_account_idx" ON "sms_audit_log" USING btree ("sub_account_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sms_campaigns_sub_account_created_idx" ON "sms_campaigns" USING btree ("sub_account_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sms_conversations_recent_idx" ON "sms_conversations" USING btree ("sub_account_id","last_message_at","id");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_kind","recipient_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sms_unassigned_inbound_open_idx" ON "sms_unassigned_inbound" USING btree ("received_at","id") WHERE assigned_at is null;