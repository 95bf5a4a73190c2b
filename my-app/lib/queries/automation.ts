'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { dataOf, done, typedApi } from '@/lib/api/typed-client';
import { cleanParams } from '@/lib/queries/keys';
import type { PaginationParams } from '@/types/api';
import type { LeadSequence, SaveSequenceDto, SmsTriggerDto } from '@/types/automation';

const byId = (id: number) => ({ params: { path: { id } } });

export const automationApi = {
  getSequence: (strategyId: number) => dataOf(typedApi.GET('/api/strategies/{id}/sms-sequence', byId(strategyId))),
  saveSequence: (strategyId: number, body: SaveSequenceDto) =>
    dataOf(typedApi.PUT('/api/strategies/{id}/sms-sequence', { ...byId(strategyId), body })),
  getLeadSequence: (leadId: number) => dataOf(typedApi.GET('/api/leads/{id}/sms-sequence', byId(leadId))),
  enrollLead: (leadId: number) => dataOf(typedApi.POST('/api/leads/{id}/sms-sequence', byId(leadId))),
  stopLead: (leadId: number) => dataOf(typedApi.POST('/api/leads/{id}/sms-sequence/stop', byId(leadId))),
  getTriggers: (query?: PaginationParams) => dataOf(typedApi.GET('/api/sms/triggers', { params: { query } })),
  createTrigger: (body: SmsTriggerDto) => dataOf(typedApi.POST('/api/sms/triggers', { body })),
  updateTrigger: (id: number, body: Partial<SmsTriggerDto>) =>
    dataOf(typedApi.PATCH('/api/sms/triggers/{id}', { ...byId(id), body })),
  deleteTrigger: (id: number) => done(typedApi.DELETE('/api/sms/triggers/{id}', byId(id))),
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
