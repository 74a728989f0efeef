import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, ifMatch, type CaseDto, type Schemas } from '../api/client';
import { caseChanged, caseKeys } from './api';

export type SuspendBody = Schemas['SuspendCaseDto'];
export type ExtendBody = Schemas['ExtendDeadlineDto'];
export type DeadlineChange = Schemas['DeadlineChangeDto'];

const deadlinesKey = (routeId: string) => [...caseKeys.one(routeId), 'deadlines'] as const;

/** Why the due times are what they are: every stop, move and breach (ADR 26). */
export function useDeadlines(routeId: string, enabled: boolean) {
  return useQuery({
    queryKey: deadlinesKey(routeId),
    queryFn: () => call(api.GET('/cases/{id}/deadlines', { params: { path: { id: routeId } } })),
    enabled,
  });
}

/** Suspends the case's clock at the version shown (If-Match). */
export function useSuspend(routeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ current, body }: { current: CaseDto; body: SuspendBody }) =>
      call(
        api.POST('/cases/{id}/suspensions', {
          params: { path: { id: current.id }, header: ifMatch(current.version) },
          body,
        }),
      ),
    onSuccess: (updated) => caseChanged(queryClient, routeId, updated),
  });
}

/** Lets the clock run again; the open stages' due times move by the working time suspended. */
export function useResume(routeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ current }: { current: CaseDto }) =>
      call(
        api.POST('/cases/{id}/suspensions/current/end', {
          params: { path: { id: current.id }, header: ifMatch(current.version) },
        }),
      ),
    onSuccess: (updated) => caseChanged(queryClient, routeId, updated),
  });
}

/** Extends one stage's due time. */
export function useExtend(routeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ current, body }: { current: CaseDto; body: ExtendBody }) =>
      call(
        api.POST('/cases/{id}/extensions', {
          params: { path: { id: current.id }, header: ifMatch(current.version) },
          body,
        }),
      ),
    onSuccess: (updated) => caseChanged(queryClient, routeId, updated),
  });
}
