import { eq } from 'drizzle-orm';
import type { Tx } from './database.service';
import {
  smsCampaigns,
  smsConversationReads,
  smsConversations,
  smsDailyStats,
  smsErrorStats,
  smsMessages,
  smsSequenceSteps,
  smsSequences,
  smsTemplates,
  strategies,
} from './schema';

type MessageInsert = typeof smsMessages.$inferInsert;
type Status = 'delivered' | 'undelivered' | 'failed' | 'sent';

export interface DemoPeople {
  subAccountId: number;
  adminId: number;
  userId: number;
  leads: { id: number; name: string; phone: string }[];
}

const DAY = 86_400_000;
const PRICE = 0.0079;
const SENDER = '+15005550006';
const ERRORS: Record<'undelivered' | 'failed', [number, string][]> = {
  undelivered: [
    [30003, 'Unreachable destination handset'],
    [30005, 'Unknown destination handset'],
  ],
  failed: [
    [30007, 'Message filtered (carrier)'],
    [21211, "Invalid 'To' phone number"],
  ],
};

/** A small deterministic generator, so every fresh demo looks the same. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const price = (segments: number) => (-PRICE * segments).toFixed(5);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Templates, a strategy with a two-step sequence, two weeks of messages (mixed outcomes, Twilio prices), a
 * completed campaign and three Inbox conversations, so the dashboard, its charts, the Inbox and Reports show
 * something on first start. A few hundred rows in bulk inserts; the roll-ups are computed from the same rows.
 */
export async function seedDemoHistory(tx: Tx, people: DemoPeople, now = new Date()): Promise<void> {
  const { subAccountId } = people;
  const templates = await tx
    .insert(smsTemplates)
    .values(
      [
        ['Welcome', 'Hi {{first_name|there}}, thanks for contacting Demo Roofing Co.! Reply here with any questions.'],
        [
          'Estimate follow-up',
          'Hi {{first_name|there}}, just checking in on your roof estimate. Any questions for us?',
        ],
        [
          'Appointment reminder',
          'Reminder: your roof inspection with {{company|Demo Roofing Co.}} is tomorrow. Reply C to confirm.',
        ],
      ].map(([name, body]) => ({ subAccountId, name: name!, body: body! })),
    )
    .returning({ id: smsTemplates.id });
  const [strategy] = await tx
    .insert(strategies)
    .values({ subAccountId, name: 'Estimate follow-up', description: 'Two texts after an estimate', tag: 'estimate' })
    .returning({ id: strategies.id });
  const [sequence] = await tx
    .insert(smsSequences)
    .values({ subAccountId, strategyId: strategy!.id, stopStatuses: ['customer', 'lost'] })
    .returning({ id: smsSequences.id });
  await tx.insert(smsSequenceSteps).values([
    { sequenceId: sequence!.id, position: 0, templateId: templates[0]!.id, delayMinutes: 0 },
    { sequenceId: sequence!.id, position: 1, templateId: templates[1]!.id, delayMinutes: 2 * 24 * 60 },
  ]);

  const [campaign] = await tx
    .insert(smsCampaigns)
    .values({
      subAccountId,
      adminUserId: people.adminId,
      templateId: templates[2]!.id,
      name: 'Spring roof check',
      message: 'Spring is here: book a free roof check with Demo Roofing Co. Reply STOP to opt out.',
      status: 'completed',
      source: 'list',
      createdAt: new Date(now.getTime() - 5 * DAY),
      scheduledAt: new Date(now.getTime() - 5 * DAY),
      startedAt: new Date(now.getTime() - 5 * DAY),
      completedAt: new Date(now.getTime() - 5 * DAY + 600_000),
    })
    .returning({ id: smsCampaigns.id });

  const rows = outboundHistory(people, campaign!.id, now);
  const inserted = await tx.insert(smsMessages).values(rows).returning();
  const campaignRows = inserted.filter((m) => m.campaignId === campaign!.id);
  await tx.update(smsCampaigns).set(campaignCounters(campaignRows)).where(eq(smsCampaigns.id, campaign!.id));
  await seedRollups(tx, subAccountId, inserted);
  await seedConversations(tx, people, now);
}

