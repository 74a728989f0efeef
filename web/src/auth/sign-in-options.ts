import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';

/**
 * How people sign in here (`GET /auth/providers`, ADR 33): a button per configured identity
 * provider, whether the email and password form is offered (`PASSWORD_SIGNIN`), and whom to ask
 * for access. It changes only with the service's configuration.
 */
export function useSignInOptions() {
  return useQuery({
    queryKey: ['sign-in-options'],
    queryFn: () => call(api.GET('/auth/providers')),
    staleTime: 60 * 60_000,
  });
}

/** Where a provider's button leads: the service's start URL, coming back to `returnTo`. */
export function startUrlOf(startUrl: string, returnTo: string): string {
  return returnTo === '/'
    ? startUrl
    : `${startUrl}?${new URLSearchParams({ returnTo }).toString()}`;
}
