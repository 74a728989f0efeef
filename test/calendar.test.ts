import { SlaPoliciesService } from '../src/workflow/sla/sla-policies.service';
import { bearer } from './support/factories';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 14, item 3 (ADR 25): the working-day calendar and its designated days. */
describe('the calendar', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const at = (iso: string) => new Date(iso);

  it('serves the days off of a year with their rules, the published designated days included', async () => {
    const response = await t
      .http()
      .get('/api/v1/calendar/days-off?year=2026')
      .set(await bearer(t, 'buyer'))
      .expect(200);
    expect(response.body.goodFriday).toBe(true);
    expect(
      response.body.items.map((d: { date: string; rule: string }) => `${d.date} ${d.rule}`),
    ).toEqual([
      '2026-01-01 new_years_day',
      '2026-01-02 designated_day',
      '2026-04-03 good_friday',
      '2026-04-06 easter_monday',
      '2026-04-27 kings_day',
      '2026-05-05 liberation_day',
      '2026-05-14 ascension_day',
      '2026-05-15 designated_day',
      '2026-05-25 whit_monday',
      '2026-12-25 christmas_day',
      '2026-12-26 boxing_day',
    ]);
    expect(response.body.items[4]).toEqual({
      date: '2026-04-27',
      rule: 'kings_day',
      ruleName: { nl: 'Koningsdag', en: "King's Day" },
    });
    expect(response.body.items[7]).toMatchObject({ name: 'Vrijdag na Hemelvaartsdag' });
    expectProblem(
      await t
        .http()
        .get('/api/v1/calendar/days-off?year=1066')
        .set(await bearer(t, 'buyer')),
      400,
    );
  });

  it('lets an admin add a designated day that SLA arithmetic then skips, and remove it; audited', async () => {
    const admin = await bearer(t, 'admin');
    const sla = t.app.get(SlaPoliciesService);
    // Tuesday 30 June 2026 10:00 + 2 working days (priority normal): Thursday 2 July.
    const from = at('2026-06-30T10:00:00+02:00');
    expect((await sla.dueDates('normal', from)).acceptBy).toEqual(at('2026-07-02T10:00:00+02:00'));

    const created = await t
      .http()
      .post('/api/v1/calendar/designated-days')
      .set(admin)
      .send({ date: '2026-07-01', name: 'Gelijkgestelde dag (test)' })
      .expect(201);
    expect(created.body).toMatchObject({ date: '2026-07-01', name: 'Gelijkgestelde dag (test)' });
    expect(typeof created.body.addedById).toBe('string');

    // Wednesday 1 July is no longer a working day: due Friday 3 July.
    expect((await sla.dueDates('normal', from)).acceptBy).toEqual(at('2026-07-03T10:00:00+02:00'));
    const list = await t
      .http()
      .get('/api/v1/calendar/designated-days')
      .set(await bearer(t, 'staff'))
      .expect(200);
    expect(list.body.items.map((d: { date: string }) => d.date)).toEqual([
      '2026-01-02',
      '2026-05-15',
      '2026-07-01',
      '2027-05-07',
      '2028-04-28',
      '2028-05-26',
    ]);

    const again = expectProblem(
      await t
        .http()
        .post('/api/v1/calendar/designated-days')
        .set(admin)
        .send({ date: '2026-07-01', name: 'Nog eens' }),
      409,
    );
    expect(again).toMatchObject({ code: 'designated_day_exists', params: { date: '2026-07-01' } });

    await t.http().delete('/api/v1/calendar/designated-days/2026-07-01').set(admin).expect(204);
    expect((await sla.dueDates('normal', from)).acceptBy).toEqual(at('2026-07-02T10:00:00+02:00'));
    expect(
      expectProblem(
        await t.http().delete('/api/v1/calendar/designated-days/2026-07-01').set(admin),
        404,
      ),
    ).toMatchObject({ code: 'designated_day_not_found' });

    const audit = await t
      .http()
      .get('/api/v1/audit/events?subjectType=designated_day&subjectId=2026-07-01&order=asc')
      .set(await bearer(t, 'auditor'))
      .expect(200);
    expect(
      audit.body.items.map((e: { action: string; actorRole: string; data: object }) => ({
        action: e.action,
        actorRole: e.actorRole,
        data: e.data,
      })),
    ).toEqual([
      {
        action: 'catalogue.changed',
        actorRole: 'admin',
        data: { change: 'created', date: '2026-07-01', name: 'Gelijkgestelde dag (test)' },
      },
      {
        action: 'catalogue.changed',
        actorRole: 'admin',
        data: { change: 'removed', date: '2026-07-01', name: 'Gelijkgestelde dag (test)' },
      },
    ]);
  });

  it('refuses other roles, days off already, and malformed dates, writing nothing', async () => {
    const admin = await bearer(t, 'admin');
    for (const role of ['staff', 'buyer', 'auditor', 'budgetEnergy'] as const) {
      expectProblem(
        await t
          .http()
          .post('/api/v1/calendar/designated-days')
          .set(await bearer(t, role))
          .send({ date: '2026-07-08', name: 'Niet toegestaan' }),
        403,
      );
    }
    expectProblem(
      await t
        .http()
        .delete('/api/v1/calendar/designated-days/2026-05-15')
        .set(await bearer(t, 'staff')),
      403,
    );
    expectProblem(
      await t
        .http()
        .get('/api/v1/calendar/designated-days')
        .set(await bearer(t, 'buyer')),
      403,
    );

    // Saturday 4 July, and Koningsdag: days off already.
    const saturday = expectProblem(
      await t
        .http()
        .post('/api/v1/calendar/designated-days')
        .set(admin)
        .send({ date: '2026-07-04', name: 'Zaterdag' }),
      400,
    );
    expect(saturday.errors).toEqual([
      expect.objectContaining({
        field: 'date',
        code: 'not_allowed',
        params: { date: '2026-07-04', rule: 'weekend' },
      }),
    ]);
    expect(
      expectProblem(
        await t
          .http()
          .post('/api/v1/calendar/designated-days')
          .set(admin)
          .send({ date: '2027-04-27', name: 'Koningsdag' }),
        400,
      ).errors,
    ).toEqual([expect.objectContaining({ params: { date: '2027-04-27', rule: 'kings_day' } })]);
    for (const body of [
      { date: '2026-02-30', name: 'Geen dag' },
      { date: '1-7-2026', name: 'Verkeerd geschreven' },
      { date: '2026-07-08', name: '' },
    ]) {
      expectProblem(
        await t.http().post('/api/v1/calendar/designated-days').set(admin).send(body),
        400,
      );
    }
    expectProblem(
      await t.http().delete('/api/v1/calendar/designated-days/not-a-date').set(admin),
      400,
    );

    const list = await t.http().get('/api/v1/calendar/designated-days').set(admin).expect(200);
    expect(list.body.items).toHaveLength(5);
    const audit = await t
      .http()
      .get('/api/v1/audit/events?subjectType=designated_day')
      .set(await bearer(t, 'auditor'))
      .expect(200);
    expect(
      audit.body.items.filter((e: { subjectId: string }) => e.subjectId !== '2026-07-01'),
    ).toEqual([]);
  });
});

describe('the calendar of an installation that works on Goede Vrijdag', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { CALENDAR_GOOD_FRIDAY: 'false' } });
  });
  afterAll(() => t.close());

  it('counts Goede Vrijdag as a working day', async () => {
    const response = await t
      .http()
      .get('/api/v1/calendar/days-off?year=2026')
      .set(await bearer(t, 'staff'))
      .expect(200);
    expect(response.body.goodFriday).toBe(false);
    expect(response.body.items.map((d: { date: string }) => d.date)).not.toContain('2026-04-03');
    // Thursday 2 April 2026 + 1 working day (urgent accepts in 1): Friday 3 April.
    const due = await t.app
      .get(SlaPoliciesService)
      .dueDates('urgent', new Date('2026-04-02T10:00:00+02:00'));
    expect(due.acceptBy).toEqual(new Date('2026-04-03T10:00:00+02:00'));
  });
});