function outboundHistory(people: DemoPeople, campaignId: number, now: Date): MessageInsert[] {
  const rnd = random(7);
  const rows: MessageInsert[] = [];
  const bodies = [
    'Hi {name}, your estimate is ready. Want us to walk you through it?',
    'Hi {name}, our crew arrives between 8 and 10 tomorrow.',
    'Thanks {name}! Your invoice is paid. Leave us a review?',
    'Hi {name}, a storm is coming this weekend: want a quick roof check first?',
  ];
  for (let daysAgo = 13; daysAgo >= 0; daysAgo--) {
    const count = 3 + Math.floor(rnd() * 7);
    for (let i = 0; i < count; i++) {
      const lead = people.leads[Math.floor(rnd() * people.leads.length)]!;
      const at = new Date(now.getTime() - daysAgo * DAY - (1 + Math.floor(rnd() * 8)) * 3_600_000);
      const body = bodies[Math.floor(rnd() * bodies.length)]!.replace('{name}', lead.name.split(' ')[0]!);
      rows.push(message(people, lead, body, at, statusFor(rnd(), daysAgo), rnd()));
    }
  }
  const campaignAt = new Date(now.getTime() - 5 * DAY);
  for (const [i, lead] of people.leads.entries()) {
    const body = 'Spring is here: book a free roof check with Demo Roofing Co. Reply STOP to opt out.';
    const status: Status = i === 3 ? 'undelivered' : i === 7 ? 'failed' : 'delivered';
    rows.push({ ...message(people, lead, body, new Date(campaignAt.getTime() + i * 20_000), status, 0), campaignId });
  }
  return rows;
}

function statusFor(r: number, daysAgo: number): Status {
  if (daysAgo === 0 && r < 0.1) return 'sent';
  return r < 0.84 ? 'delivered' : r < 0.93 ? 'undelivered' : 'failed';
}

function message(
  people: DemoPeople,
  lead: DemoPeople['leads'][number],
  body: string,
  at: Date,
  status: Status,
  r: number,
): MessageInsert {
  const segments = body.length > 160 ? 2 : 1;
  const error = status === 'failed' || status === 'undelivered' ? ERRORS[status][r < 0.5 ? 0 : 1]! : undefined;
  // A message that failed before reaching a carrier is not billed; the latest ones wait for Twilio's price.
  const priced = status !== 'failed' && status !== 'sent';
  return {
    subAccountId: people.subAccountId,
    userId: people.userId,
    leadId: lead.id,
    phoneNumber: lead.phone,
    fromNumber: SENDER,
    message: body,
    status,
    twilioSid: `SM${(at.getTime() * 1000 + Math.floor(r * 999)).toString(16).padStart(32, '0').slice(-32)}`,
    errorCode: error?.[0],
    errorMessage: error?.[1],
    segments,
    price: priced ? price(segments) : null,
    priceUnit: priced ? 'USD' : null,
    attempts: 1,
    notBefore: at,
    claimedAt: at,
    sentAt: at,
    deliveredAt: status === 'delivered' ? new Date(at.getTime() + 4000) : null,
    createdAt: at,
    updatedAt: at,
  };
}

type MessageRow = typeof smsMessages.$inferSelect;

function campaignCounters(rows: MessageRow[]) {
  const count = (s: Status) => rows.filter((m) => m.status === s).length;
  return {
    totalRecipients: rows.length,
    // A message Twilio refused never counted as sent (the breakdown chart reads sent − delivered − undelivered as in flight).
    sentCount: rows.length - count('failed'),
    deliveredCount: count('delivered'),
    undeliveredCount: count('undelivered'),
    failedCount: count('failed'),
    segments: rows.reduce((n, m) => n + m.segments, 0),
    cost: costOf(rows),
  };
}

function costOf(rows: MessageRow[]): string {
  return rows.reduce((n, m) => n + Math.abs(Number(m.price ?? 0)), 0).toFixed(5);
}

