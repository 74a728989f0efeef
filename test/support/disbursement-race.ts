import { DataSource } from 'typeorm';
import { bearer, fileCase } from './factories';
import { EUR, recordEntry } from './funding';
import { expectProblem } from './problem';
import type { TestApp } from './test-app';

/**
 * 200 concurrent disbursements against one commitment (issue 6, acceptance item 3): whatever
 * else happens, the accepted ones never add up to more than the commitment, and each is in the
 * ledger and the audit trail exactly once. Returns how many were answered with each status.
 * `unavailableAllowed`: a small pool may answer some with 503 (issue 12, item 9), never 500.
 */
export async function raceDisbursements(
  t: TestApp,
  options: { unavailableAllowed: boolean },
): Promise<Record<number, number>> {
  const commitment = 10_000 * EUR;
  const c = await fileCase(t, 'buyer', {
    initialFunding: [{ domainCode: 'energy', amountCents: commitment }],
  });
  await recordEntry(t, 'budgetEnergy', c.id, {
    domainCode: 'energy',
    kind: 'commit',
    amountCents: commitment,
  });

  // 200 amounts from EUR 10 to EUR 160 (EUR 17,000 together, far more than the commitment), so
  // the ledger must refuse some of them.
  const amounts = Array.from({ length: 200 }, (_, i) => (10 + (i % 16) * 10) * EUR);
  const auth = await bearer(t, 'budgetEnergy');
  const responses = await Promise.all(
    amounts.map((amountCents) =>
      t
        .http()
        .post(`/api/v1/cases/${c.id}/funding-entries`)
        .set(auth)
        .send({ domainCode: 'energy', kind: 'disburse', amountCents }),
    ),
  );

  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
  const accepted = responses.filter((r) => r.status === 201);
  const unavailable = responses.filter((r) => r.status === 503);
  const refused = responses.filter((r) => r.status !== 201 && r.status !== 503);
  expect(options.unavailableAllowed || unavailable.length === 0).toBe(true);
  for (const r of unavailable) {
    expect(expectProblem(r, 503).code).toBe('service_unavailable');
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  }
  for (const r of refused) {
    expect(expectProblem(r, 422).code).toBe('funding_invariant_broken');
  }
  // More was asked than committed: without refusals (or 503s) the ledger would have overspent.
  expect(refused.length + unavailable.length).toBeGreaterThan(0);
  if (!options.unavailableAllowed) expect(refused.length).toBeGreaterThan(0);
  const acceptedSum = accepted.reduce((s, r) => s + (r.body.amountCents as number), 0);
  expect(acceptedSum).toBeLessThanOrEqual(commitment);
  // Refusals happen only for want of money: what is left is less than every refused amount.
  const left = commitment - acceptedSum;
  for (const r of refused) {
    const i = responses.indexOf(r);
    expect(amounts[i]!).toBeGreaterThan(left);
  }

  // Every accepted entry is in the ledger, and nothing else is (a 503 left nothing behind).
  const admin = await bearer(t, 'admin');
  const entries = (
    await t.http().get(`/api/v1/cases/${c.id}/funding-entries`).set(admin).expect(200)
  ).body.items as { id: string; kind: string; amountCents: number }[];
  const disbursements = entries.filter((e) => e.kind === 'disburse');
  expect(disbursements.map((e) => e.id).sort()).toEqual(
    accepted.map((r) => r.body.id as string).sort(),
  );
  const funding = await t.http().get(`/api/v1/cases/${c.id}/funding`).set(admin).expect(200);
  expect(funding.body.disbursedCents).toBe(acceptedSum);
  expect(funding.body.committedCents).toBe(commitment);

  // … and in the audit trail, once each, and the chain still verifies.
  const [row] = await t.app.get(DataSource).query<{ ids: string[] }[]>(
    `SELECT coalesce(array_agg(subject_id), '{}') AS ids FROM audit_events
        WHERE action = 'funding.entry_recorded' AND case_id = $1`,
    [c.id],
  );
  expect([...row!.ids].sort()).toEqual(entries.map((e) => e.id).sort());
  const verify = await t
    .http()
    .get('/api/v1/audit/verify')
    .set(await bearer(t, 'auditor'))
    .expect(200);
  expect(verify.body).toMatchObject({ valid: true });
  return counts;
}
