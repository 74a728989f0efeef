import { useQueries, useQuery } from '@tanstack/react-query';
import { api, call, type CaseDto } from '../api/client';
import { OPEN_STATUSES } from '../cases/case-vocabulary';

/** At most this many open cases are counted (10 pages of 100); the caption says when capped. */
const MAX_PAGES = 10;

/** All open cases the caller may see, for counting per team and status. */
export function useOpenCases() {
  return useQuery({
    queryKey: ['cases', 'open-for-dashboard'],
    queryFn: async (): Promise<{ items: CaseDto[]; complete: boolean }> => {
      const items: CaseDto[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await call(
          api.GET('/cases', {
            params: {
              query: { status: [...OPEN_STATUSES], pageSize: 100, ...(cursor ? { cursor } : {}) },
            },
          }),
        );
        items.push(...result.items);
        if (!result.nextCursor) return { items, complete: true };
        cursor = result.nextCursor;
      }
      return { items, complete: false };
    },
  });
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
