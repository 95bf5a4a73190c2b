'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { cleanParams } from '@/lib/queries/keys';
import type { Paginated, PaginationParams } from '@/types/api';
import type { LeadSequence, SaveSequenceDto, SmsSequence, SmsTrigger, SmsTriggerDto } from '@/types/automation';

export const automationApi = {
  getSequence: (strategyId: number) => apiClient.get<SmsSequence>(`/strategies/${strategyId}/sms-sequence`),
  saveSequence: (strategyId: number, data: SaveSequenceDto) =>
    apiClient.put<SmsSequence>(`/strategies/${strategyId}/sms-sequence`, data),
  getLeadSequence: (leadId: number) => apiClient.get<LeadSequence>(`/leads/${leadId}/sms-sequence`),
  enrollLead: (leadId: number) => apiClient.post<LeadSequence>(`/leads/${leadId}/sms-sequence`),
  stopLead: (leadId: number) => apiClient.post<LeadSequence>(`/leads/${leadId}/sms-sequence/stop`),
  getTriggers: (params?: PaginationParams) =>
    apiClient.get<Paginated<SmsTrigger>>('/sms/triggers', { params: { ...params } }),
  createTrigger: (data: SmsTriggerDto) => apiClient.post<SmsTrigger>('/sms/triggers', data),
  updateTrigger: (id: number, data: Partial<SmsTriggerDto>) => apiClient.patch<SmsTrigger>(`/sms/triggers/${id}`, data),
  deleteTrigger: (id: number) => apiClient.delete(`/sms/triggers/${id}`),
};

export const automationKeys = {
  all: ['automation'] as const,
  sequence: (strategyId: number) => [...automationKeys.all, 'sequence', strategyId] as const,
  leadSequence: (leadId: number) => [...automationKeys.all, 'lead', leadId] as const,
  triggersAll: () => [...automationKeys.all, 'triggers'] as const,
  triggers: (filters?: PaginationParams) => [...automationKeys.triggersAll(), cleanParams(filters)] as const,
};

export function useSequence(strategyId: number) {
  return useQuery({
    queryKey: automationKeys.sequence(strategyId),
    queryFn: () => automationApi.getSequence(strategyId),
    enabled: strategyId > 0,
  });
}

export function useSaveSequence(strategyId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (data: SaveSequenceDto) => automationApi.saveSequence(strategyId, data),
    onSuccess: (sequence) => qc.setQueryData(automationKeys.sequence(strategyId), sequence),
  });
}

export function useLeadSequence(leadId: number) {
  return useQuery({
    queryKey: automationKeys.leadSequence(leadId),
    queryFn: () => automationApi.getLeadSequence(leadId),
    enabled: leadId > 0,
    refetchInterval: 30_000,
  });
}

function useLeadSequenceAction(leadId: number, action: (leadId: number) => Promise<LeadSequence>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => action(leadId),
    onSuccess: (view) => qc.setQueryData(automationKeys.leadSequence(leadId), view),
  });
}

export const useEnrollLead = (leadId: number) => useLeadSequenceAction(leadId, automationApi.enrollLead);
export const useStopLeadSequence = (leadId: number) => useLeadSequenceAction(leadId, automationApi.stopLead);

export function useTriggers(filters: PaginationParams) {
  return useQuery({
    queryKey: automationKeys.triggers(filters),
    queryFn: () => automationApi.getTriggers(cleanParams(filters) as PaginationParams),
    placeholderData: keepPreviousData,
  });
}

export function useSaveTrigger() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, data }: { id?: number; data: Partial<SmsTriggerDto> }) =>
      id ? automationApi.updateTrigger(id, data) : automationApi.createTrigger(data as SmsTriggerDto),
    onSuccess: () => void qc.invalidateQueries({ queryKey: automationKeys.triggersAll() }),
  });
}

export function useDeleteTrigger() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => automationApi.deleteTrigger(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: automationKeys.triggersAll() }),
  });
}
