import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, ifMatch, type Schemas } from '../api/client';

export type BenefitShares = Schemas['BenefitSharesDto'];
export type CofundingProposal = Schemas['CofundingProposalDto'];
export type CofundingAnswerBody = Schemas['AnswerCofundingDto'];

export const benefitKeys = {
  shares: (id: string) => ['funding', 'case', id, 'benefit-shares'] as const,
  proposals: (id: string) => ['funding', 'case', id, 'cofunding'] as const,
};

/** The benefit shares in force of a case, with the budget holders' answers. */
export function useBenefitShares(id: string) {
  return useQuery({
    queryKey: benefitKeys.shares(id),
    queryFn: () => call(api.GET('/cases/{id}/benefit-shares', { params: { path: { id } } })),
  });
}

/** Staff set the shares as a whole, at the version they read. */
export function useSetBenefitShares(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; body: Schemas['SetBenefitSharesDto'] }) =>
      call(
        api.PUT('/cases/{id}/benefit-shares', {
          params: { path: { id }, header: ifMatch(input.version) },
          body: input.body,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['funding'] }),
  });
}

/** A budget holder agrees with or disputes their domain's share. */
export function useAnswerBenefitShare(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      version: number;
      domainCode: string;
      body: Schemas['AnswerBenefitShareDto'];
    }) =>
      call(
        api.PUT('/cases/{id}/benefit-shares/{domainCode}/answer', {
          params: {
            path: { id, domainCode: input.domainCode },
            header: ifMatch(input.version),
          },
          body: input.body,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['funding'] }),
  });
}

export function useCofundingProposals(id: string) {
  return useQuery({
    queryKey: benefitKeys.proposals(id),
    queryFn: () => call(api.GET('/cases/{id}/cofunding-proposals', { params: { path: { id } } })),
  });
}

/** Staff ask every domain short of its fair share for the difference. */
export function useProposeCofunding(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateCofundingProposalDto']) =>
      call(api.POST('/cases/{id}/cofunding-proposals', { params: { path: { id } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['funding'] }),
  });
}

/** A budget holder accepts (a pledge) or declines for their domain. */
export function useAnswerCofunding(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { proposal: CofundingProposal; body: CofundingAnswerBody }) =>
      call(
        api.POST('/cases/{id}/cofunding-proposals/{proposalId}/answers', {
          params: {
            path: { id, proposalId: input.proposal.id },
            header: ifMatch(input.proposal.version),
          },
          body: input.body,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['funding'] }),
  });
}
