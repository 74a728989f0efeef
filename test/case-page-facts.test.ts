import { DataSource } from 'typeorm';
import { CasesService } from '../src/cases/cases.service';
import { routeCase } from './support/browser';
import { bearer, fileCase } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 13, items 10 and 11: one answer about a case carries its status, team and history (so
 * the case page cannot contradict itself while the case is routed), and says why its priority
 * is what it is when SLA breaches raised it. Also: the `buyer` sort follows a renamed person.
 */
describe('GET /cases/{id}: status, team and history in one answer; the reason of a priority', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const get = async (who: string, id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/cases/${id}`)
        .set(await bearer(t, who))
        .expect(200)
    ).body as {
      status: string;
      team: { name: string } | null;
      priority: string;
      version: number;
      history: { from: string | null; to: string; actor: { role: string } }[];
      priorityRaisedBy: {
        stage: string;
        dueAt: string;
        breachedAt: string;
        from: string;
        to: string;
      }[];
    };

  it('carries the history with the case: filed, then routed, always matching status and team', async () => {
    const filed = await fileCase(t, 'buyer', { priority: 'normal' });
    expect(filed.history).toEqual([expect.objectContaining({ from: null, to: 'filed' })]);
    const before = await get('buyer', filed.reference);
    expect(before.status).toBe('filed');
    expect(before.team).toBeNull();
    expect(before.history.map((h) => h.to)).toEqual(['filed']);
    expect(before.priorityRaisedBy).toEqual([]);

    await routeCase(t, filed.id);
    const after = await get('buyer', filed.reference);
    expect(after.status).toBe('routed');
    expect(after.team?.name).toBe('MeentCoop Energie');
    expect(after.history.map((h) => [h.from, h.to, h.actor.role])).toEqual([
      [null, 'filed', 'buyer'],
      ['filed', 'routed', 'system'],
    ]);
  });

  it('says which breach raised the priority, and forgets it when a person sets the priority', async () => {
    const filed = await fileCase(t, 'buyer', { priority: 'normal' });
    await routeCase(t, filed.id, { acceptInHours: 1 });
    const cases = t.app.get(CasesService);
    const due = new Date(Date.now() - 60_000);
    const before = Date.now();
    // As the SLA job records a breach (SlaJobs.check → CasesService.recordSlaBreach).
    expect(await cases.recordSlaBreach(filed.id, 'accept', due)).toBe(true);
    const raised = await get('staff', filed.id);
    expect(raised.priority).toBe('high');
    expect(raised.priorityRaisedBy).toEqual([
      {
        stage: 'accept',
        dueAt: due.toISOString(),
        breachedAt: expect.any(String),
        from: 'normal',
        to: 'high',
      },
    ]);
    expect(Date.parse(raised.priorityRaisedBy[0]!.breachedAt)).toBeGreaterThanOrEqual(
      before - 1000,
    );

    // The second stage raises it once more: both breaches explain "urgent".
    expect(await cases.recordSlaBreach(filed.id, 'propose', due)).toBe(true);
    const twice = await get('staff', filed.id);
    expect(twice.priority).toBe('urgent');
    expect(twice.priorityRaisedBy.map((r) => [r.stage, r.from, r.to])).toEqual([
      ['accept', 'normal', 'high'],
      ['propose', 'high', 'urgent'],
    ]);

    // A priority a person chose afterwards has no breach behind it.
    await t
      .http()
      .patch(`/api/v1/cases/${filed.id}`)
      .set({ ...(await bearer(t, 'staff')), 'If-Match': `"${twice.version}"` })
      .send({ priority: 'normal' })
      .expect(200);
    const chosen = await get('staff', filed.id);
    expect(chosen.priority).toBe('normal');
    expect(chosen.priorityRaisedBy).toEqual([]);
  });

  it('a breach at "urgent" raises nothing, and explains nothing', async () => {
    const filed = await fileCase(t, 'buyer', { priority: 'urgent' });
    await routeCase(t, filed.id, { acceptInHours: 1 });
    expect(
      await t.app.get(CasesService).recordSlaBreach(filed.id, 'accept', new Date(Date.now() - 1)),
    ).toBe(true);
    expect((await get('staff', filed.id)).priorityRaisedBy).toEqual([]);
  });

  it('sorts by buyer on the name of the person who filed, following a rename', async () => {
    const one = await fileCase(t, 'buyer', { title: 'Koper sorteren een' });
    const two = await fileCase(t, 'buyer2', { title: 'Koper sorteren twee' });
    const order = async (sort: string) => {
      const response = await t
        .http()
        .get(`/api/v1/cases?q=sorteren&sort=${sort}`)
        .set(await bearer(t, 'staff'))
        .expect(200);
      return (response.body.items as { id: string }[]).map((i) => i.id);
    };
    // Bo Inkoper (buyer) before Bram de Vries (buyer2).
    expect(await order('buyer')).toEqual([one.id, two.id]);
    expect(await order('-buyer')).toEqual([two.id, one.id]);
    await db.query(`UPDATE users SET name = 'Zoë Inkoper' WHERE email = 'buyer@brug.example'`);
    expect(await order('buyer')).toEqual([two.id, one.id]);
  });
});
