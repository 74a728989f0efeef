import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../api/client';

export type Signal = Schemas['SignalDto'];
export type SignalKind = Signal['kind'];
export type SignalPreference = Schemas['SignalPreferenceDto'];
export type SignalDelivery = SignalPreference['delivery'];

export const SIGNAL_DELIVERIES: readonly SignalDelivery[] = ['in_app', 'email', 'daily_digest'];

const signalKeys = {
  all: ['signals'] as const,
  count: ['signals', 'count'] as const,
  list: (unread: boolean, cursor: string | null) => ['signals', 'list', unread, cursor] as const,
  preferences: ['signals', 'preferences'] as const,
};

/** The header's count: asked again every minute and after every change here. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: signalKeys.count,
    queryFn: () => call(api.GET('/signals/unread-count')),
    enabled,
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}

export function useSignals(unread: boolean, cursor: string | null) {
  return useQuery({
    queryKey: signalKeys.list(unread, cursor),
    queryFn: () =>
      call(
        api.GET('/signals', {
          params: { query: { ...(unread ? { unread: true } : {}), ...(cursor ? { cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSignalChanges() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: signalKeys.all });
  return {
    markRead: useMutation({
      mutationFn: (id: string) =>
        call(api.POST('/signals/{id}/read', { params: { path: { id } } })),
      onSuccess: refresh,
    }),
    markAllRead: useMutation({
      mutationFn: () => call(api.POST('/signals/read-all')),
      onSuccess: refresh,
    }),
  };
}

export function usePreferences() {
  return useQuery({
    queryKey: signalKeys.preferences,
    queryFn: () => call(api.GET('/signals/preferences')).then((r) => r.items),
  });
}

export function useSetPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: SignalPreference[]) =>
      call(api.PUT('/signals/preferences', { body: { items } })),
    onSuccess: (result) => queryClient.setQueryData(signalKeys.preferences, result.items),
  });
}
