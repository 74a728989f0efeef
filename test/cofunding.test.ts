import { DataSource } from 'typeorm';
import { bearer, fileCase } from './support/factories';
import { EUR, recordEntry } from './support/funding';
import { MailCatcher } from './support/mail-catcher';
import { expectProblem } from './support/problem';
import { waitFor } from './support/processes';
import { DEMO, DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

export const MODEL_SHARES = [
  { domainCode: 'energy', basisPoints: 4000 },
  { domainCode: 'energy-poverty', basisPoints: 3000 },
  { domainCode: 'housing', basisPoints: 2000 },
  { domainCode: 'care', basisPoints: 1000 },
];

/** Issue 18, acceptance 1 (the model case, but the flows matrix) and items 2 and 3. */
describe('fair shares and co-funding proposals: the model case', () => {
  let t: TestApp;
  let db: DataSource;
  const mail = new MailCatcher();
  const CARE = 'budget.care@brug.example';

  beforeAll(async () => {
    await mail.start();
    t = await startTestApp({
      env: { WORKERS: 'on', RELAY_POLL_MS: '200', SMTP_URL: mail.url },
    });
    db = t.app.get(DataSource);
    // The demo has no budget holder of care: an admin makes one.
    const [unit] = await db.query<{ id: string }[]>(
      `SELECT id FROM organisation_units WHERE kind = 'municipal' ORDER BY code LIMIT 1`,
    );
    await t
      .http()
      .post('/api/v1/users')
      .set(await bearer(t, 'admin'))
      .send({
        email: CARE,
        name: 'Cor Zorgbudget',
        role: 'budget_holder',
        domains: ['care'],
        organisationUnitId: unit!.id,
        password: DEMO_PASSWORD,
      })
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
    await mail.stop();
  });

  const byDomain = <T extends { domainCode: string }>(rows: T[]) =>
    Object.fromEntries(rows.map((r) => [r.domainCode, r]));

  it('fair shares, balances, a proposal, one acceptance (a pledge) and one refusal', async () => {
    const c = await fileCase(t);
    await t
      .http()
      .put(`/api/v1/cases/${c.id}/benefit-shares`)
      .set({ ...(await bearer(t, 'staff')), 'If-Match': '"0"' })
      .send({ shares: MODEL_SHARES, reasoning: 'Naar rato van de baat per domein.' })
      .expect(200);

    // Before anything is committed the estimated value is the cost basis.
    const before = await t
      .http()
      .get(`/api/v1/cases/${c.id}/funding`)
      .set(await bearer(t, 'auditor'))
      .expect(200);
    expect(before.body).toMatchObject({ costBasis: 'estimated', costBasisCents: 1_200_000 * EUR });

    await recordEntry(t, 'budgetEnergy', c.id, {
      domainCode: 'energy',
      kind: 'commit',
      amountCents: 1_200_000 * EUR,
    });
    const funding = await t
      .http()
      .get(`/api/v1/cases/${c.id}/funding`)
      .set(await bearer(t, 'auditor'))
      .expect(200);
    expect(funding.body).toMatchObject({ costBasis: 'committed', costBasisCents: 1_200_000 * EUR });
    const rows = byDomain(
      funding.body.byDomain as {
        domainCode: string;
        basisPoints: number;
        fairShareCents: number;
        balanceCents: number;
      }[],
    );
    const fair = (d: string) => [
      rows[d]!.basisPoints,
      rows[d]!.fairShareCents,
      rows[d]!.balanceCents,
    ];
    expect(fair('energy')).toEqual([4000, 480_000 * EUR, 720_000 * EUR]);
    expect(fair('energy-poverty')).toEqual([3000, 360_000 * EUR, -360_000 * EUR]);
    expect(fair('housing')).toEqual([2000, 240_000 * EUR, -240_000 * EUR]);
    expect(fair('care')).toEqual([1000, 120_000 * EUR, -120_000 * EUR]);

    // The proposal asks each domain short of its fair share for the difference (not energy).
    const created = await t
      .http()
      .post(`/api/v1/cases/${c.id}/cofunding-proposals`)
      .set(await bearer(t, 'staff'))
      .send({ note: 'Graag naar rato meebetalen.' })
      .expect(201);
    expect(created.headers.location).toBe(
      `/api/v1/cases/${c.id}/cofunding-proposals/${created.body.id}`,
    );
    expect(created.body).toMatchObject({ state: 'open', version: 1, sharesVersion: 1 });
    expect(
      (created.body.items as { domainCode: string; amountCents: number; state: string }[]).map(
        (i) => [i.domainCode, i.amountCents, i.state],
      ),
    ).toEqual([
      ['care', 120_000 * EUR, 'open'],
      ['energy-poverty', 360_000 * EUR, 'open'],
      ['housing', 240_000 * EUR, 'open'],
    ]);
    const proposal = `/api/v1/cases/${c.id}/cofunding-proposals/${created.body.id}`;

    // Each budget holder asked hears of it by e-mail (care's and housing's, who holds energy
    // poverty too), nobody else.
    await waitFor(() =>
      [CARE, DEMO.budgetHousing].every((to) =>
        mail.mails.some((m) => m.to.includes(to) && m.subject.includes(c.reference)),
      ),
    );
    expect(
      mail.mails.some((m) => m.to.includes(DEMO.budgetEnergy) && m.subject.includes(c.reference)),
    ).toBe(false);

    const answer = async (who: string, version: number, body: object) =>
      t
        .http()
        .post(`${proposal}/answers`)
        .set({ ...(await bearer(t, who)), 'If-Match': `"${version}"` })
        .send(body);

    // Acceptance 2: a budget holder answering for another domain.
    const forbidden = expectProblem(
      await answer('budgetEnergy', 1, { domainCode: 'care', answer: 'decline', reason: 'x' }),
      403,
    );
    expect(forbidden.params).toMatchObject({ reason: 'not_budget_holder', domainCode: 'care' });

    const accepted = await answer('budgetHousing', 1, {
      domainCode: 'housing',
      answer: 'accept',
      budgetLine: 'KP-WONEN-2210',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.etag).toBe('"2"');
    const housing = byDomain(
      accepted.body.items as { domainCode: string; state: string; pledgeEntryId: string }[],
    ).housing as { state: string; pledgeEntryId: string };
    expect(housing.state).toBe('accepted');
    expect(accepted.body.state).toBe('partly_accepted');
    // The pledge of EUR 240,000 is in the ledger.
    const entry = await t
      .http()
      .get(`/api/v1/cases/${c.id}/funding-entries/${housing.pledgeEntryId}`)
      .set(await bearer(t, 'auditor'))
      .expect(200);
    expect(entry.body).toMatchObject({
      domainCode: 'housing',
      kind: 'pledge',
      amountCents: 240_000 * EUR,
      budgetLine: 'KP-WONEN-2210',
      actor: { role: 'budget_holder' },
    });

    // Declining needs a reason; an old version is refused; answering twice is refused.
    const noReason = expectProblem(
      await answer(CARE, 2, { domainCode: 'care', answer: 'decline' }),
      400,
    );
    expect(noReason.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expectProblem(
      await answer(CARE, 1, { domainCode: 'care', answer: 'decline', reason: 'x' }),
      412,
    );
    const declined = await answer(CARE, 2, {
      domainCode: 'care',
      answer: 'decline',
      reason: 'Het zorgbudget voor 2027 is al verdeeld.',
    });
    expect(declined.status).toBe(200);
    expect(byDomain(declined.body.items as { domainCode: string }[]).care).toMatchObject({
      state: 'declined',
      reason: 'Het zorgbudget voor 2027 is al verdeeld.',
      answeredBy: { name: 'Cor Zorgbudget' },
      pledgeEntryId: null,
    });
    expect(declined.body.state).toBe('partly_accepted');
    expectProblem(
      await answer('budgetHousing', 3, { domainCode: 'housing', answer: 'accept' }),
      409,
    );

    // Visible on the case, with the funding: housing now pledges its fair share.
    const list = await t
      .http()
      .get(`/api/v1/cases/${c.id}/cofunding-proposals`)
      .set(await bearer(t, 'buyer'))
      .expect(200);
    expect(list.body.items).toHaveLength(1);
    const after = await t
      .http()
      .get(`/api/v1/cases/${c.id}/funding`)
      .set(await bearer(t, 'auditor'))
      .expect(200);
    expect(byDomain(after.body.byDomain as { domainCode: string }[]).housing).toMatchObject({
      pledgedCents: 240_000 * EUR,
    });

    // Audited, every step, in order.
    const audit = await db.query<{ action: string; actor_name: string }[]>(
      `SELECT action, actor_name FROM audit_events
        WHERE case_id = $1 AND action LIKE 'funding.cofunding%' ORDER BY seq`,
      [c.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'funding.cofunding_proposed',
      'funding.cofunding_answered',
      'funding.cofunding_answered',
    ]);
  });

  it('a proposal past its answering time is expired; bad items name the field', async () => {
    const c = await fileCase(t);
    const bad = expectProblem(
      await t
        .http()
        .post(`/api/v1/cases/${c.id}/cofunding-proposals`)
        .set(await bearer(t, 'staff'))
        .send({ items: [{ domainCode: 'housing', amountCents: 100 }, { domainCode: 'food' }] }),
      400,
    );
    expect(bad.errors).toEqual([
      expect.objectContaining({ field: 'items[1].domainCode', code: 'not_on_case' }),
    ]);
    // Default shares (energy 100 %), nothing committed: energy is asked for the estimated value.
    const created = await t
      .http()
      .post(`/api/v1/cases/${c.id}/cofunding-proposals`)
      .set(await bearer(t, 'staff'))
      .send({ answerBy: new Date(Date.now() + 1500).toISOString() })
      .expect(201);
    expect(created.body.items).toEqual([
      expect.objectContaining({ domainCode: 'energy', amountCents: 1_200_000 * EUR }),
    ]);
    const path = `/api/v1/cases/${c.id}/cofunding-proposals/${created.body.id}`;
    await waitFor(async () => {
      const got = await t
        .http()
        .get(path)
        .set(await bearer(t, 'staff'));
      return got.body.state === 'expired';
    });
    expectProblem(
      await t
        .http()
        .post(`${path}/answers`)
        .set({ ...(await bearer(t, 'budgetEnergy')), 'If-Match': '"1"' })
        .send({ domainCode: 'energy', answer: 'accept' }),
      409,
    );
  });
});