/** sms_daily_stats and sms_error_stats as the lifecycle would have rolled them up (by the UTC day sent). */
async function seedRollups(tx: Tx, subAccountId: number, rows: MessageRow[]): Promise<void> {
  const days = new Map<string, MessageRow[]>();
  for (const m of rows) days.set(dayOf(m.sentAt!), [...(days.get(dayOf(m.sentAt!)) ?? []), m]);
  await tx.insert(smsDailyStats).values(
    [...days].map(([day, ms]) => ({
      subAccountId,
      day,
      sent: ms.length,
      delivered: ms.filter((m) => m.status === 'delivered').length,
      failed: ms.filter((m) => m.status === 'failed').length,
      undelivered: ms.filter((m) => m.status === 'undelivered').length,
      segments: ms.reduce((n, m) => n + m.segments, 0),
      cost: costOf(ms),
    })),
  );
  const errors = new Map<string, typeof smsErrorStats.$inferInsert>();
  for (const m of rows) {
    if (m.status !== 'failed' && m.status !== 'undelivered') continue;
    const key = `${dayOf(m.sentAt!)}|${m.campaignId ?? 0}|${m.errorCode ?? 0}|${m.status}`;
    const row = errors.get(key) ?? {
      subAccountId,
      day: dayOf(m.sentAt!),
      campaignId: m.campaignId ?? 0,
      errorCode: m.errorCode ?? 0,
      outcome: m.status,
      count: 0,
    };
    errors.set(key, { ...row, count: row.count! + 1 });
  }
  if (errors.size) await tx.insert(smsErrorStats).values([...errors.values()]);
}

/**
 * Three Inbox conversations: two leads and an unknown number answered a text. Read by the demo admin (its
 * unread badge starts at zero), unread for the demo user.
 */
async function seedConversations(tx: Tx, people: DemoPeople, now: Date): Promise<void> {
  const threads: [DemoPeople['leads'][number] | { id: null; name: string; phone: string }, string, string, number][] = [
    [people.leads[0]!, 'Hi Jane, can we come by Tuesday for the inspection?', 'Tuesday works, after 3 please', 3],
    [people.leads[1]!, 'Hi Wade, your estimate is ready.', 'How much for gutter cleaning as well?', 26],
    [{ id: null, name: '', phone: '+14155550188' }, 'Thanks for calling Demo Roofing Co.!', 'Who is this?', 50],
  ];
  for (const [lead, out, reply, hoursAgo] of threads) {
    const at = new Date(now.getTime() - hoursAgo * 3_600_000);
    const base = { subAccountId: people.subAccountId, leadId: lead.id, phoneNumber: lead.phone };
    const [sent, received] = await tx
      .insert(smsMessages)
      .values([
        {
          ...base,
          userId: people.userId,
          fromNumber: SENDER,
          message: out,
          status: 'delivered',
          segments: 1,
          price: price(1),
          priceUnit: 'USD',
          attempts: 1,
          notBefore: at,
          sentAt: at,
          deliveredAt: at,
          createdAt: at,
          updatedAt: at,
        },
        {
          ...base,
          direction: 'inbound',
          fromNumber: lead.phone,
          message: reply,
          status: 'received',
          segments: 1,
          notBefore: new Date(at.getTime() + 600_000),
          sentAt: new Date(at.getTime() + 600_000),
          createdAt: new Date(at.getTime() + 600_000),
          updatedAt: new Date(at.getTime() + 600_000),
        },
      ])
      .returning();
    const [conversation] = await tx
      .insert(smsConversations)
      .values({
        ...base,
        lastMessageId: received!.id,
        lastMessageAt: received!.createdAt,
        lastDirection: 'inbound',
        lastMessagePreview: reply,
        lastInboundAt: received!.createdAt,
        createdAt: sent!.createdAt,
      })
      .returning({ id: smsConversations.id });
    await tx
      .insert(smsConversationReads)
      .values({ conversationId: conversation!.id, readerKind: 'admin', readerId: people.adminId, lastReadAt: now });
  }
}
