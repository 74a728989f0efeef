import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../api/client';
import { caseKeys } from '../cases/api';

export type BulkAction = Schemas['BulkActionDto'];
export type BulkInput = Schemas['BulkActionInput'];
export type BulkResult = BulkAction['results'][number];
export type BulkOutcome = NonNullable<BulkResult['outcome']>;

/** While a bulk action runs, its progress is read again this often. */
export const BULK_REFRESH_MS = 1_000;

/** How many cases a bulk action would take (the count shown before the person confirms). */
export function useBulkPreview() {
  return useMutation({
    mutationFn: (body: BulkInput) => call(api.POST('/bulk-actions/preview', { body })),
  });
}

export function useStartBulkAction() {
  return useMutation({
    mutationFn: (body: BulkInput) => call(api.POST('/bulk-actions', { body })),
  });
}

/**
 * A bulk action's progress, read again every BULK_REFRESH_MS until it is finished; then the
 * work queue's lists are refreshed (their cases changed).
 */
export function useBulkAction(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['bulk-action', id],
    queryFn: async () => {
      const bulk = await call(
        api.GET('/bulk-actions/{id}', { params: { path: { id: id! }, query: { pageSize: 1 } } }),
      );
      if (bulk.state === 'finished') {
        void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      }
      return bulk;
    },
    enabled: id !== null,
    refetchInterval: (query) =>
      query.state.data?.state === 'finished' || query.state.error ? false : BULK_REFRESH_MS,
  });
}

/** The cases of a finished bulk action that were skipped or failed (at most 200 of each). */
export function useBulkExceptions(
  id: string,
  outcome: Exclude<BulkOutcome, 'done'>,
  enabled: boolean,
) {
  return useQuery({
    queryKey: ['bulk-action', id, outcome],
    queryFn: () =>
      call(
        api.GET('/bulk-actions/{id}', {
          params: { path: { id }, query: { outcome, pageSize: 200 } },
        }),
      ).then((bulk) => bulk.results),
    enabled,
  });
}
