import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, ifMatch, type Schemas } from '../api/client';

export type View = Schemas['ViewDto'];
export type ViewFilters = Schemas['ViewFiltersDto'];
export type ViewColumn = View['columns'][number];
export type NewView = Schemas['CreateViewDto'];
export type ViewChange = Schemas['UpdateViewDto'];

const viewKeys = { all: ['views'] as const };

/** The views the person may open: built-in ones, their own, and those shared with them. */
export function useViews() {
  return useQuery({
    queryKey: viewKeys.all,
    queryFn: () => call(api.GET('/views')).then((list) => list.items),
    staleTime: 30_000,
  });
}

export function useViewChanges() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: viewKeys.all });
  return {
    create: useMutation({
      mutationFn: (body: NewView) => call(api.POST('/views', { body })),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ view, body }: { view: View; body: ViewChange }) =>
        call(
          api.PATCH('/views/{id}', {
            params: { path: { id: view.id }, header: ifMatch(view.version) },
            body,
          }),
        ),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (view: View) =>
        call(
          api.DELETE('/views/{id}', {
            params: { path: { id: view.id }, header: ifMatch(view.version) },
          }),
        ),
      onSuccess: refresh,
    }),
  };
}
