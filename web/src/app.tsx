import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AdminOverviewPage } from './admin/admin-overview-page';
import { CalendarPage } from './admin/calendar-page';
import { DomainsPage } from './admin/domains-page';
import { EuThresholdsPage } from './admin/eu-thresholds-page';
import { QueueBoardPage } from './admin/queue-board-page';
import { RoutingPage } from './admin/routing-page';
import { UnitsPage } from './admin/units-page';
import { UsersPage } from './admin/users-page';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { isClientError } from './api/problem';
import { RequireRole, RequireSignIn } from './auth/guards';
import { ApiClientsPage } from './admin/api-clients-page';
import { MePage } from './auth/me-page';
import { SecondFactorPage } from './auth/second-factor-page';
import { homeOf } from './auth/roles';
import { SessionsPage } from './auth/sessions-page';
import { SignInPage, SignOutPage } from './auth/sign-in-page';
import { SignInProblemPage } from './auth/sign-in-problem-page';
import { IdentityMappingsPage } from './admin/identity-mappings-page';
import { FailedJobsPage } from './admin/failed-jobs-page';
import { WebhooksPage } from './admin/webhooks-page';
import { useMe } from './auth/use-auth';
import { AuditLogPage } from './audit/audit-log-page';
import { BundlePage } from './audit/bundle-page';
import { ExportsPage } from './audit/exports-page';
import { VerifyPage } from './audit/verify-page';
import { CaseDetailPage } from './cases/case-detail-page';
import { CaseListPage } from './cases/case-list-page';
import { FileCasePage } from './cases/file-case-page';
import { Layout } from './common/layout';
import { NotFoundPage } from './common/not-found-page';
import { Loading } from './common/query-state';
import { DashboardPage } from './dashboard/dashboard-page';
import { WorkQueuePage } from './queue/work-queue-page';
import { SignalPreferencesPage } from './signals/preferences-page';
import { SignalsPage } from './signals/signals-page';

/** Cache for 15 s; retry twice, but never what the API refused (4xx: it will not change its mind). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failures, error) => !isClientError(error) && failures < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

function Home() {
  const { data: me } = useMe();
  if (!me) return <Loading />;
  return <Navigate to={homeOf(me.role)} replace />;
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/sign-in/problem" element={<SignInProblemPage />} />
            <Route path="/sign-out" element={<SignOutPage />} />
            <Route
              path="/"
              element={
                <RequireSignIn>
                  <Home />
                </RequireSignIn>
              }
            />
            {(
              [
                ['/me', 'me', <MePage key="me" />],
                ['/me/second-factor', 'me', <SecondFactorPage key="second-factor" />],
                ['/me/sessions', 'me', <SessionsPage key="sessions" />],
                ['/cases', 'cases', <CaseListPage key="cases" />],
                ['/cases/new', 'fileCase', <FileCasePage key="new" />],
                ['/cases/:id', 'caseDetail', <CaseDetailPage key="case" />],
                ['/queue', 'queue', <WorkQueuePage key="queue" />],
                ['/dashboard', 'dashboard', <DashboardPage key="dashboard" />],
                ['/signals', 'signals', <SignalsPage key="signals" />],
                [
                  '/signals/preferences',
                  'signals',
                  <SignalPreferencesPage key="signal-preferences" />,
                ],
                ['/audit', 'audit', <AuditLogPage key="audit" />],
                ['/audit/verify', 'verify', <VerifyPage key="verify" />],
                ['/audit/bundle', 'verify', <BundlePage key="bundle" />],
                ['/exports', 'exports', <ExportsPage key="exports" />],
                ['/admin', 'admin', <AdminOverviewPage key="admin" />],
                ['/admin/users', 'admin', <UsersPage key="users" />],
                ['/admin/domains', 'admin', <DomainsPage key="domains" />],
                ['/admin/teams', 'admin', <UnitsPage key="teams" />],
                ['/admin/routing', 'admin', <RoutingPage key="routing" />],
                ['/admin/calendar', 'admin', <CalendarPage key="calendar" />],
                ['/admin/eu-thresholds', 'admin', <EuThresholdsPage key="eu-thresholds" />],
                ['/admin/api-clients', 'admin', <ApiClientsPage key="api-clients" />],
                [
                  '/admin/identity-mappings',
                  'admin',
                  <IdentityMappingsPage key="identity-mappings" />,
                ],
                ['/admin/webhooks', 'admin', <WebhooksPage key="webhooks" />],
                ['/admin/failed-jobs', 'admin', <FailedJobsPage key="failed-jobs" />],
                ['/admin/queue-board', 'admin', <QueueBoardPage key="queue-board" />],
              ] as const
            ).map(([path, page, element]) => (
              <Route
                key={path}
                path={path}
                element={
                  <RequireSignIn>
                    <RequireRole page={page}>{element}</RequireRole>
                  </RequireSignIn>
                }
              />
            ))}
            {/* Every other address, /admin/… included, is a page too: "not found". */}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
