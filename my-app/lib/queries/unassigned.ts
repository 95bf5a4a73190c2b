import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paginated } from '@/types/api';
import type { UnassignedMessage } from '@/types/unassigned';

export const unassignedKeys = {
  all: () => ['sms-unassigned'] as const,
  list: (state: 'open' | 'all', page: number) => [...unassignedKeys.all(), state, page] as const,
};

export function useUnassigned(state: 'open' | 'all', page: number, enabled = true) {
  return useQuery({
    queryKey: unassignedKeys.list(state, page),
    queryFn: () => apiClient.get<Paginated<UnassignedMessage>>(`/sms/unassigned?state=${state}&page=${page}&limit=20`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAssignUnassigned() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, subAccountId }: { id: number; subAccountId: number }) =>
      apiClient.post<UnassignedMessage>(`/sms/unassigned/${id}/assign`, { subAccountId }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: unassignedKeys.all() }),
  });
}
