import type { TestApp } from './test-app';

/** The model case: the energiebespaarservice tender, paid by energy, touching three more domains. */
export const MODEL_CASE = {
  title: 'Aanbesteding energiebespaarservice',
  description:
    'De energiebespaarservice raakt wonen, energiearmoede en buurtzorg, maar alleen het energiebudget betaalt.',
  tenderReference: 'TN-2026-0815',
  procurementStage: 'planning',
  estimatedValueCents: 120_000_000,
  priority: 'high',
  deadline: '2027-03-01',
  domains: [
    { code: 'energy', role: 'lead' },
    { code: 'housing', role: 'affected' },
    { code: 'energy-poverty', role: 'affected' },
    { code: 'care', role: 'affected' },
  ],
};

export const bearer = async (t: TestApp, who: string) => ({
  Authorization: `Bearer ${await t.token(who)}`,
});

/** Files a case through the API and returns its body (with version for If-Match). */
export async function fileCase(
  t: TestApp,
  who = 'buyer',
  overrides: Record<string, unknown> = {},
): Promise<
  { id: string; reference: string; version: number; status: string } & Record<string, unknown>
> {
  const response = await t
    .http()
    .post('/api/v1/cases')
    .set(await bearer(t, who))
    .send({ ...MODEL_CASE, ...overrides });
  if (response.status !== 201) {
    throw new Error(`filing failed: ${response.status} ${response.text}`);
  }
  return response.body;
}

/** Takes a transition at the version the caller read; returns the new version (throws unless 200). */
export async function transition(
  t: TestApp,
  who: string,
  caseId: string,
  version: number,
  body: Record<string, unknown>,
): Promise<number> {
  const response = await t
    .http()
    .post(`/api/v1/cases/${caseId}/transitions`)
    .set({ ...(await bearer(t, who)), 'If-Match': `"${version}"` })
    .send(body);
  if (response.status !== 200) {
    throw new Error(`transition refused: ${response.status} ${response.text}`);
  }
  return (response.body as { version: number }).version;
}
