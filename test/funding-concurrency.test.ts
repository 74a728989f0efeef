import { DataSource } from 'typeorm';
import { bearer, fileCase } from './support/factories';
import { EUR, recordEntry } from './support/funding';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 6, acceptance item 3: concurrent entries cannot overdraw a commitment. */
describe('funding ledger under concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // One listening server for all requests (supertest would otherwise start and stop its own).
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => t.close());

  it('accepts 200 concurrent disbursements only up to the commitment, each in ledger and audit trail', async () => {
    const commitment = 10_000 * EUR;
    const c = await fileCase(t, 'buyer', {
      initialFunding: [{ domainCode: 'energy', amountCents: commitment }],
    });
    await recordEntry(t, 'budgetEnergy', c.id, {
      domainCode: 'energy',
      kind: 'commit',
      amountCents: commitment,
    });

    // 200 amounts from EUR 10 to EUR 160: together far more than the commitment.
    const amounts = Array.from({ length: 200 }, (_, i) => (10 + (i % 16) * 10) * EUR);
    expect(amounts.reduce((a, b) => a + b, 0)).toBeGreaterThan(commitment);
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

    const accepted = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status !== 201);
    for (const r of refused) {
      expect(expectProblem(r, 422).code).toBe('funding_invariant_broken');
    }
    const acceptedSum = accepted.reduce((s, r) => s + (r.body.amountCents as number), 0);
    expect(acceptedSum).toBeLessThanOrEqual(commitment);
    expect(refused.length).toBeGreaterThan(0);
    // Refusals happen only for want of money: what is left is less than every refused amount.
    const left = commitment - acceptedSum;
    for (const r of refused) {
      const i = responses.indexOf(r);
      expect(amounts[i]!).toBeGreaterThan(left);
    }

    // Every accepted entry is in the ledger, and nothing else is.
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
  });
});
