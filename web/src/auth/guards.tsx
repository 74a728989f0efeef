import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadError, Loading } from '../common/query-state';
import { NoAccessPage } from '../common/no-access-page';
import { mayOpen, type PageKey } from './roles';
import { useSecondFactorStatus } from './second-factor-page';
import { useMe, useSession } from './use-auth';

/** Pages behind sign-in: without a session, to the sign-in page and back here afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const state = useSession();
  const location = useLocation();
  const me = useMe();
  const secondFactor = useSecondFactorStatus();
  if (state.status === 'unknown') return <Loading />;
  if (state.status !== 'signed-in') {
    const returnTo = `${location.pathname}${location.search}`;
    const params = new URLSearchParams({ returnTo });
    if (state.reason === 'expired') params.set('expired', '1');
    return <Navigate to={`/sign-in?${params.toString()}`} replace />;
  }
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} retry={() => void me.refetch()} />;
  // A role that needs a second factor, without one: nothing else until it is set up (ADR 35).
  const mustSetUp = secondFactor.data?.required === true && !secondFactor.data.enabled;
  if (mustSetUp && location.pathname !== SECOND_FACTOR_PAGE) {
    return <Navigate to={SECOND_FACTOR_PAGE} replace />;
  }
  return <>{children}</>;
}

const SECOND_FACTOR_PAGE = '/me/second-factor';

/** A page for some roles only; everyone else gets the "no access" page, not a broken one. */
export function RequireRole({ page, children }: { page: PageKey; children: ReactNode }) {
  const { data: me } = useMe();
  if (!me) return <Loading />;
  if (!mayOpen(me.role, page)) return <NoAccessPage />;
  return <>{children}</>;
}
