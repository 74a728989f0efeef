import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../api/client';
import type { paths } from '../api/schema';

export type AuditEvent = Schemas['AuditEventDto'];
export type AuditReferences = Schemas['AuditEventListDto']['references'];
export type AuditAction = Schemas['AuditActionDto']['action'];
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

/** The actions the trail records (for the filter's choice in words); they change with releases. */
export function useAuditActions() {
  return useQuery({
    queryKey: ['audit', 'actions'],
    queryFn: () => call(api.GET('/audit/actions')).then((list) => list.items),
    staleTime: Infinity,
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
    mutationFn: (expect: { expectHead?: string; expectCheckpoint?: string }) =>
      call(
        api.GET('/audit/verify', {
          params: {
            query: {
              ...(expect.expectHead ? { expectHead: expect.expectHead } : {}),
              ...(expect.expectCheckpoint ? { expectCheckpoint: expect.expectCheckpoint } : {}),
            },
          },
        }),
      ),
  });
}

/** The verifier key Brug publishes now (the auditor may trust another one they kept). */
export function usePublicKey() {
  return useQuery({
    queryKey: ['audit', 'public-key'],
    queryFn: () => call(api.GET('/audit/public-key')),
    staleTime: Infinity,
  });
}
