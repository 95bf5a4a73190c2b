import { Injectable } from '@nestjs/common';
import { and, eq, gte, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import { plannerEstimate, type Total } from 'src/core/database/bounded-count';
import { QueryValues, type PlanReuse } from 'src/core/database/compiled-queries';
import { isoTime } from 'src/core/database/iso-time';
import { DatabaseService } from 'src/core/database/database.service';
import { smsMessageSearch, smsMessages } from 'src/core/database/schema';
import { keysetColumns, keysetPage, type KeysetKey } from 'src/core/database/keyset-page';
import type { KeysetPosition } from 'src/core/http/keyset-cursor';
import { likePattern, SEARCH_TOTAL_EXACT_UP_TO } from 'src/core/http/pagination';
import { inTenant } from 'src/core/tenancy/tenant-scope';
import { parseMessageSearch, type MessageSearch } from '../message-search';
import type { SmsMessageRow } from './sms-messages.repository';

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
  items: MessageListRow[];
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
 * - search: sms_message_search (migration 0011) joined to its messages: its pg_trgm GIN indexes, or for a term many
 *   rows match sms_message_search_recent_idx (sub_account_id, created_at, message_id) read until the page is full.
 * A page with a cursor starts right after it: `(created_at, id) < cursor` is an index condition, so page 50,000
 * costs what page 1 does. Totals are exact up to 1,000 (100 for a search) and estimated by the planner past that;
 * a first page that holds the whole list is its own total (no count).
 */
@Injectable()
export class SmsMessageHistoryRepository {
  constructor(private readonly database: DatabaseService) {}

  async page(subAccountId: number, f: MessageFilters): Promise<MessagePage> {
    const search = searchTermOf(f.search);
    if (search) return this.searchPage(subAccountId, f, search);
    const db = this.database.db;
    const values = new QueryValues();
    const list = {
      name: 'sms history',
      key: HISTORY_ORDER,
      rows: () =>
        db
          .select({ ...MESSAGE_LIST_COLUMNS, ...keysetColumns(HISTORY_ORDER) })
          .from(smsMessages)
          .$dynamic(),
      matching: (fields: SelectedFields) => db.select(fields).from(smsMessages).$dynamic(),
      estimate: () =>
        plannerEstimate(
          db,
          sql`select 1 from ${smsMessages} where ${messageFilterWhere(new QueryValues(true), subAccountId, f)}`,
        ),
      plan: planOf(f),
    };
    return keysetPage(db, list, messageFilterWhere(values, subAccountId, f), values, f);
  }

  /**
   * A page of the messages matching a search (and the other filters), read through sms_message_search joined to
   * its messages, newest first by the search row's copy of (created_at, id): a rare term through its trigram
   * indexes, a common one by sms_message_search_recent_idx until the page is full, each row's message fetched by
   * id. Same order and cursors as the other lists.
   */
  private searchPage(subAccountId: number, f: MessageFilters, search: SearchTerm): Promise<MessagePage> {
    const db = this.database.db;
    const joined = () => eq(smsMessageSearch.messageId, smsMessages.id);
    const where = (v: QueryValues) =>
      and(messageFilterWhere(v, subAccountId, { ...f, search: undefined }), searchMatch(v, subAccountId, search));
    const values = new QueryValues();
    const list = {
      name: 'sms history search',
      key: SEARCH_ORDER,
      rows: () =>
        db
          .select({ ...MESSAGE_LIST_COLUMNS, ...keysetColumns(SEARCH_ORDER) })
          .from(smsMessages)
          .innerJoin(smsMessageSearch, joined())
          .$dynamic(),
      matching: (fields: SelectedFields) =>
        db.select(fields).from(smsMessages).innerJoin(smsMessageSearch, joined()).$dynamic(),
      estimate: () =>
        plannerEstimate(
          db,
          sql`select 1 from ${smsMessages} join ${smsMessageSearch} on ${joined()} where ${where(new QueryValues(true))}`,
        ),
      exactUpTo: SEARCH_TOTAL_EXACT_UP_TO,
      plan: 'perValues' as const,
      // A rare term's matches are found by its indexes and sorted; a start found by key would do it twice.
      offsetByKey: false,
    };
    return keysetPage(db, list, where(values), values, f);
  }
}

const HISTORY_ORDER: KeysetKey = { at: smsMessages.createdAt, id: smsMessages.id };
/** The same (created_at, id) as copied into sms_message_search, so a search reads in its own index's order. */
const SEARCH_ORDER: KeysetKey = { at: smsMessageSearch.createdAt, id: smsMessageSearch.messageId };

/**
 * A SubAccount's messages, of a status, of a campaign, a contact's or a lead's: each served by the same indexes
 * (above) whatever the values, so one plan serves them all. A date range (its width) and direction (the partial
 * index names 'inbound') steer the plan, as a search term does (searchPage plans each).
 */
const planOf = (f: MessageFilters): PlanReuse => (f.direction || f.from || f.to ? 'perValues' : 'reusable');

/** The columns a list of messages shows (SmsMessageDto's), not the sender's bookkeeping; times as ISO text. */
const MESSAGE_LIST_COLUMNS = {
  id: smsMessages.id,
  userId: smsMessages.userId,
  subAccountId: smsMessages.subAccountId,
  direction: smsMessages.direction,
  phoneNumber: smsMessages.phoneNumber,
  fromNumber: smsMessages.fromNumber,
  message: smsMessages.message,
  status: smsMessages.status,
  statusReason: smsMessages.statusReason,
  twilioSid: smsMessages.twilioSid,
  errorCode: smsMessages.errorCode,
  errorMessage: smsMessages.errorMessage,
  campaignId: smsMessages.campaignId,
  leadId: smsMessages.leadId,
  segments: smsMessages.segments,
  encoding: smsMessages.encoding,
  price: smsMessages.price,
  priceUnit: smsMessages.priceUnit,
  attempts: smsMessages.attempts,
  notBefore: isoTime(smsMessages.notBefore),
  sentAt: isoTime(smsMessages.sentAt),
  deliveredAt: isoTime(smsMessages.deliveredAt),
  createdAt: isoTime(smsMessages.createdAt),
  updatedAt: isoTime(smsMessages.updatedAt),
};

/** A message as a list shows it (times as ISO 8601 text). */
export type MessageListRow = Omit<Pick<SmsMessageRow, keyof typeof MESSAGE_LIST_COLUMNS>, MessageTime> & {
  [K in MessageTime]: SmsMessageRow[K] extends Date ? string : string | null;
};
type MessageTime = 'notBefore' | 'sentAt' | 'deliveredAt' | 'createdAt' | 'updatedAt';

/**
 * The WHERE of a message list: the SubAccount first, then each filter given, its values named in `v` (each
 * condition under names of its own, so the names given tell the query's text apart).
 */
export function messageFilterWhere(
  v: QueryValues,
  subAccountId: number,
  f: Omit<MessageFilters, 'page' | 'limit'>,
): SQL {
  return inTenant(
    smsMessages.subAccountId,
    v.$('subAccountId', subAccountId),
    f.status ? eq(smsMessages.status, v.$('status', f.status)) : undefined,
    f.campaignId ? eq(smsMessages.campaignId, v.$('campaignId', f.campaignId)) : undefined,
    f.leadId ? eq(smsMessages.leadId, v.$('leadId', f.leadId)) : undefined,
    f.direction ? eq(smsMessages.direction, v.$('direction', f.direction)) : undefined,
    f.from ? gte(smsMessages.createdAt, v.$('from', f.from)) : undefined,
    f.to ? lte(smsMessages.createdAt, v.$('to', f.to)) : undefined,
    f.phoneNumber ? eq(smsMessages.phoneNumber, v.$('phoneNumber', f.phoneNumber)) : undefined,
    f.withLead ? withLeadCondition(v, f.withLead) : undefined,
    searchCondition(v, f.search),
  );
}

function withLeadCondition(v: QueryValues, lead: { id: number; phone: string | null }): SQL | undefined {
  const linked = eq(smsMessages.leadId, v.$('withLeadId', lead.id));
  return lead.phone ? or(linked, eq(smsMessages.phoneNumber, v.$('withLeadPhone', lead.phone))) : linked;
}

/**
 * A search as a condition on sms_messages alone (the CSV export, in id order): the messages whose number holds the
 * term's digits or whose body holds its text, found in sms_message_search. Lists use searchPage's join instead.
 */
function searchCondition(v: QueryValues, term: string | undefined): SQL | undefined {
  const search = searchTermOf(term);
  if (!search) return undefined;
  const terms = searchTerms(v, search);
  return sql`${smsMessages.id} in (select ${smsMessageSearch.messageId} from ${smsMessageSearch} where ${terms})`;
}

/** The search row of the SubAccount's messages that match the term (searchPage's join). */
function searchMatch(v: QueryValues, subAccountId: number, search: SearchTerm): SQL | undefined {
  return and(eq(smsMessageSearch.subAccountId, v.$('searchSubAccountId', subAccountId)), searchTerms(v, search));
}

/**
 * The body has the term's numbers (sms_message_search.numbers, migration 0012), beside its text: both are keys of one
 * GIN index, so a number in few bodies narrows the scan where each of its trigrams may be in a large share of them
 * (digits make only 1,000 trigrams). Not for a phone-like term: its number half costs most, its punctuation and
 * spacing already make its body trigrams rare, and the numbers cost it 0.1-0.2 ms more (planning and scan).
 */
function bodyNumbers(v: QueryValues, search: SearchTerm): SQL | undefined {
  if (!search.hasIndexedNumber || search.phoneDigits) return undefined;
  return sql`${smsMessageSearch.numbers} @@ sms_search_numbers_query(${v.$('searchNumbers', search.text)})`;
}

/** A search with a term: its text is never empty (an empty pattern would match every message). */
type SearchTerm = MessageSearch & { text: string };

/** The search a term asks for, or undefined for none (no term, or a blank one). */
function searchTermOf(term: string | undefined): SearchTerm | undefined {
  const search = parseMessageSearch(term);
  return search.text ? { ...search, text: search.text } : undefined;
}

/** The number holds the term's digits (when it is phone-like) or the body holds its text. */
function searchTerms(v: QueryValues, search: SearchTerm): SQL | undefined {
  const body = and(bodyHolds(v, search.text), bodyNumbers(v, search));
  return search.phoneDigits ? or(phoneHolds(v, search.phoneDigits), body) : body;
}

/**
 * The body holds `text`, case-insensitively: `message ILIKE '%text%'`, asked of the body's search key (migration 0015,
 * `sms_search_key`: lowercased, each space as 'Q'), whose trigrams span words. The term's key is made by the same SQL
 * function, so PostgreSQL's lower() decides both sides, as it does for ILIKE.
 */
function bodyHolds(v: QueryValues, text: string): SQL {
  return sql`${smsMessageSearch.bodyKey} like sms_search_key(${v.$('searchText', likePattern(text))})`;
}

/**
 * The number holds `digits` (3 or more), found by its 4-character windows (sms_message_search.phone_grams, migration
 * 0014): 3 digits start a window, 4 are one, and 5 or more have every window in the number; for those the LIKE
 * decides, the windows having narrowed the rows to a few.
 */
export function phoneHolds(v: QueryValues, digits: string): SQL {
  const grams = sql`${smsMessageSearch.phoneGrams} @@ ${v.$('searchGrams', phoneGramsQuery(digits))}::tsquery`;
  if (digits.length <= 4) return grams;
  return and(grams, like(smsMessageSearch.phoneNumber, v.$('searchDigits', `%${digits}%`)))!;
}

/** The windows a number holding `digits` (ASCII digits only, 3 or more) has, as tsquery text. */
export function phoneGramsQuery(digits: string): string {
  if (!/^[0-9]{3,}$/.test(digits)) throw new Error(`Not a run of 3 or more digits: ${digits}`);
  if (digits.length === 3) return `${digits}:*`;
  const starts = new Set<number>();
  for (let i = 0; i + 4 < digits.length; i += 4) starts.add(i);
  starts.add(digits.length - 4);
  return [...starts].map((i) => digits.slice(i, i + 4)).join(' & ');
}
