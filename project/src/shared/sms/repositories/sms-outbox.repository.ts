import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from 'src/core/database/database.service';
import { rowFromDriver } from 'src/core/database/driver-rows';
import { smsMessages } from 'src/core/database/schema';
import type { AuditEntry } from '../audit/sms-audit.repository';
import type { SmsMessageRow } from './sms-messages.repository';
import { isOptedOut } from './sms-opt-outs.repository';

/** The columns an accepted outbound message is written with; the rest take their defaults (status pending). */
export interface OutboxMessage {
  subAccountId: number;
  userId?: number | null;
  adminUserId?: number | null;
  leadId?: number | null;
  phoneNumber: string;
  message: string;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  notBefore: Date;
  statusReason: string | null;
  ignoreQuietHours: boolean;
  idempotencyKey?: string | null;
  spendMonth: string;
}

export interface OutboxDraft {
  values: OutboxMessage;
  audit: Omit<AuditEntry, 'targetId'>;
  /** Who accepted it, as its `accepted` event records. */
  actorKind: string;
}

export type OutboxInsert =
  | { kind: 'inserted'; row: SmsMessageRow }
  | { kind: 'opted_out' }
  /** Its Idempotency-Key is taken (by an earlier request, or an earlier draft of the same batch). */
  | { kind: 'key_taken' };

/**
 * Writes a batch of accepted messages to the outbox in one statement: the opt-out check of each number, the
 * messages, their `accepted` events and their audit entries. The batch travels as one JSON parameter: Drizzle's
 * builder spent more CPU on thirty bind parameters a row than PostgreSQL spent on the insert, and four
 * statements were four round trips inside a transaction that other sends wait behind.
 */
@Injectable()
export class SmsOutboxRepository {
  async insert(tx: Tx, drafts: OutboxDraft[]): Promise<OutboxInsert[]> {
    if (drafts.length === 0) return [];
    const result = await tx.execute(sql`
      with input as materialized (
        select v.*, nextval(pg_get_serial_sequence('sms_messages', 'id')) as id,
               ${isOptedOut(sql`v.sub_account_id`, sql`v.phone_number`)} as opted_out
          from jsonb_to_recordset(${JSON.stringify(drafts.map(toInput))}::jsonb) as v(
                 i int, sub_account_id int, user_id int, admin_user_id int, lead_id int, phone_number varchar,
                 message text, segments int, encoding varchar, not_before timestamptz, status_reason varchar,
                 ignore_quiet_hours boolean, idempotency_key varchar, spend_month date, actor_kind varchar,
                 audit_actor_kind varchar, audit_actor_id int, audit_action varchar, audit_target_type varchar,
                 audit_details jsonb, audit_request_id varchar, audit_ip varchar)
      ), m as (
        insert into sms_messages (id, sub_account_id, user_id, admin_user_id, lead_id, direction, phone_number,
                                  message, segments, encoding, not_before, status_reason, ignore_quiet_hours,
                                  idempotency_key, spend_month)
        select id, sub_account_id, user_id, admin_user_id, lead_id, 'outbound', phone_number, message, segments,
               encoding, not_before, status_reason, ignore_quiet_hours, idempotency_key, spend_month
          from input where not opted_out order by i
        on conflict do nothing
        returning *
      ), accepted_events as (
        insert into sms_events (sub_account_id, message_id, type, status, payload)
        select m.sub_account_id, m.id, 'accepted', 'pending', jsonb_build_object('by', input.actor_kind)
          from m join input on input.id = m.id
      ), audit as (
        insert into sms_audit_log (sub_account_id, actor_kind, actor_id, action, target_type, target_id, details,
                                   request_id, ip)
        select m.sub_account_id, input.audit_actor_kind, input.audit_actor_id, input.audit_action,
               input.audit_target_type, m.id::text, coalesce(input.audit_details, '{}'::jsonb),
               input.audit_request_id, input.audit_ip
          from m join input on input.id = m.id
      )
      select input.i as outbox_index, input.opted_out as outbox_opted_out, m.*
        from input left join m on m.id = input.id
       order by input.i`);
    return rowsOf<Record<string, unknown>>(result).map((raw): OutboxInsert => {
      if (raw.outbox_opted_out === true) return { kind: 'opted_out' };
      if (raw.id === null || raw.id === undefined) return { kind: 'key_taken' };
      return { kind: 'inserted', row: rowFromDriver(smsMessages, raw) };
    });
  }
}

function toInput({ values: v, audit: a, actorKind }: OutboxDraft, i: number) {
  if (a.subAccountId !== v.subAccountId) throw new Error('An audit entry belongs to its message’s SubAccount');
  return {
    i,
    sub_account_id: v.subAccountId,
    user_id: v.userId ?? null,
    admin_user_id: v.adminUserId ?? null,
    lead_id: v.leadId ?? null,
    phone_number: v.phoneNumber,
    message: v.message,
    segments: v.segments,
    encoding: v.encoding,
    not_before: v.notBefore.toISOString(),
    status_reason: v.statusReason,
    ignore_quiet_hours: v.ignoreQuietHours,
    idempotency_key: v.idempotencyKey ?? null,
    spend_month: v.spendMonth,
    actor_kind: actorKind,
    audit_actor_kind: a.actorKind,
    audit_actor_id: a.actorId ?? null,
    audit_action: a.action,
    audit_target_type: a.targetType ?? null,
    audit_details: a.details ?? {},
    audit_request_id: a.requestId ?? null,
    audit_ip: a.ip ?? null,
  };
}
