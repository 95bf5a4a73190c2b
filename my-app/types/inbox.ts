import type { PaginationParams } from './api';
import type { LeadFilter } from './crm';
import type { SmsMessage } from './sms';

/** A contact in the Inbox (GET /sms/conversations). */
export interface Conversation {
  id: number;
  /** E.164 */
  phoneNumber: string;
  leadId: number | null;
  leadName: string | null;
  /** The lead's owner (assigned user). */
  ownerId: number | null;
  ownerName: string | null;
  lastMessageAt: string;
  lastDirection: 'outbound' | 'inbound';
  lastMessagePreview: string;
  /** Replies newer than what the signed-in reader has read. */
  unreadCount: number;
  optedOut: boolean;
}

export interface ConversationListParams extends PaginationParams {
  unread?: boolean;
  ownerId?: number;
}

export interface UnreadSummary {
  conversations: number;
}

/** GET/PUT /leads/:id/sms-opt-out */
export interface LeadOptOut {
  phoneNumber: string | null;
  optedOut: boolean;
  source: string | null;
  since: string | null;
}

export interface LeadEvent {
  id: number;
  /** created, status_changed, strategy_changed, sequence_enrolled… */
  type: string;
  details: Record<string, unknown>;
  actorKind: 'user' | 'admin' | 'system' | 'twilio';
  actorId: number | null;
  createdAt: string;
}

export interface LeadTimelineItem {
  kind: 'sms' | 'event';
  at: string;
  sms: SmsMessage | null;
  event: LeadEvent | null;
}

export interface LeadTimeline {
  items: LeadTimelineItem[];
}

/** POST /sms/campaigns/from-leads */
export interface CampaignFromLeadsDto {
  name: string;
  message?: string;
  templateId?: number;
  filter: LeadFilter;
  scheduledAt?: string;
  dryRun?: boolean;
}
