import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Role, type Schemas } from '../api/client';

export type CaseFunding = Schemas['CaseFundingDto'];
export type FundingEntry = Schemas['FundingEntryDto'];
export type RecordEntryBody = Schemas['RecordFundingEntryDto'];
export type FundingKind = FundingEntry['kind'];
export type ReleaseFrom = NonNullable<RecordEntryBody['releaseFrom']>;
export type FundingMatrix = Schemas['FundingMatrixDto'];
export type FundingDomainMatrix = Schemas['FundingDomainMatrixDto'];
export type CommonsShare = Schemas['CommonsShareDto'];

export const FUNDING_KINDS = [
  'pledge',
  'commit',
  'disburse',
  'release',
] as const satisfies readonly FundingKind[];
export const RELEASE_FROM = ['pledge', 'commitment'] as const satisfies readonly ReleaseFrom[];

export const fundingKeys = {
  summary: (id: string) => ['funding', 'case', id, 'summary'] as const,
  entries: (id: string) => ['funding', 'case', id, 'entries'] as const,
  matrix: (page: number, pageSize: number) => ['funding', 'matrix', page, pageSize] as const,
  domainMatrix: ['funding', 'matrix-by-domain'] as const,
  flows: ['funding', 'flows'] as const,
  commons: (year: number) => ['funding', 'commons-share', year] as const,
};

export function useCaseFunding(id: string) {
  return useQuery({
    queryKey: fundingKeys.summary(id),
    queryFn: () => call(api.GET('/cases/{id}/funding', { params: { path: { id } } })),
  });
}

export function useFundingEntries(id: string) {
  return useQuery({
    queryKey: fundingKeys.entries(id),
    queryFn: () => call(api.GET('/cases/{id}/funding-entries', { params: { path: { id } } })),
  });
}

export function useRecordEntry(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordEntryBody) =>
      call(api.POST('/cases/{id}/funding-entries', { params: { path: { id } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['funding'] }),
  });
}

/**
 * Cases × domains: who funds what, over the cases the caller may see; the rows of one page of
 * cases counted from the newest (the previous page stays on screen while the next loads).
 */
export function useFundingMatrix(page: number, pageSize: number) {
  return useQuery({
    queryKey: fundingKeys.matrix(page, pageSize),
    queryFn: () => call(api.GET('/funding/matrix', { params: { query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

/** Lead domains × domains: who funds what, over every case the caller may see. */
export function useFundingDomainMatrix() {
  return useQuery({
    queryKey: fundingKeys.domainMatrix,
    queryFn: () => call(api.GET('/funding/matrix/by-domain')),
  });
}

/** Payer × beneficiary: whose money pays for whose goals, over every case the caller may see. */
export function useFundingFlows() {
  return useQuery({
    queryKey: fundingKeys.flows,
    queryFn: () => call(api.GET('/funding/flows')),
  });
}

export function useCommonsShare(year: number) {
  return useQuery({
    queryKey: fundingKeys.commons(year),
    queryFn: () => call(api.GET('/reports/commons-share', { params: { query: { year } } })),
    staleTime: 5 * 60_000,
  });
}

/**
 * Which entries a role may record, mirroring the API's rule (the API still decides): budget
 * holders everything for the domains they hold, staff pledges and their release, buyers
 * pledges, admins everything, auditors nothing.
 */
export function recordableKinds(role: Role): { kind: FundingKind; releaseFrom?: ReleaseFrom[] }[] {
  switch (role) {
    case 'admin':
    case 'budget_holder':
      return [
        { kind: 'pledge' },
        { kind: 'commit' },
        { kind: 'disburse' },
        { kind: 'release', releaseFrom: ['pledge', 'commitment'] },
      ];
    case 'staff':
      return [{ kind: 'pledge' }, { kind: 'release', releaseFrom: ['pledge'] }];
    case 'buyer':
      return [{ kind: 'pledge' }];
    case 'auditor':
      return [];
  }
}

/** The domains a role may record for on a case: a budget holder's own, else all of the case's. */
export function recordableDomains(role: Role, held: string[], caseDomains: string[]): string[] {
  return role === 'budget_holder' ? caseDomains.filter((d) => held.includes(d)) : caseDomains;
}
