'use client';

import * as React from 'react';
import { settingsApi } from '@/lib/api/settings-api';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { smsApi } from '@/lib/api-client';
import { cleanParams, type CursorParams } from '@/lib/queries/keys';
import {
  ACTIVE_CAMPAIGN_STATUSES,
  FINAL_SMS_STATUSES,
  type AddOptOutDto,
  type AuditListParams,
  type CampaignListParams,
  type CampaignMessagesParams,
  type CreateCampaignDto,
  type MessageHistoryParams,
  type OptOutListParams,
  type SendSmsDto,
  type MessageWait,
  type SmsCampaign,
  type SmsMessage,
  type SmsTemplateDto,
  type UpdateCampaignDto,
  type UpdateSmsSettingsDto,
} from '@/types/sms';
import type { PaginationParams } from '@/types/api';

/** Query keys of the SMS module. Invalidate a prefix (`smsKeys.messagesAll()`) to refresh a family. */
export const smsKeys = {
  all: ['sms'] as const,
  stats: () => [...smsKeys.all, 'stats'] as const,
  messagesAll: () => [...smsKeys.all, 'messages'] as const,
  messages: (filters?: MessageHistoryParams) => [...smsKeys.messagesAll(), 'list', cleanParams(filters)] as const,
  message: (id: number) => [...smsKeys.messagesAll(), 'detail', id] as const,
  waits: (ids: number[]) => [...smsKeys.messagesAll(), 'waits', ids.join(',')] as const,
  campaignsAll: () => [...smsKeys.all, 'campaigns'] as const,
  campaigns: (filters?: CampaignListParams) => [...smsKeys.campaignsAll(), 'list', cleanParams(filters)] as const,
  campaign: (id: number) => [...smsKeys.campaignsAll(), 'detail', id] as const,
  campaignMessages: (id: number, filters?: CampaignMessagesParams) =>
    [...smsKeys.campaign(id), 'messages', cleanParams(filters)] as const,
  settings: () => [...smsKeys.all, 'settings'] as const,
  templates: (filters?: PaginationParams) => [...smsKeys.all, 'templates', cleanParams(filters)] as const,
  optOutsAll: () => [...smsKeys.all, 'opt-outs'] as const,
  optOuts: (filters?: OptOutListParams) => [...smsKeys.optOutsAll(), 'list', cleanParams(filters)] as const,
  auditAll: () => [...smsKeys.all, 'audit'] as const,
  audit: (filters?: AuditListParams) => [...smsKeys.auditAll(), 'list', cleanParams(filters)] as const,
};

export function isCampaignActive(c: Pick<SmsCampaign, 'status'> | undefined): boolean {
  return !!c && ACTIVE_CAMPAIGN_STATUSES.includes(c.status);
}

// ---------------------------------------------------------------------------------------------
// Reads

export function useSmsStats() {
  return useQuery({ queryKey: smsKeys.stats(), queryFn: smsApi.getStats, refetchInterval: 30_000 });
}

export function useMessages(filters: MessageHistoryParams & CursorParams, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: smsKeys.messages(filters),
    queryFn: () => smsApi.getMessages(cleanParams(filters) as MessageHistoryParams),
    placeholderData: keepPreviousData,
    refetchInterval: options.refetchInterval,
  });
}

/** One message with its events; polls every 2 s until its status is final. */
export function useMessage(id: number | null) {
  return useQuery({
    queryKey: smsKeys.message(id ?? 0),
    queryFn: () => smsApi.getMessage(id!),
    enabled: id !== null && id > 0,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status && FINAL_SMS_STATUSES.includes(status) ? false : 2000;
    },
  });
}

/** The API reads at most this many messages' waits per request. */
const MAX_WAIT_IDS = 50;

/**
 * Why each pending message of a list waits and about when it goes, by id (GET /sms/message-waits), refreshed
 * while any is pending. Other messages have no entry.
 */
export function useMessageWaits(messages: readonly Pick<SmsMessage, 'id' | 'status'>[]): Map<number, MessageWait> {
  const ids = messages
    .filter((m) => m.status === 'pending')
    .map((m) => m.id)
    .sort((a, b) => a - b)
    .slice(0, MAX_WAIT_IDS);
  const query = useQuery({
    queryKey: smsKeys.waits(ids),
    queryFn: () => smsApi.getMessageWaits(ids),
    enabled: ids.length > 0,
    refetchInterval: 10_000,
  });
  return React.useMemo(() => new Map((query.data?.items ?? []).map((w) => [w.id, w])), [query.data]);
}

export function useCampaigns(filters: CampaignListParams & CursorParams) {
  return useQuery({
    queryKey: smsKeys.campaigns(filters),
    queryFn: () => smsApi.getCampaigns(cleanParams(filters) as CampaignListParams),
    placeholderData: keepPreviousData,
    // Running campaigns move; keep the list's progress bars honest.
    refetchInterval: (query) =>
      query.state.data?.items.some((c) => c.status === 'sending' || c.status === 'scheduled') ? 3000 : false,
  });
}

/**
 * One campaign. Live updates come from the SSE stream (`useCampaignEvents`); this polls slowly
 * as a fallback while the campaign is active, in case the stream is unavailable.
 */
export function useCampaign(id: number) {
  return useQuery({
    queryKey: smsKeys.campaign(id),
    queryFn: () => smsApi.getCampaign(id),
    enabled: id > 0,
    refetchInterval: (query) => (isCampaignActive(query.state.data) ? 5000 : false),
  });
}

