import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../api/client';
import type { paths } from '../api/schema';

export type AuditEvent = Schemas['AuditEventDto'];
export type AuditQuery = NonNullable<paths['/audit/events']['get']['parameters']['query']>;
export type VerifyResult = Schemas['VerifyResultDto'];

/** A page of the global audit trail (auditors and admins). */
export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', 'events', query],
    queryFn: () => call(api.GET('/audit/events', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The trail of one case, oldest first, a page at a time ("show more"). */
export function useCaseAudit(id: string) {
  return useInfiniteQuery({
    queryKey: ['audit', 'case', id],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/cases/{id}/audit', {
          params: {
            path: { id },
            query: { order: 'asc', pageSize: 100, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useAuditHead() {
  return useQuery({
    queryKey: ['audit', 'head'],
    queryFn: () => call(api.GET('/audit/head')),
  });
}

/** Recomputes the whole chain on the server; optionally checks it passes a written-down head. */
export function useVerifyChain() {
  return useMutation({
    mutationFn: (expectHead: string | undefined) =>
      call(api.GET('/audit/verify', { params: { query: expectHead ? { expectHead } : {} } })),
  });
}
