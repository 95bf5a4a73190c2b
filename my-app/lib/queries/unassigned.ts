import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { dataOf, typedApi } from '@/lib/api/typed-client';

export const unassignedKeys = {
  all: () => ['sms-unassigned'] as const,
  list: (state: 'open' | 'all', page: number) => [...unassignedKeys.all(), state, page] as const,
};

export function useUnassigned(state: 'open' | 'all', page: number, enabled = true) {
  return useQuery({
    queryKey: unassignedKeys.list(state, page),
    queryFn: () => dataOf(typedApi.GET('/api/sms/unassigned', { params: { query: { state, page, limit: 20 } } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAssignUnassigned() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, subAccountId }: { id: number; subAccountId: number }) =>
      dataOf(typedApi.POST('/api/sms/unassigned/{id}/assign', { params: { path: { id } }, body: { subAccountId } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: unassignedKeys.all() }),
  });
}
