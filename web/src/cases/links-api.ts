import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, ifMatch, type Schemas } from '../api/client';
import { caseChanged } from './api';

export type CaseLink = Schemas['CaseLinkDto'];
export type PledgeTransfer = Schemas['PledgeTransferDto'];

export const linkKeys = {
  links: (id: string) => ['case', id, 'links'] as const,
  transfers: (id: string) => ['funding', 'case', id, 'pledge-transfers'] as const,
};

/** The links of a case whose other case the reader may see, with their status and money. */
export function useCaseLinks(id: string) {
  return useQuery({
    queryKey: linkKeys.links(id),
    queryFn: () => call(api.GET('/cases/{id}/links', { params: { path: { id } } })),
  });
}

export function useLinkCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateCaseLinkDto']) =>
      call(api.POST('/cases/{id}/links', { params: { path: { id } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['case'] }),
  });
}

export function useFileSubCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateSubCaseDto']) =>
      call(api.POST('/cases/{id}/sub-cases', { params: { path: { id } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['case'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

export function useCloseAsDuplicate(routeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; body: Schemas['CloseAsDuplicateDto'] }) =>
      call(
        api.POST('/cases/{id}/duplicate-of', {
          params: { path: { id: routeId }, header: ifMatch(input.version) },
          body: input.body,
        }),
      ),
    onSuccess: (updated) => {
      caseChanged(queryClient, routeId, updated);
      void queryClient.invalidateQueries({ queryKey: ['case'] });
    },
  });
}

export function usePledgeTransfers(id: string) {
  return useQuery({
    queryKey: linkKeys.transfers(id),
    queryFn: () => call(api.GET('/cases/{id}/pledge-transfers', { params: { path: { id } } })),
  });
}

export function useAnswerPledgeTransfer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { transfer: PledgeTransfer; body: Schemas['AnswerPledgeTransferDto'] }) =>
      call(
        api.POST('/cases/{id}/pledge-transfers/{transferId}/answers', {
          params: {
            path: { id: input.transfer.fromCase.id, transferId: input.transfer.id },
            header: ifMatch(input.transfer.version),
          },
          body: input.body,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['funding'] });
      void queryClient.invalidateQueries({ queryKey: linkKeys.links(id) });
    },
  });
}
