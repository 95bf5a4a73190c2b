import { asc, eq, sql } from 'drizzle-orm';
import type { DatabaseService } from 'src/core/database/database.service';
import { leadEvents, smsMessages, smsSequenceEnrollments } from 'src/core/database/schema';
import { clearSms, type Headers } from '../campaigns/campaign-support';
import type { EngineHarness } from '../support/engine-harness';
import type { TestApp } from '../support/test-app';

type Http = Pick<TestApp | EngineHarness, 'http'>;

/** A Monday, 10:00 in New York. */
export const START = new Date('2026-03-02T15:00:00Z');
export const MINUTE = 60_000;

/** Empties leads, strategies, automation and SMS tables; keeps tenants and users (logins are throttled). */
export async function clearAutomation(database: DatabaseService): Promise<void> {
  await clearSms(database);
  await database.db.execute(sql`
    truncate sms_trigger_firings, sms_triggers, sms_sequence_enrollments, sms_sequence_steps, sms_sequences,
             lead_events, leads, strategies restart identity cascade`);
}

export async function createTemplate(t: Http, headers: Headers, name: string, body: string): Promise<number> {
  const res = await t.http().post('/api/sms/templates').set(headers).send({ name, body }).expect(201);
  return (res.body as { id: number }).id;
}

export async function createStrategy(t: Http, headers: Headers, name: string): Promise<number> {
  const res = await t.http().post('/api/strategies').set(headers).send({ name }).expect(201);
  return (res.body as { id: number }).id;
}

export interface StepSpec {
  templateId: number;
  delayMinutes: number;
  windowStartMinute?: number | null;
  windowEndMinute?: number | null;
}

export async function saveSequence(
  t: Http,
  headers: Headers,
  strategyId: number,
  steps: StepSpec[],
  options: { enabled?: boolean; stopStatuses?: string[] } = {},
) {
  return t
    .http()
    .put(`/api/strategies/${strategyId}/sms-sequence`)
    .set(headers)
    .send({ enabled: options.enabled ?? true, stopStatuses: options.stopStatuses ?? [], steps })
    .expect(200);
}

export async function createLead(
  t: Http,
  headers: Headers,
  values: { name: string; phone?: string; strategyId?: number; timeZone?: string; status?: string },
): Promise<number> {
  const res = await t.http().post('/api/leads').set(headers).send(values).expect(201);
  return (res.body as { id: number }).id;
}

export const patchLead = (t: Http, headers: Headers, id: number, values: Record<string, unknown>) =>
  t.http().patch(`/api/leads/${id}`).set(headers).send(values).expect(200);

export async function enrollmentsOf(database: DatabaseService, leadId: number) {
  return database.db
    .select()
    .from(smsSequenceEnrollments)
    .where(eq(smsSequenceEnrollments.leadId, leadId))
    .orderBy(asc(smsSequenceEnrollments.id));
}

export async function outboundTo(database: DatabaseService, leadId: number) {
  return database.db
    .select()
    .from(smsMessages)
    .where(eq(smsMessages.leadId, leadId))
    .orderBy(asc(smsMessages.id))
    .then((rows) => rows.filter((m) => m.direction === 'outbound'));
}

export async function timelineOf(database: DatabaseService, leadId: number): Promise<string[]> {
  const rows = await database.db
    .select({ type: leadEvents.type })
    .from(leadEvents)
    .where(eq(leadEvents.leadId, leadId))
    .orderBy(asc(leadEvents.id));
  return rows.map((r) => r.type);
}
