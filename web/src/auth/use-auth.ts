import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { api, call, type Me } from '../api/client';
import { session, type SessionState } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.snapshot);
}

/** Who is signed in (`GET /me`), cached for the session. */
export function useMe() {
  const state = useSession();
  const token = state.status === 'signed-in' ? state.token : null;
  return useQuery({
    queryKey: ['me', token],
    queryFn: () => call(api.GET('/me')),
    enabled: token !== null,
    staleTime: 5 * 60_000,
  });
}

/** The signed-in user; only for components rendered inside RequireSignIn. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside RequireSignIn');
  return data;
}

/** Signs out and forgets everything fetched for this user. */
export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    session.signOut();
    queryClient.clear();
  }, [queryClient]);
}
