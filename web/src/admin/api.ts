import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, call, type Role, type Schemas } from '../api/client';

export type User = Schemas['UserDto'];
export type AdminDomain = Schemas['DomainDto'];
export type Unit = Schemas['OrganisationUnitDto'];
export type UnitKind = Unit['kind'];
export type RoutingRule = Schemas['RoutingRuleDto'];
export type SlaPolicy = Schemas['SlaPolicyDto'];

export type Webhook = Schemas['WebhookDto'];
export type WebhookEventType = Schemas['CreateWebhookDto']['eventTypes'][number];

/** The events a webhook can subscribe to, in the API's order; the compiler checks it is all. */
export const WEBHOOK_EVENT_TYPES = [
  'case.filed',
  'case.updated',
  'case.transitioned',
  'case.koppel_changed',
  'note.added',
  'case.sla_breached',
  'case.sla_warning',
  'case.suspended',
  'case.resumed',
  'case.deadline_extended',
  'case.linked',
  'case.closed_as_duplicate',
  'funding.entry_recorded',
  'funding.pledge_expired',
  'funding.cofunding_proposed',
  'funding.cofunding_answered',
  'funding.benefit_shares_set',
  'funding.benefit_share_answered',
  'funding.pledge_transfer_requested',
  'funding.pledge_transfer_answered',
] as const satisfies readonly WebhookEventType[];
/** True only while the list above names every event the API knows (else this fails to compile). */
export const EVERY_WEBHOOK_EVENT_LISTED: Exclude<
  WebhookEventType,
  (typeof WEBHOOK_EVENT_TYPES)[number]
> extends never
  ? true
  : never = true;

export const UNIT_KINDS = ['municipal', 'meentcoop_team'] as const satisfies readonly UnitKind[];

/** The query keys of the administration pages (all under `admin`, so one change refreshes all). */
export const adminKeys = {
  all: ['admin'] as const,
  users: (role: Role | '', cursor: string | null) => ['admin', 'users', role, cursor] as const,
  domains: ['admin', 'domains'] as const,
  units: ['admin', 'units'] as const,
  rules: ['admin', 'routing-rules'] as const,
  sla: ['admin', 'sla-policies'] as const,
};

/** After any change: the admin lists, and the catalogue every other page reads. */
export function adminChanged(queryClient: QueryClient): void {
  for (const key of [adminKeys.all, ['domains'], ['teams'], ['me']]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}

export function useUsers(role: Role | '', cursor: string | null) {
  return useQuery({
    queryKey: adminKeys.users(role, cursor),
    queryFn: () =>
      call(
        api.GET('/users', {
          params: {
            query: { pageSize: 50, ...(role ? { role } : {}), ...(cursor ? { cursor } : {}) },
          },
        }),
      ),
  });
}

/** Every domain, switched-off ones too (the catalogue hook lists active ones only). */
export function useAllDomains() {
  return useQuery({
    queryKey: adminKeys.domains,
    queryFn: () =>
      call(api.GET('/domains', { params: { query: { includeInactive: true } } })).then(
        (list) => list.items,
      ),
  });
}

/** Every organisation unit: the City's units and MeentCoop's teams, switched-off ones too. */
export function useAllUnits() {
  return useQuery({
    queryKey: adminKeys.units,
    queryFn: () =>
      call(api.GET('/organisation-units', { params: { query: { includeInactive: true } } })).then(
        (list) => list.items,
      ),
  });
}

export function useRoutingRules() {
  return useQuery({
    queryKey: adminKeys.rules,
    queryFn: () => call(api.GET('/routing-rules')).then((list) => list.items),
  });
}

export function useSlaPolicies() {
  return useQuery({
    queryKey: adminKeys.sla,
    queryFn: () => call(api.GET('/sla-policies')).then((list) => list.items),
  });
}
