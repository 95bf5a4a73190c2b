'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi, crmApi } from '@/lib/api-client';
import { cleanParams } from '@/lib/queries/keys';
import type { PaginationParams } from '@/types/api';
import type { LeadDto, LeadListParams, StrategyDto, SubAccountDto } from '@/types/crm';

export const crmKeys = {
  me: ['me'] as const,
  leadsAll: () => ['leads'] as const,
  leads: (filters?: LeadListParams) => [...crmKeys.leadsAll(), 'list', cleanParams(filters)] as const,
  lead: (id: number) => [...crmKeys.leadsAll(), 'detail', id] as const,
  strategiesAll: () => ['strategies'] as const,
  strategies: (filters?: PaginationParams) => [...crmKeys.strategiesAll(), 'list', cleanParams(filters)] as const,
  strategy: (id: number) => [...crmKeys.strategiesAll(), 'detail', id] as const,
  subAccountsAll: () => ['subaccounts'] as const,
  subAccounts: (filters?: PaginationParams) => [...crmKeys.subAccountsAll(), 'list', cleanParams(filters)] as const,
  users: (filters?: PaginationParams) => ['users', cleanParams(filters)] as const,
};

export function useMe(enabled = true) {
  return useQuery({ queryKey: crmKeys.me, queryFn: authApi.me, enabled, staleTime: 5 * 60_000, retry: false });
}

export function useLeads(filters: LeadListParams, enabled = true) {
  return useQuery({
    queryKey: crmKeys.leads(filters),
    queryFn: () => crmApi.getLeads(cleanParams(filters) as LeadListParams),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useLead(id: number) {
  return useQuery({ queryKey: crmKeys.lead(id), queryFn: () => crmApi.getLead(id), enabled: id > 0 });
}

export function useSaveLead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, data }: { id?: number; data: LeadDto }) =>
      id ? crmApi.updateLead(id, data) : crmApi.createLead(data),
    onSuccess: (lead) => {
      if (lead?.id) qc.setQueryData(crmKeys.lead(lead.id), lead);
      void qc.invalidateQueries({ queryKey: crmKeys.leadsAll() });
    },
  });
}

export function useDeleteLead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => crmApi.deleteLead(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: crmKeys.leadsAll() }),
  });
}

export function useStrategies(filters: PaginationParams = { limit: 100 }) {
  return useQuery({
    queryKey: crmKeys.strategies(filters),
    queryFn: () => crmApi.getStrategies(cleanParams(filters) as PaginationParams),
    placeholderData: keepPreviousData,
  });
}

export function useStrategy(id: number) {
  return useQuery({ queryKey: crmKeys.strategy(id), queryFn: () => crmApi.getStrategy(id), enabled: id > 0 });
}

export function useSaveStrategy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, data }: { id?: number; data: StrategyDto }) =>
      id ? crmApi.updateStrategy(id, data) : crmApi.createStrategy(data),
    onSuccess: () => void qc.invalidateQueries({ queryKey: crmKeys.strategiesAll() }),
  });
}

export function useDeleteStrategy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => crmApi.deleteStrategy(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: crmKeys.strategiesAll() }),
  });
}

export function useSubAccounts(filters: PaginationParams, enabled = true) {
  return useQuery({
    queryKey: crmKeys.subAccounts(filters),
    queryFn: () => crmApi.getSubAccounts(cleanParams(filters) as PaginationParams),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSaveSubAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, data }: { id?: number; data: SubAccountDto }) =>
      id ? crmApi.updateSubAccount(id, data) : crmApi.createSubAccount(data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: crmKeys.subAccountsAll() });
      // The switcher lists the admin's SubAccounts from /auth/me.
      void qc.invalidateQueries({ queryKey: crmKeys.me });
    },
  });
}

export function useDeleteSubAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => crmApi.deleteSubAccount(id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: crmKeys.subAccountsAll() });
      void qc.invalidateQueries({ queryKey: crmKeys.me });
    },
  });
}

/** The SubAccount's users (owners of leads), for filters and pickers. */
export function useUsers(filters: PaginationParams = { limit: 100 }) {
  return useQuery({
    queryKey: crmKeys.users(filters),
    queryFn: () => crmApi.getUsers(cleanParams(filters) as PaginationParams),
    staleTime: 60_000,
  });
}