export function useCampaignMessages(id: number, filters: CampaignMessagesParams & CursorParams, live: boolean) {
  return useQuery({
    queryKey: smsKeys.campaignMessages(id, filters),
    queryFn: () => smsApi.getCampaignMessages(id, cleanParams(filters) as CampaignMessagesParams),
    enabled: id > 0,
    placeholderData: keepPreviousData,
    refetchInterval: live ? 3000 : false,
  });
}

export function useSmsSettings() {
  return useQuery({ queryKey: smsKeys.settings(), queryFn: settingsApi.getSettings });
}

export function useTemplates(filters: PaginationParams = { limit: 100 }) {
  return useQuery({
    queryKey: smsKeys.templates(filters),
    queryFn: () => smsApi.getTemplates(cleanParams(filters) as PaginationParams),
    staleTime: 60_000,
  });
}

// ---------------------------------------------------------------------------------------------
// Writes

function invalidateSmsLists(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: smsKeys.messagesAll() });
  void qc.invalidateQueries({ queryKey: smsKeys.campaignsAll() });
  void qc.invalidateQueries({ queryKey: smsKeys.stats() });
}

export function useSendSms() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ data, idempotencyKey }: { data: SendSmsDto; idempotencyKey: string }) =>
      smsApi.sendSms(data, idempotencyKey),
    onSuccess: () => invalidateSmsLists(qc),
  });
}

export function useRetryMessage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => smsApi.retryMessage(id),
    onSuccess: () => invalidateSmsLists(qc),
  });
}

export function useCancelMessage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => smsApi.cancelMessage(id),
    onSuccess: () => invalidateSmsLists(qc),
  });
}

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (data: CreateCampaignDto) => smsApi.createCampaign(data),
    onSuccess: () => invalidateSmsLists(qc),
  });
}

export function useUpdateCampaign(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (data: UpdateCampaignDto) => smsApi.updateCampaign(id, data),
    onSuccess: (campaign) => {
      if (campaign?.id) qc.setQueryData(smsKeys.campaign(id), campaign);
      void qc.invalidateQueries({ queryKey: smsKeys.campaignsAll() });
    },
  });
}

export type CampaignAction = 'pause' | 'resume' | 'cancel' | 'retry-failed' | 'delete';

export function useCampaignAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (action: CampaignAction): Promise<SmsCampaign | void> => {
      switch (action) {
        case 'pause':
          return smsApi.pauseCampaign(id);
        case 'resume':
          return smsApi.resumeCampaign(id);
        case 'cancel':
          return smsApi.cancelCampaign(id);
        case 'retry-failed':
          return smsApi.retryFailedCampaign(id);
        case 'delete':
          return smsApi.deleteCampaign(id);
      }
    },
    onSuccess: (campaign, action) => {
      if (action === 'delete') qc.removeQueries({ queryKey: smsKeys.campaign(id) });
      else if (campaign && typeof campaign === 'object' && 'id' in campaign) {
        qc.setQueryData(smsKeys.campaign(id), campaign);
      }
      invalidateSmsLists(qc);
    },
  });
}

export function useUpdateSmsSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (data: UpdateSmsSettingsDto) => settingsApi.updateSettings(data),
    onSuccess: (settings) => {
      if (settings) qc.setQueryData(smsKeys.settings(), settings);
      void qc.invalidateQueries({ queryKey: smsKeys.settings() });
    },
  });
}

export function useTestSmsSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => settingsApi.testSettings(),
    onSettled: () => void qc.invalidateQueries({ queryKey: smsKeys.settings() }),
  });
}

export function useSaveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, data }: { id?: number; data: SmsTemplateDto }) =>
      id ? smsApi.updateTemplate(id, data) : smsApi.createTemplate(data),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...smsKeys.all, 'templates'] }),
  });
}

export function useDeleteTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => smsApi.deleteTemplate(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...smsKeys.all, 'templates'] }),
  });
}

// ---------------------------------------------------------------------------------------------
// Opt-outs and the audit log

export function useOptOuts(filters: OptOutListParams & CursorParams) {
  return useQuery({
    queryKey: smsKeys.optOuts(filters),
    queryFn: () => smsApi.getOptOuts(cleanParams(filters) as OptOutListParams),
    placeholderData: keepPreviousData,
  });
}

/** Every change to the list is audited, so the audit log is refreshed with it. */
function invalidateOptOuts(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: smsKeys.optOutsAll() });
  void qc.invalidateQueries({ queryKey: smsKeys.auditAll() });
}

export function useAddOptOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (data: AddOptOutDto) => smsApi.addOptOut(data),
    onSuccess: () => invalidateOptOuts(qc),
  });
}

export function useRemoveOptOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => smsApi.removeOptOut(id),
    onSuccess: () => invalidateOptOuts(qc),
  });
}

export function useImportOptOuts() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress?: (fraction: number) => void }) =>
      smsApi.importOptOuts(file, { onProgress }),
    onSuccess: () => invalidateOptOuts(qc),
  });
}

export function useAuditLog(filters: AuditListParams & CursorParams) {
  return useQuery({
    queryKey: smsKeys.audit(filters),
    queryFn: () => smsApi.getAuditLog(cleanParams(filters) as AuditListParams),
    placeholderData: keepPreviousData,
  });
}
