import { Injectable } from '@nestjs/common';
import { eq, getTableColumns, gte, ilike, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { boundedTotal, plannerEstimate, type Total } from 'src/core/database/bounded-count';
import { DatabaseService } from 'src/core/database/database.service';
import { smsMessages } from 'src/core/database/schema';
import { keysetColumns, keysetSlice, keysetWindow, rowsAndTotal, type KeysetKey } from 'src/core/database/keyset-page';
import type { KeysetPosition } from 'src/core/http/keyset-cursor';
import { likePattern, SEARCH_TOTAL_EXACT_UP_TO, TOTAL_EXACT_UP_TO } from 'src/core/http/pagination';
import { inTenant } from 'src/core/tenancy/tenant-scope';
import { parseMessageSearch } from '../message-search';

export interface MessageFilters {
  page: number;
  limit: number;
  /** Keyset position after which to read (wins over page). */
  cursor?: KeysetPosition;
  status?: string;
  search?: string;
  campaignId?: number;
  leadId?: number;
  direction?: 'outbound' | 'inbound';
  from?: Date;
  to?: Date;
  /** One contact's messages (E.164). */
  phoneNumber?: string;
  /** Messages with a lead: linked to it, or to or from its number (a CSV campaign does not link leads). */
  withLead?: { id: number; phone: string | null };
}

export interface MessagePage extends Total {
  items: (typeof smsMessages.$inferSelect)[];
  nextCursor: string | null;
}

/**
 * The lists of sms_messages (history, a campaign's messages, a contact's or lead's thread), newest first by
 * (created_at, id). Indexes (migration 0005), chosen with EXPLAIN (ANALYZE, BUFFERS) at 1M rows per SubAccount:
 * - no filter, or from/to: sms_messages_history_idx (sub_account_id, created_at, id), read backwards;
 * - status: sms_messages_status_idx (sub_account_id, status, created_at, id);
 * - direction=inbound: sms_messages_inbound_idx (sub_account_id, created_at, id) where direction = 'inbound';
 * - campaign: sms_messages_campaign_recent_idx (campaign_id, created_at, id), with a status
 *   sms_messages_campaign_idx (campaign_id, status, created_at, id);
 * - lead / contact thread: sms_messages_lead_idx and sms_messages_contact_idx (a few rows, sorted);
 * - search: sms_messages_phone_trgm_idx and sms_messages_body_trgm_idx (pg_trgm GIN), or, for a term most rows
 *   match, the ordered index above filtered until the page is full.
 * A page with a cursor starts right after it: `(created_at, id) < cursor` is an index condition, so page 50,000
 * costs what page 1 does. Totals are exact up to 1,000 (100 for a search) and estimated by the planner past that;
 * a first page that holds the whole list is its own total (no count).
 */
@Injectable()
export class SmsMessageHistoryRepository {
  constructor(private readonly database: DatabaseService) {}

  async page(subAccountId: number, f: MessageFilters): Promise<MessagePage> {
    const db = this.database.db;
    const where = messageFilterWhere(subAccountId, f);
    const window = keysetWindow(
      db
        .select({ ...getTableColumns(smsMessages), ...keysetColumns(HISTORY_ORDER) })
        .from(smsMessages)
        .$dynamic(),
      HISTORY_ORDER,
      where,
      f,
    );
    const { rows, ...total } = await rowsAndTotal(window, f, () =>
      boundedTotal(
        db,
        (limit) =>
          db
            .select({ one: sql`1` })
            .from(smsMessages)
            .where(where)
            .limit(limit),
        () => plannerEstimate(db, sql`select 1 from ${smsMessages} where ${where}`),
        f.search?.trim() ? SEARCH_TOTAL_EXACT_UP_TO : TOTAL_EXACT_UP_TO,
      ),
    );
    return { ...keysetSlice(rows, f.limit), ...total };
  }
}

const HISTORY_ORDER: KeysetKey = { at: smsMessages.createdAt, id: smsMessages.id };

/** The WHERE of a message list: the SubAccount first, then each filter given. */
export function messageFilterWhere(subAccountId: number, f: Omit<MessageFilters, 'page' | 'limit'>): SQL {
  return inTenant(
    smsMessages.subAccountId,
    subAccountId,
    f.status ? eq(smsMessages.status, f.status as 'pending') : undefined,
    f.campaignId ? eq(smsMessages.campaignId, f.campaignId) : undefined,
    f.leadId ? eq(smsMessages.leadId, f.leadId) : undefined,
    f.direction ? eq(smsMessages.direction, f.direction) : undefined,
    f.from ? gte(smsMessages.createdAt, f.from) : undefined,
    f.to ? lte(smsMessages.createdAt, f.to) : undefined,
    f.phoneNumber ? eq(smsMessages.phoneNumber, f.phoneNumber) : undefined,
    f.withLead
      ? f.withLead.phone
        ? or(eq(smsMessages.leadId, f.withLead.id), eq(smsMessages.phoneNumber, f.withLead.phone))
        : eq(smsMessages.leadId, f.withLead.id)
      : undefined,
    searchCondition(f.search),
  );
}

function searchCondition(term: string | undefined): SQL | undefined {
  const search = parseMessageSearch(term);
  if (!search.text) return undefined;
  const body = ilike(smsMessages.message, likePattern(search.text));
  return search.phoneDigits ? or(like(smsMessages.phoneNumber, `%${search.phoneDigits}%`), body) : body;
}
