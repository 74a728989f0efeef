import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Domain, type Team } from '../api/client';

const CATALOGUE_STALE_MS = 10 * 60_000;

/** The active policy domains (readable by every signed-in user). */
export function useDomains() {
  return useQuery({
    queryKey: ['domains'],
    queryFn: () => call(api.GET('/domains')).then((list) => list.items),
    staleTime: CATALOGUE_STALE_MS,
  });
}

/** The MeentCoop teams. */
export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: () => call(api.GET('/teams')).then((list) => list.items),
    staleTime: CATALOGUE_STALE_MS,
  });
}

/** A domain's name in the interface language; its code while the catalogue loads. */
export function useDomainNames(): (code: string) => string {
  const { i18n } = useTranslation();
  const { data } = useDomains();
  const english = i18n.language === 'en';
  return useCallback(
    (code: string) => {
      const domain = data?.find((d: Domain) => d.code === code);
      if (!domain) return code;
      return english ? domain.nameEn : domain.nameNl;
    },
    [data, english],
  );
}

export function teamName(teams: Team[] | undefined, idOrCode: string): string {
  return teams?.find((t) => t.id === idOrCode || t.code === idOrCode)?.name ?? idOrCode;
}
