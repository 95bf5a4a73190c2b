/** The Inbox and a lead's SMS side (thread, timeline, opt-out): each is the API's own schema. */
import type { QueryOf, Schema } from './api';

/** A contact in the Inbox (GET /sms/conversations). */
export type Conversation = Schema<'ConversationDto'>;
export type ConversationListParams = QueryOf<'/api/sms/conversations'>;
export type UnreadSummary = Schema<'UnreadSummaryDto'>;

/** GET/PUT /leads/:id/sms-opt-out */
export type LeadOptOut = Schema<'LeadOptOutDto'>;
export type LeadEvent = Schema<'LeadEventDto'>;
export type LeadTimelineItem = Schema<'LeadTimelineItemDto'>;
export type LeadTimeline = Schema<'LeadTimelineDto'>;

/** POST /sms/campaigns/from-leads */
export type CampaignFromLeadsDto = Schema<'CreateCampaignFromLeadsDto'>;
