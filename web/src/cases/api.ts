import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useRef } from 'react';
import { api, call, ifMatch, type CaseDto, type Schemas } from '../api/client';
import type { paths } from '../api/schema';

export type CaseListQuery = NonNullable<paths['/cases']['get']['parameters']['query']>;
export type FileCaseBody = Schemas['FileCaseDto'];
export type TransitionBody = Schemas['TransitionDto'];
export type UpdateCaseBody = Schemas['UpdateCaseDto'];
export type NoteBody = Schemas['AddNoteDto'];

export const caseKeys = {
  lists: ['cases'] as const,
  list: (query: CaseListQuery) => ['cases', query] as const,
  one: (id: string) => ['case', id] as const,
  history: (id: string) => ['case', id, 'history'] as const,
  notes: (id: string) => ['case', id, 'notes'] as const,
};

/** A page of cases the caller may see (the API applies the role's visibility). */
export function useCaseList(query: CaseListQuery) {
  return useQuery({
    queryKey: caseKeys.list(query),
    queryFn: () => call(api.GET('/cases', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** While a filed case waits for the workflow to route it, it is read again this often. */
export const ROUTING_REFRESH_MS = 2_000;

/**
 * One case with its status history (one answer: status, team and timeline agree). Read again
 * every ROUTING_REFRESH_MS while Brug routes it (status `filed`), until it is routed or closed.
 */
export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.one(id),
    queryFn: () => call(api.GET('/cases/{id}', { params: { path: { id } } })),
    refetchInterval: (query) =>
      query.state.data?.status === 'filed' && !query.state.error ? ROUTING_REFRESH_MS : false,
  });
}

export function useCaseNotes(id: string) {
  return useQuery({
    queryKey: caseKeys.notes(id),
    queryFn: () => call(api.GET('/cases/{id}/notes', { params: { path: { id } } })),
  });
}

/** After a change: the case as the API returned it, and everything derived from it refreshed. */
export function caseChanged(queryClient: QueryClient, routeId: string, updated: CaseDto): void {
  queryClient.setQueryData(caseKeys.one(routeId), updated);
  void queryClient.invalidateQueries({ queryKey: ['case', routeId] });
  void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
  void queryClient.invalidateQueries({ queryKey: ['funding'] });
}

/** Files a case; one Idempotency-Key per distinct body, so a double submit files it once. */
export function useFileCase() {
  const queryClient = useQueryClient();
  const last = useRef<{ body: string; key: string } | null>(null);
  return useMutation({
    mutationFn: (body: FileCaseBody) => {
      const serialised = JSON.stringify(body);
      if (last.current?.body !== serialised) {
        last.current = { body: serialised, key: crypto.randomUUID() };
      }
      const key = last.current.key;
      return call(api.POST('/cases', { body, params: { header: { 'Idempotency-Key': key } } }));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: caseKeys.lists }),
  });
}

/** Moves the case along the state machine at the version shown (If-Match). */
export function useTransition(routeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ current, body }: { current: CaseDto; body: TransitionBody }) =>
      call(
        api.POST('/cases/{id}/transitions', {
          params: { path: { id: current.id }, header: ifMatch(current.version) },
          body,
        }),
      ),
    onSuccess: (updated) => caseChanged(queryClient, routeId, updated),
  });
}

export function useUpdateCase(routeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ current, body }: { current: CaseDto; body: UpdateCaseBody }) =>
      call(
        api.PATCH('/cases/{id}', {
          params: { path: { id: current.id }, header: ifMatch(current.version) },
          body,
        }),
      ),
    onSuccess: (updated) => caseChanged(queryClient, routeId, updated),
  });
}

/**
 * Staff take a routed case on: accept it, then assign it to themselves (two steps, each at the
 * version the previous one returned). A case of another team is taken on only with
 * `moveKoppel` (the person was asked): its team and the MeentCoop half of its koppel move too.
 */
export function useTakeOn(routeId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      current,
      meId,
      moveKoppel,
    }: {
      current: CaseDto;
      meId: string;
      moveKoppel?: boolean;
    }) => {
      const accepted = await call(
        api.POST('/cases/{id}/transitions', {
          params: { path: { id: current.id }, header: ifMatch(current.version) },
          body: { to: 'accepted', ...(moveKoppel ? { moveKoppel: true } : {}) },
        }),
      );
      if (accepted.assignee?.id === meId) return accepted;
      return call(
        api.PATCH('/cases/{id}', {
          params: { path: { id: accepted.id }, header: ifMatch(accepted.version) },
          body: { assigneeId: meId },
        }),
      );
    },
    // From a list there is no route id: the case is cached under its reference, as linked.
    onSuccess: (updated) => caseChanged(queryClient, routeId ?? updated.reference, updated),
  });
}

export function useAddNote(routeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, body }: { caseId: string; body: NoteBody }) =>
      call(api.POST('/cases/{id}/notes', { params: { path: { id: caseId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: caseKeys.notes(routeId) }),
  });
}
