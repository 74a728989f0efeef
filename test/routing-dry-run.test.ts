import { DataSource } from 'typeorm';
import { bearer, fileCase } from './support/factories';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 19, item 6: "which team would this case go to?" `POST /routing-rules/dry-run` tries the
 * active rules as they stand (a rule just added counts at once) against a case or a draft, says
 * which rules it tried and what each missed, and changes nothing (no audit event, no routing).
 */
describe('routing dry run', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const dryRun = async (body: object, who = 'admin') =>
    t
      .http()
      .post('/api/v1/routing-rules/dry-run')
      .set(await bearer(t, who))
      .send(body);
  const teamId = async (code: string) =>
    (
      await db.query<{ id: string }[]>('SELECT id FROM organisation_units WHERE code = $1', [code])
    )[0]!.id;
  const auditCount = async () =>
    Number((await db.query<{ n: string }[]>('SELECT count(*) AS n FROM audit_events'))[0]!.n);

  it('tries the model case: the energy rule, first in line, names the energy team', async () => {
    const model = await fileCase(t, 'buyer');
    const before = await auditCount();
    const response = await dryRun({ caseId: model.reference });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      case: { id: model.id, reference: model.reference },
      facts: {
        leadDomain: 'energy',
        domains: ['care', 'energy', 'energy-poverty', 'housing'],
        estimatedValueCents: 120_000_000,
        priority: 'high',
      },
      rule: { name: 'Energie en energiearmoede', matches: true, unmet: [] },
      team: { id: await teamId('meentcoop-energy') },
      tried: [{ name: 'Energie en energiearmoede', position: 10, matches: true }],
    });
    // Nothing changed: the case is still filed and no event was recorded.
    expect(await auditCount()).toBe(before);
    const [row] = await db.query<{ status: string }[]>('SELECT status FROM cases WHERE id = $1', [
      model.id,
    ]);
    expect(row!.status).toBe('filed');
  });

  it('a rule placed first takes over at once; a draft names what each rule missed', async () => {
    const care = await teamId('meentcoop-care');
    await t
      .http()
      .post('/api/v1/routing-rules')
      .set(await bearer(t, 'admin'))
      .send({
        name: 'Grote energieaanbestedingen',
        position: 1,
        leadDomains: ['energy'],
        minValueCents: 100_000_000,
        teamId: care,
      })
      .expect(201);
    const model = await fileCase(t, 'buyer');
    expect((await dryRun({ caseId: model.id })).body).toMatchObject({
      rule: { name: 'Grote energieaanbestedingen', position: 1 },
      team: { id: care },
      tried: [{ name: 'Grote energieaanbestedingen' }],
    });

    // A small draft misses the new rule on value and goes on to the energy rule.
    const small = await dryRun({
      leadDomain: 'energy',
      domains: ['housing'],
      estimatedValueCents: 5_000_000,
      priority: 'normal',
    });
    expect(small.status).toBe(200);
    expect(small.body).toMatchObject({
      case: null,
      facts: { leadDomain: 'energy', domains: ['energy', 'housing'] },
      rule: { name: 'Energie en energiearmoede' },
      tried: [
        { name: 'Grote energieaanbestedingen', matches: false, unmet: ['minValueCents'] },
        { name: 'Energie en energiearmoede', matches: true, unmet: [] },
      ],
    });

    // No rule matches the education domain: the intake team takes it, every active rule tried.
    const none = await dryRun({ leadDomain: 'education', estimatedValueCents: 1, priority: 'low' });
    const rules = (
      await db.query<{ n: string }[]>('SELECT count(*) AS n FROM routing_rules WHERE active')
    )[0]!.n;
    expect(none.body).toMatchObject({ rule: null, team: { id: await teamId('meentcoop-intake') } });
    expect(none.body.tried).toHaveLength(Number(rules));
  });

  it('refuses a mixed or incomplete question, unknown domains and cases, and non-admins', async () => {
    const mixed = expectProblem(await dryRun({ caseId: 'BRUG-2026-000001', priority: 'low' }), 400);
    expect(mixed.errors).toEqual([
      expect.objectContaining({ field: 'priority', code: 'not_allowed' }),
    ]);
    const empty = expectProblem(await dryRun({}), 400);
    expect((empty.errors as { field: string; code: string }[]).map((e) => e.field)).toEqual([
      'leadDomain',
      'estimatedValueCents',
      'priority',
    ]);
    const unknown = expectProblem(
      await dryRun({ leadDomain: 'no-such-domain', estimatedValueCents: 1, priority: 'low' }),
      400,
    );
    expect(unknown.errors).toEqual([expect.objectContaining({ field: 'leadDomain' })]);
    expectProblem(await dryRun({ caseId: 'BRUG-2026-999999' }), 404);
    expectProblem(await dryRun({ caseId: 'BRUG-2026-000001' }, 'staff'), 403);
  });
});
