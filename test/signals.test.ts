import { DataSource } from 'typeorm';
import { amsterdamDay, SignalDigests } from '../src/signals/signal-digests';
import { SignalMaker } from '../src/signals/signal-maker';
import { bearer, fileCase, transition } from './support/factories';
import { EUR, recordEntry } from './support/funding';
import { MailCatcher } from './support/mail-catcher';
import { expectProblem } from './support/problem';
import { waitFor } from './support/processes';
import { DEMO, DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

const SHARES = [
  { domainCode: 'energy', basisPoints: 4000 },
  { domainCode: 'energy-poverty', basisPoints: 3000 },
  { domainCode: 'housing', basisPoints: 2000 },
  { domainCode: 'care', basisPoints: 1000 },
];

interface Signal {
  id: string;
  kind: string;
  case: { id: string; reference: string; title: string };
  detail: Record<string, unknown>;
  readAt: string | null;
}

/** Issue 19, item 3 and acceptance 3: the signals inbox, made by the workflow from the outbox. */
describe('the signals inbox', () => {
  let t: TestApp;
  let db: DataSource;
  const mail = new MailCatcher();
  const CARE = 'budget.care@brug.example';
  const POVERTY = 'budget.poverty@brug.example';

  beforeAll(async () => {
    await mail.start();
    t = await startTestApp({
      env: { WORKERS: 'on', RELAY_POLL_MS: '200', SMTP_URL: mail.url },
    });
    db = t.app.get(DataSource);
    // The demo holds energy and housing budgets only: an admin adds care and energy poverty.
    const [unit] = await db.query<{ id: string }[]>(
      `SELECT id FROM organisation_units WHERE kind = 'municipal' ORDER BY code LIMIT 1`,
    );
    for (const [email, domain] of [
      [CARE, 'care'],
      [POVERTY, 'energy-poverty'],
    ] as const) {
      await t
        .http()
        .post('/api/v1/users')
        .set(await bearer(t, 'admin'))
        .send({
          email,
          name: `Budget ${domain}`,
          role: 'budget_holder',
          domains: [domain],
          organisationUnitId: unit!.id,
          password: DEMO_PASSWORD,
        })
        .expect(201);
    }
  });
  afterAll(async () => {
    await t.close();
    await mail.stop();
  });

  const signals = async (who: string, query = ''): Promise<Signal[]> =>
    (
      await t
        .http()
        .get(`/api/v1/signals${query}`)
        .set(await bearer(t, who))
        .expect(200)
    ).body.items;
  const unread = async (who: string): Promise<number> =>
    (
      await t
        .http()
        .get('/api/v1/signals/unread-count')
        .set(await bearer(t, who))
        .expect(200)
    ).body.count;
  const choose = async (who: string, items: { kind: string; delivery: string }[]) =>
    t
      .http()
      .put('/api/v1/signals/preferences')
      .set(await bearer(t, who))
      .send({ items });
  const mailsTo = (email: string, subject: string) =>
    mail.mails.filter((m) => m.to.includes(email) && m.subject.includes(subject));
  const eventOf = async (signalId: string): Promise<string> =>
    (
      await db.query<{ event_id: string }[]>('SELECT event_id FROM signals WHERE id = $1', [
        signalId,
      ])
    )[0]!.event_id;

  it('acceptance 3: a buyer hears of a proposal, budget holders of money asked of their domain; counts and e-mail as chosen', async () => {
    // The choices: housing's holder the inbox only, care's a daily digest, energy poverty's the
    // default (e-mail); the buyer e-mail for a proposal (the default), staff e-mail for notes.
    expect(
      (await choose('budgetHousing', [{ kind: 'funding_requested', delivery: 'in_app' }])).status,
    ).toBe(200);
    expect(
      (await choose(CARE, [{ kind: 'funding_requested', delivery: 'daily_digest' }])).status,
    ).toBe(200);
    const staffChoice = await choose('staff', [{ kind: 'note_shared', delivery: 'email' }]);
    expect(staffChoice.status).toBe(200);
    expect(staffChoice.body.items).toEqual(
      expect.arrayContaining([
        { kind: 'note_shared', delivery: 'email' },
        { kind: 'case_assigned', delivery: 'email' },
      ]),
    );
    const buyerBefore = await unread('buyer');

    const c = await fileCase(t);
    const staff = await bearer(t, 'staff');
    await waitFor(
      async () => (await t.http().get(`/api/v1/cases/${c.id}`).set(staff)).body.status === 'routed',
    );
    // Routed to the energy team: its staff member has a signal (and, by default, a mail).
    await waitFor(async () =>
      (await signals('staff')).some((s) => s.kind === 'case_assigned' && s.case.id === c.id),
    );
    await waitFor(
      () => mailsTo(DEMO.staff, `Nieuwe zaak voor MeentCoop Energie: ${c.reference}`).length === 1,
    );

    // The proposal waits for the buyer.
    await transition(t, 'staff', c.id, 2, { to: 'accepted' });
    await transition(t, 'staff', c.id, 3, { to: 'in_progress' });
    await transition(t, 'staff', c.id, 4, { to: 'proposed', proposal: 'Een regionale aanpak.' });
    await waitFor(async () =>
      (await signals('buyer')).some((s) => s.kind === 'proposal_awaiting' && s.case.id === c.id),
    );
    const proposal = (await signals('buyer', '?unread=true')).find(
      (s) => s.kind === 'proposal_awaiting' && s.case.id === c.id,
    )!;
    expect(proposal).toMatchObject({
      case: { id: c.id, reference: c.reference, title: c.title },
      readAt: null,
    });
    expect(await unread('buyer')).toBe(buyerBefore + 1);
    await waitFor(() => mailsTo(DEMO.buyer, `${c.reference}: voorstel gedaan`).length === 1);
    // The other unit's buyer hears nothing of it.
    expect((await signals('buyer2')).some((s) => s.case.id === c.id)).toBe(false);

    // Money asked of the domains short of their fair share (energy committed all).
    await t
      .http()
      .put(`/api/v1/cases/${c.id}/benefit-shares`)
      .set({ ...staff, 'If-Match': '"0"' })
      .send({ shares: SHARES, reasoning: 'Naar rato van de baat per domein.' })
      .expect(200);
    await recordEntry(t, 'budgetEnergy', c.id, {
      domainCode: 'energy',
      kind: 'commit',
      amountCents: 1_200_000 * EUR,
    });
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/cofunding-proposals`)
      .set(staff)
      .send({ note: 'Graag naar rato meebetalen.' })
      .expect(201);
    for (const who of ['budgetHousing', CARE, POVERTY]) {
      await waitFor(async () =>
        (await signals(who)).some((s) => s.kind === 'funding_requested' && s.case.id === c.id),
      );
    }
    const housing = (await signals('budgetHousing')).find((s) => s.case.id === c.id)!;
    expect(housing.detail.domainCodes).toEqual(['care', 'energy-poverty', 'housing']);
    expect(await unread('budgetHousing')).toBe(1);
    expect(await unread(CARE)).toBe(1);
    // Energy was not asked: its holder has nothing.
    expect((await signals('budgetEnergy')).some((s) => s.kind === 'funding_requested')).toBe(false);

    // E-mail as chosen: energy poverty (e-mail) gets one; housing (inbox) and care (digest) none.
    await waitFor(() => mailsTo(POVERTY, 'verzoek om cofinanciering').length === 1);
    const event = await eventOf(housing.id);
    const deliveries = await db.query<{ recipient: string }[]>(
      'SELECT recipient FROM notification_deliveries WHERE event_id = $1',
      [event],
    );
    expect(deliveries.map((d) => d.recipient)).toEqual([POVERTY]);
    expect(mailsTo(DEMO.budgetHousing, c.reference)).toEqual([]);
    expect(mailsTo(CARE, c.reference)).toEqual([]);

    // Care's daily digest: one mail telling of the request, once.
    const digests = t.app.get(SignalDigests);
    const day = amsterdamDay(new Date());
    expect(await digests.handOut(day)).toBeGreaterThanOrEqual(1);
    await waitFor(() => mailsTo(CARE, 'Uw signaleringen').length === 1);
    const digest = mailsTo(CARE, 'Uw signaleringen')[0]!;
    expect(digest.raw).toContain(c.reference);
    expect(digest.raw).toContain('Verzoek om bijdrage');
    expect(
      await digests.send(
        (await db.query(`SELECT id FROM users WHERE email = $1`, [CARE]))[0].id,
        day,
      ),
    ).toBe(0);

    // A shared note by the buyer: the staff contact hears of it (by mail, as chosen); not the author.
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/notes`)
      .set(await bearer(t, 'buyer'))
      .send({ body: 'Graag een toelichting.', visibility: 'shared' })
      .expect(201);
    await waitFor(async () =>
      (await signals('staff')).some((s) => s.kind === 'note_shared' && s.case.id === c.id),
    );
    await waitFor(() => mailsTo(DEMO.staff, `${c.reference}: nieuwe notitie`).length === 1);
    expect(
      (await signals('buyer')).some((s) => s.kind === 'note_shared' && s.case.id === c.id),
    ).toBe(false);
    // An internal note makes no signal for anyone.
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/notes`)
      .set(staff)
      .send({ body: 'Intern overleg.', visibility: 'internal' })
      .expect(201);

    // Mark read: one, then all; the counts follow.
    const read = await t
      .http()
      .post(`/api/v1/signals/${proposal.id}/read`)
      .set(await bearer(t, 'buyer'))
      .expect(200);
    expect(read.body.readAt).not.toBeNull();
    expect(await unread('buyer')).toBe(buyerBefore);
    expect((await signals('buyer', '?unread=true')).some((s) => s.id === proposal.id)).toBe(false);
    const all = await t
      .http()
      .post('/api/v1/signals/read-all')
      .set(await bearer(t, 'budgetHousing'))
      .expect(200);
    expect(all.body).toEqual({ marked: 1 });
    expect(await unread('budgetHousing')).toBe(0);
  });

  it('a redelivered event makes no second signal and no second mail', async () => {
    const [row] = await db.query<{ event_id: string; n: number }[]>(
      `SELECT event_id, count(*)::int AS n FROM signals WHERE kind = 'funding_requested'
        GROUP BY event_id LIMIT 1`,
    );
    const [outbox] = await db.query<
      { id: string; type: string; payload: Record<string, unknown> }[]
    >('SELECT id, type, payload FROM outbox_events WHERE id = $1', [row!.event_id]);
    const mailsBefore = mail.mails.length;
    const maker = t.app.get(SignalMaker);
    expect(
      await maker.make({ eventId: outbox!.id, type: outbox!.type, payload: outbox!.payload }),
    ).toBe(row!.n);
    const [after] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM signals WHERE event_id = $1',
      [row!.event_id],
    );
    expect(after!.n).toBe(row!.n);
    await new Promise((r) => setTimeout(r, 1000));
    expect(mail.mails.length).toBe(mailsBefore);
  });

  it('each person sees only their own signals; auditors and admins have no inbox', async () => {
    const [theirs] = await signals('budgetHousing');
    expect(theirs).toBeDefined();
    expectProblem(
      await t
        .http()
        .post(`/api/v1/signals/${theirs!.id}/read`)
        .set(await bearer(t, 'budgetEnergy')),
      404,
    );
    expect((await signals('budgetEnergy')).some((s) => s.id === theirs!.id)).toBe(false);
    for (const who of ['auditor', 'admin']) {
      expectProblem(
        await t
          .http()
          .get('/api/v1/signals')
          .set(await bearer(t, who)),
        403,
      );
      expectProblem(
        await t
          .http()
          .get('/api/v1/signals/unread-count')
          .set(await bearer(t, who)),
        403,
      );
    }
    expectProblem(await t.http().get('/api/v1/signals'), 401);
  });

  it('pages newest first with a cursor', async () => {
    const first = await t
      .http()
      .get('/api/v1/signals?pageSize=1')
      .set(await bearer(t, 'staff'))
      .expect(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t
      .http()
      .get(`/api/v1/signals?pageSize=1&cursor=${encodeURIComponent(first.body.nextCursor)}`)
      .set(await bearer(t, 'staff'))
      .expect(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    const all = await signals('staff');
    expect(all.slice(0, 2).map((s) => s.id)).toEqual([
      first.body.items[0].id,
      second.body.items[0].id,
    ]);
    // A cursor of another list is refused.
    expectProblem(
      await t
        .http()
        .get(`/api/v1/signals?unread=true&cursor=${encodeURIComponent(first.body.nextCursor)}`)
        .set(await bearer(t, 'staff')),
      400,
    );
  });

  it('refuses bad input with 4xx', async () => {
    const buyer = await bearer(t, 'buyer');
    for (const query of ['?pageSize=0', '?pageSize=101', '?unread=maybe', '?cursor=nonsense']) {
      expectProblem(await t.http().get(`/api/v1/signals${query}`).set(buyer), 400);
    }
    const refused = [
      {},
      { items: [] },
      { items: [{ kind: 'case_assigned', delivery: 'sms' }] },
      { items: [{ kind: 'gossip', delivery: 'email' }] },
      { items: [{ kind: 'case_assigned' }] },
      { items: 'all' },
    ];
    for (const body of refused) {
      expectProblem(await t.http().put('/api/v1/signals/preferences').set(buyer).send(body), 400);
    }
    const twice = expectProblem(
      await choose('buyer', [
        { kind: 'note_shared', delivery: 'email' },
        { kind: 'note_shared', delivery: 'in_app' },
      ]),
      400,
    );
    expect(twice.errors).toEqual([
      expect.objectContaining({ field: 'items[1].kind', code: 'duplicate' }),
    ]);
    expectProblem(await t.http().post('/api/v1/signals/not-a-uuid/read').set(buyer), 400);
    const missing = expectProblem(
      await t.http().post('/api/v1/signals/00000000-0000-4000-8000-000000000000/read').set(buyer),
      404,
    );
    expect(missing.code).toBe('signal_not_found');
    // Nothing of the refused bodies was kept.
    const prefs = await t.http().get('/api/v1/signals/preferences').set(buyer).expect(200);
    expect(prefs.body.items).toContainEqual({ kind: 'note_shared', delivery: 'in_app' });
  });
});
