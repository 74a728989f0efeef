import type { Response } from 'supertest';
import { CasesService } from '../../src/cases/cases.service';
import { CatalogueService } from '../../src/catalogue/catalogue.service';
import { UsersService } from '../../src/auth/users.service';
import { bearer, fileCase, MODEL_CASE, transition } from './factories';
import { DEMO, type TestApp } from './test-app';

export const EUR = 100;

export type FiledCase = Awaited<ReturnType<typeof fileCase>>;

/** Records a funding entry through the API as `who`. */
export async function postEntry(
  t: TestApp,
  who: string,
  caseId: string,
  body: Record<string, unknown>,
): Promise<Response> {
  return t
    .http()
    .post(`/api/v1/cases/${caseId}/funding-entries`)
    .set(await bearer(t, who))
    .send(body);
}

/** Records an entry that must be accepted (201), and returns it. */
export async function recordEntry(
  t: TestApp,
  who: string,
  caseId: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown> & { id: string }> {
  const response = await postEntry(t, who, caseId, body);
  if (response.status !== 201) {
    throw new Error(`entry refused: ${response.status} ${response.text}`);
  }
  return response.body as Record<string, unknown> & { id: string };
}

/**
 * Acceptance item 1 of issue 6: the model case filed with energy pledging EUR 450,000; staff
 * pledge EUR 200,000 for housing; the energy budget holder commits EUR 450,000 and disburses
 * EUR 100,000; the housing budget holder commits EUR 150,000 and releases EUR 50,000 of the
 * housing pledge.
 */
export async function modelCaseWithFunding(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<FiledCase> {
  const c = await fileCase(t, 'buyer', {
    initialFunding: [
      { domainCode: 'energy', amountCents: 450_000 * EUR, budgetLine: 'KP-ENERGIE-7710' },
    ],
    ...overrides,
  });
  await recordEntry(t, 'staff', c.id, {
    domainCode: 'housing',
    kind: 'pledge',
    amountCents: 200_000 * EUR,
    note: 'Toegezegd in het koppelgesprek met Wonen',
  });
  await recordEntry(t, 'budgetEnergy', c.id, {
    domainCode: 'energy',
    kind: 'commit',
    amountCents: 450_000 * EUR,
    budgetLine: 'KP-ENERGIE-7710',
  });
  await recordEntry(t, 'budgetEnergy', c.id, {
    domainCode: 'energy',
    kind: 'disburse',
    amountCents: 100_000 * EUR,
  });
  await recordEntry(t, 'budgetHousing', c.id, {
    domainCode: 'housing',
    kind: 'commit',
    amountCents: 150_000 * EUR,
    budgetLine: 'KP-WONEN-2210',
  });
  await recordEntry(t, 'budgetHousing', c.id, {
    domainCode: 'housing',
    kind: 'release',
    releaseFrom: 'pledge',
    amountCents: 50_000 * EUR,
  });
  return c;
}

/** Routes a filed case as the workflow would (the API does not offer filed → routed). */
export async function routeCase(t: TestApp, caseId: string): Promise<void> {
  const team = await t.app.get(CatalogueService).findUnitByCode('meentcoop-energy');
  const staffId = await t.app.get(UsersService).findIdByEmail(DEMO.staff);
  const routed = await t.app.get(CasesService).route(caseId, {
    teamId: team!.id,
    koppelMeentcoopId: staffId!,
    acceptBy: new Date(Date.now() + 2 * 86400_000),
    proposeBy: new Date(Date.now() + 15 * 86400_000),
  });
  if (!routed) throw new Error(`case ${caseId} was not routed`);
}

export interface Outcome {
  supplierName: string;
  supplierType: string;
  awardedValueCents: number;
}

/** Files a case (as `buyer`) and takes it all the way to `resolved` with this outcome. */
export async function resolvedCase(
  t: TestApp,
  outcome: Outcome,
  overrides: Record<string, unknown> = {},
  buyer = 'buyer',
): Promise<FiledCase> {
  const c = await fileCase(t, buyer, { ...MODEL_CASE, ...overrides });
  await routeCase(t, c.id);
  let v = await transition(t, 'staff', c.id, 2, { to: 'accepted' });
  v = await transition(t, 'staff', c.id, v, { to: 'in_progress' });
  v = await transition(t, 'staff', c.id, v, {
    to: 'proposed',
    proposal: 'Een coöperatie levert de hele dienst, met cofinanciering van Wonen.',
  });
  await transition(t, buyer, c.id, v, {
    to: 'resolved',
    outcome: { summary: `Gegund aan ${outcome.supplierName}`, ...outcome },
  });
  return c;
}

/** The statuses `caseAt` takes a case to, in the order of the state machine. */
const PATH = ['accepted', 'in_progress', 'proposed'] as const;

/**
 * Files a case (as `buyer`) and takes it, as staff, to `accepted`, `in_progress` or
 * `proposed`, or declines it (after accepting). Returns the case with its version now.
 */
export async function caseAt(
  t: TestApp,
  status: (typeof PATH)[number] | 'declined',
  overrides: Record<string, unknown> = {},
  buyer = 'buyer',
): Promise<FiledCase> {
  const c = await fileCase(t, buyer, { ...MODEL_CASE, ...overrides });
  await routeCase(t, c.id);
  let version = 2;
  const steps = status === 'declined' ? ['accepted'] : PATH.slice(0, PATH.indexOf(status) + 1);
  for (const to of steps) {
    version = await transition(t, 'staff', c.id, version, {
      to,
      ...(to === 'proposed' ? { proposal: 'Een coöperatie levert de dienst.' } : {}),
    });
  }
  if (status === 'declined') {
    version = await transition(t, 'staff', c.id, version, {
      to: 'declined',
      reason: 'Past niet bij de Publiek-Civiele route',
    });
  }
  return { ...c, status, version };
}

/** Withdraws a case that is still filed (as the buyer who filed it). */
export async function withdrawCase(t: TestApp, c: FiledCase, buyer = 'buyer'): Promise<void> {
  await transition(t, buyer, c.id, c.version, { to: 'withdrawn', reason: 'Vraag vervalt' });
}
