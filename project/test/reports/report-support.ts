import { sql } from 'drizzle-orm';
import type { DatabaseService } from 'src/core/database/database.service';
import { subAccounts, users } from 'src/core/database/schema';
import type { Tenant } from '../support/fixtures';

export interface Range {
  from: string;
  to: string;
}

async function rowsOf<T>(database: DatabaseService, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A second SubAccount managed by the tenant's admin. */
export async function addSubAccount(database: DatabaseService, tenant: Tenant, name: string): Promise<number> {
  const [sub] = await database.db.insert(subAccounts).values({ name, createdByAdminId: tenant.adminId }).returning();
  await database.db.insert(users).values({
    subAccountId: sub!.id,
    email: `user@${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.test`,
    name: `${name} User`,
    passwordHash: 'x',
  });
  return sub!.id;
}

/**
 * The UTC day a message counts on, straight from its row: the day Twilio accepted it, or (never accepted)
 * the day it was last claimed.
 */
const DAY = sql.raw(`((coalesce(sent_at, claimed_at) at time zone 'UTC')::date)`);
const SETTLED = sql.raw(`direction = 'outbound' and status in ('sent', 'delivered', 'undelivered', 'failed')`);

/** What the usage report must say, counted over sms_messages. */
export function usageFromMessages(database: DatabaseService, ids: number[], r: Range) {
  return rowsOf<{
    subAccountId: number;
    month: string;
    messages: number;
    delivered: number;
    failed: number;
    undelivered: number;
    segments: number;
    cost: string;
  }>(
    database,
    sql`select sub_account_id as "subAccountId", to_char(${DAY}, 'YYYY-MM') as month,
               count(*) filter (where twilio_sid is not null)::int as messages,
               count(*) filter (where status = 'delivered')::int as delivered,
               count(*) filter (where status = 'failed')::int as failed,
               count(*) filter (where status = 'undelivered')::int as undelivered,
               coalesce(sum(segments) filter (where twilio_sid is not null), 0)::int as segments,
               coalesce(sum(abs(price)), 0)::text as cost
          from sms_messages
         where ${SETTLED} and sub_account_id in (${sql.join(ids, sql`, `)})
           and ${DAY} between ${r.from}::date and ${r.to}::date
         group by 1, 2 order by 2, 1`,
  );
}

type Counts = { failed: number; undelivered: number };

/** What the failure report must say, counted over sms_messages: by code, by campaign and by day. */
export async function failuresFromMessages(database: DatabaseService, ids: number[], r: Range) {
  const where = sql`status in ('failed', 'undelivered') and direction = 'outbound'
    and sub_account_id in (${sql.join(ids, sql`, `)}) and ${DAY} between ${r.from}::date and ${r.to}::date`;
  const counts = sql`count(*) filter (where status = 'failed')::int as failed,
                     count(*) filter (where status = 'undelivered')::int as undelivered`;
  const [byCode, byCampaign, byDay] = await Promise.all([
    rowsOf<Counts & { errorCode: number | null }>(
      database,
      sql`select error_code as "errorCode", ${counts} from sms_messages where ${where} group by 1 order by 1`,
    ),
    rowsOf<Counts & { subAccountId: number; campaignId: number | null }>(
      database,
      sql`select sub_account_id as "subAccountId", campaign_id as "campaignId", ${counts}
            from sms_messages where ${where} group by 1, 2 order by 1, 2`,
    ),
    rowsOf<Counts & { day: string }>(
      database,
      sql`select to_char(${DAY}, 'YYYY-MM-DD') as day, ${counts} from sms_messages where ${where} group by 1 order by 1`,
    ),
  ]);
  return { byCode, byCampaign, byDay };
}

interface FailureReport {
  byCode: (Counts & { errorCode: number | null })[];
  byCampaign: (Counts & { subAccountId: number; campaignId: number | null })[];
  byDay: (Counts & { day: string })[];
}

/** The report's groups in the order and shape of failuresFromMessages. */
export function failureCounts(report: FailureReport) {
  const pick = <T extends Counts>(r: T) => ({ failed: r.failed, undelivered: r.undelivered });
  const nullsLast = (a: number | null, b: number | null) => (a ?? Infinity) - (b ?? Infinity);
  return {
    byCode: report.byCode
      .map((r) => ({ errorCode: r.errorCode, ...pick(r) }))
      .sort((a, b) => nullsLast(a.errorCode, b.errorCode)),
    byCampaign: report.byCampaign
      .map((r) => ({ subAccountId: r.subAccountId, campaignId: r.campaignId, ...pick(r) }))
      .sort((a, b) => a.subAccountId - b.subAccountId || nullsLast(a.campaignId, b.campaignId)),
    byDay: report.byDay.map((r) => ({ day: r.day, ...pick(r) })),
  };
}
