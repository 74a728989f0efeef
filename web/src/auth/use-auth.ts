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
  const csrfToken = state.status === 'signed-in' ? state.csrfToken : null;
  return useQuery({
    queryKey: ['me', csrfToken],
    queryFn: () => call(api.GET('/me')),
    enabled: csrfToken !== null,
    staleTime: 5 * 60_000,
  });
}

/** The signed-in user; only for components rendered inside RequireSignIn. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside RequireSignIn');
  return data;
}

/**
 * Signs out: ends the session at the service (which clears the cookie), forgets everything
 * fetched for this user and, after a provider's sign-in, goes to the provider's sign-out page.
 */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    let redirectTo: string | null = null;
    if (session.snapshot().status === 'signed-in') {
      const result = await api.DELETE('/auth/session').catch(() => null);
      redirectTo = result?.data?.redirectTo ?? null;
    }
    session.signOut();
    queryClient.clear();
    if (redirectTo) window.location.assign(redirectTo);
  }, [queryClient]);
}
