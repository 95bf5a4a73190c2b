'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { dataOf, done, typedApi } from '@/lib/api/typed-client';
import { crmKeys } from '@/lib/queries/crm';
import { cleanParams, type CursorParams } from '@/lib/queries/keys';
import { smsKeys } from '@/lib/queries/sms';
import type { PaginationParams } from '@/types/api';
import type { CampaignFromLeadsDto, ConversationListParams } from '@/types/inbox';

/** How often open threads and the Inbox look for replies. */
const LIVE_MS = 5_000;

const byId = (id: number) => ({ params: { path: { id } } });

export const inboxApi = {
  getConversations: (query?: ConversationListParams) =>
    dataOf(typedApi.GET('/api/sms/conversations', { params: { query } })),
  getConversation: (id: number) => dataOf(typedApi.GET('/api/sms/conversations/{id}', byId(id))),
  getConversationMessages: (id: number, query?: PaginationParams) =>
    dataOf(typedApi.GET('/api/sms/conversations/{id}/messages', { params: { path: { id }, query } })),
  markRead: (id: number) => done(typedApi.POST('/api/sms/conversations/{id}/read', byId(id))),
  getUnread: () => dataOf(typedApi.GET('/api/sms/conversations/unread')),
  getLeadThread: (leadId: number, query?: PaginationParams) =>
    dataOf(typedApi.GET('/api/leads/{id}/sms', { params: { path: { id: leadId }, query } })),
  getLeadTimeline: (leadId: number, limit = 50) =>
    dataOf(typedApi.GET('/api/leads/{id}/timeline', { params: { path: { id: leadId }, query: { limit } } })),
  getLeadOptOut: (leadId: number) => dataOf(typedApi.GET('/api/leads/{id}/sms-opt-out', byId(leadId))),
  setLeadOptOut: (leadId: number, optedOut: boolean) =>
    dataOf(typedApi.PUT('/api/leads/{id}/sms-opt-out', { ...byId(leadId), body: { optedOut } })),
  createCampaignFromLeads: (body: CampaignFromLeadsDto) =>
    dataOf(typedApi.POST('/api/sms/campaigns/from-leads', { body })),
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

export function useConversations(filters: ConversationListParams & CursorParams) {
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
