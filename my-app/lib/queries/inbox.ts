'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { crmKeys } from '@/lib/queries/crm';
import { cleanParams } from '@/lib/queries/keys';
import { smsKeys } from '@/lib/queries/sms';
import type { Paginated, PaginationParams } from '@/types/api';
import type {
  CampaignFromLeadsDto,
  Conversation,
  ConversationListParams,
  LeadOptOut,
  LeadTimeline,
  UnreadSummary,
} from '@/types/inbox';
import type { BulkSmsResult, SmsMessage } from '@/types/sms';

/** How often open threads and the Inbox look for replies. */
const LIVE_MS = 5_000;

export const inboxApi = {
  getConversations: (params?: ConversationListParams) =>
    apiClient.get<Paginated<Conversation>>('/sms/conversations', { params: { ...params } }),
  getConversation: (id: number) => apiClient.get<Conversation>(`/sms/conversations/${id}`),
  getConversationMessages: (id: number, params?: PaginationParams) =>
    apiClient.get<Paginated<SmsMessage>>(`/sms/conversations/${id}/messages`, { params: { ...params } }),
  markRead: (id: number) => apiClient.post<void>(`/sms/conversations/${id}/read`),
  getUnread: () => apiClient.get<UnreadSummary>('/sms/conversations/unread'),
  getLeadThread: (leadId: number, params?: PaginationParams) =>
    apiClient.get<Paginated<SmsMessage>>(`/leads/${leadId}/sms`, { params: { ...params } }),
  getLeadTimeline: (leadId: number, limit = 50) =>
    apiClient.get<LeadTimeline>(`/leads/${leadId}/timeline`, { params: { limit } }),
  getLeadOptOut: (leadId: number) => apiClient.get<LeadOptOut>(`/leads/${leadId}/sms-opt-out`),
  setLeadOptOut: (leadId: number, optedOut: boolean) =>
    apiClient.put<LeadOptOut>(`/leads/${leadId}/sms-opt-out`, { optedOut }),
  createCampaignFromLeads: (data: CampaignFromLeadsDto) =>
    apiClient.post<BulkSmsResult & { counts: { leads: number; noPhone: number } }>('/sms/campaigns/from-leads', data),
};

export const inboxKeys = {
  all: ['inbox'] as const,
  conversations: (filters?: ConversationListParams) => [...inboxKeys.all, 'list', cleanParams(filters)] as const,
  conversation: (id: number) => [...inboxKeys.all, 'detail', id] as const,
  conversationMessages: (id: number) => [...inboxKeys.conversation(id), 'messages'] as const,
  unread: () => [...inboxKeys.all, 'unread'] as const,
  leadThread: (leadId: number) => [...crmKeys.lead(leadId), 'sms'] as const,
  leadTimeline: (leadId: number) => [...crmKeys.lead(leadId), 'timeline'] as const,
  leadOptOut: (leadId: number) => [...crmKeys.lead(leadId), 'opt-out'] as const,
};

export function useConversations(filters: ConversationListParams) {
  return useQuery({
    queryKey: inboxKeys.conversations(filters),
    queryFn: () => inboxApi.getConversations(cleanParams(filters) as ConversationListParams),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });
}

export function useConversation(id: number | null) {
  return useQuery({
    queryKey: inboxKeys.conversation(id ?? 0),
    queryFn: () => inboxApi.getConversation(id!),
    enabled: !!id,
  });
}

export function useConversationMessages(id: number | null) {
  return useQuery({
    queryKey: inboxKeys.conversationMessages(id ?? 0),
    queryFn: () => inboxApi.getConversationMessages(id!, { limit: 100 }),
    enabled: !!id,
    refetchInterval: LIVE_MS,
  });
}

export function useUnreadConversations() {
  return useQuery({ queryKey: inboxKeys.unread(), queryFn: inboxApi.getUnread, refetchInterval: 15_000 });
}

export function useMarkConversationRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => inboxApi.markRead(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}

export function useLeadThread(leadId: number) {
  return useQuery({
    queryKey: inboxKeys.leadThread(leadId),
    queryFn: () => inboxApi.getLeadThread(leadId, { limit: 100 }),
    refetchInterval: LIVE_MS,
  });
}

export function useLeadTimeline(leadId: number) {
  return useQuery({
    queryKey: inboxKeys.leadTimeline(leadId),
    queryFn: () => inboxApi.getLeadTimeline(leadId),
    refetchInterval: 15_000,
  });
}

export function useLeadOptOut(leadId: number) {
  return useQuery({ queryKey: inboxKeys.leadOptOut(leadId), queryFn: () => inboxApi.getLeadOptOut(leadId) });
}

export function useSetLeadOptOut(leadId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (optedOut: boolean) => inboxApi.setLeadOptOut(leadId, optedOut),
    onSuccess: (state) => {
      qc.setQueryData(inboxKeys.leadOptOut(leadId), state);
      void qc.invalidateQueries({ queryKey: crmKeys.lead(leadId) });
      void qc.invalidateQueries({ queryKey: smsKeys.optOutsAll() });
    },
  });
}

export function useCreateCampaignFromLeads() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (data: CampaignFromLeadsDto) => inboxApi.createCampaignFromLeads(data),
    onSuccess: (report) => {
      if (!report.dryRun) void qc.invalidateQueries({ queryKey: smsKeys.campaignsAll() });
    },
  });
}
