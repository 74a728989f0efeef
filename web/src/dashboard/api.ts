import { useQueries, useQuery } from '@tanstack/react-query';
import { API_BASE, api, call } from '../api/client';

/** The management report over a period (days, Amsterdam); undefined: the server's default. */
export function useManagementReport(period: { from?: string; to?: string }) {
  return useQuery({
    queryKey: ['reports', 'management', period.from ?? null, period.to ?? null],
    queryFn: () =>
      call(
        api.GET('/reports/management', {
          params: {
            query: {
              ...(period.from ? { from: period.from } : {}),
              ...(period.to ? { to: period.to } : {}),
            },
          },
        }),
      ),
  });
}

/** The address of one table of the report as CSV, for a link. */
export function managementCsvHref(table: string, from: string, to: string): string {
  const query = new URLSearchParams({ from, to, table, format: 'csv' });
  return `${API_BASE}/reports/management?${query.toString()}`;
}

/** The commons share of each of these years. */
export function useCommonsShares(years: number[]) {
  return useQueries({
    queries: years.map((year) => ({
      queryKey: ['funding', 'commons-share', year],
      queryFn: () => call(api.GET('/reports/commons-share', { params: { query: { year } } })),
      staleTime: 5 * 60_000,
    })),
  });
}
