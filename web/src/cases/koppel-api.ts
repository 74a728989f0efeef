import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, ifMatch, type CaseDto, type Schemas } from '../api/client';
import { caseChanged } from './api';

export type ChangeKoppelBody = Schemas['ChangeKoppelDto'];
export type KoppelChange = Schemas['KoppelChangeDto'];

export const koppelKeys = {
  history: (id: string) => ['case', id, 'koppel-history'] as const,
  candidates: (id: string) => ['case', id, 'koppel-candidates'] as const,
};

/** The koppel's history with reasons (staff, auditors, admins). */
export function useKoppelHistory(routeId: string, enabled: boolean) {
  return useQuery({
    queryKey: koppelKeys.history(routeId),
    queryFn: () =>
      call(api.GET('/cases/{id}/koppel-history', { params: { path: { id: routeId } } })),
    enabled,
  });
}

/** Who may be either half of this case's koppel (staff, admins). */
export function useKoppelCandidates(routeId: string, enabled: boolean) {
  return useQuery({
    queryKey: koppelKeys.candidates(routeId),
    queryFn: () =>
      call(api.GET('/cases/{id}/koppel-candidates', { params: { path: { id: routeId } } })),
    enabled,
  });
}

/** Sets both halves at the version shown (If-Match); the case and its history refresh. */
export function useChangeKoppel(routeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ current, body }: { current: CaseDto; body: ChangeKoppelBody }) =>
      call(
        api.PUT('/cases/{id}/koppel', {
          params: { path: { id: current.id }, header: ifMatch(current.version) },
          body,
        }),
      ),
    onSuccess: (updated) => caseChanged(queryClient, routeId, updated),
  });
}
