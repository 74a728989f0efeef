import { DataSource } from 'typeorm';
import { bearer, fileCase, transition } from './support/factories';
import { EUR, recordEntry } from './support/funding';
import { expectProblem } from './support/problem';
import { waitFor } from './support/processes';
import { startTestApp, TestApp } from './support/test-app';

interface Link {
  id: string;
  kind: string;
  direction: string;
  case: {
    id: string;
    reference: string;
    status: string;
    team: { name: string } | null;
    domains: { code: string; role: string }[];
    funding: { pledgedCents: number; committedCents: number };
  };
}
interface Transfer {
  id: string;
  state: string;
  version: number;
  domainCode: string;
  amountCents: number;
  movedCents: number | null;
  toCase: { id: string };
}

/** Issue 19, item 4 and acceptance 4 (ADR 44): related cases, sub-cases, duplicates. */
describe('related cases, sub-cases and closing as a duplicate', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ env: { WORKERS: 'on', RELAY_POLL_MS: '200' } });
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const get = async (who: string, path: string) =>
    t
      .http()
      .get(`/api/v1${path}`)
      .set(await bearer(t, who));
  const post = async (
    who: string,
    path: string,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set({ ...(await bearer(t, who)), ...headers })
      .send(body);
  const links = async (who: string, caseId: string) =>
    (await get(who, `/cases/${caseId}/links`)).body as {
      items: Link[];
      withSubCases: { pledgedCents: number } | null;
    };
  const caseOf = async (who: string, id: string) =>
    (await get(who, `/cases/${id}`)).body as {
      id: string;
      status: string;
      version: number;
      team: { name: string } | null;
      outcome: { kind: string; summary: string; supplierName: string | null } | null;
    };
  const routed = (id: string) =>
    waitFor(async () => (await caseOf('staff', id)).status === 'routed', 60_000);
  const pledgedOn = async (caseId: string, domain: string): Promise<number> => {
    const body = (await get('auditor', `/cases/${caseId}/funding`)).body as {
      byDomain: { domainCode: string; pledgedCents: number }[];
    };
    return body.byDomain.find((d) => d.domainCode === domain)?.pledgedCents ?? 0;
  };

  it('splits the model case into a housing and a care sub-case, routed to their teams; the parent shows both with status and money', async () => {
    const parent = await fileCase(t);
    await routed(parent.id);

    const housing = await post('staff', `/cases/${parent.id}/sub-cases`, {
      domainCode: 'housing',
      title: 'Energiebespaarservice: woningen',
      estimatedValueCents: 40_000_000,
    });
    expect(housing.status).toBe(201);
    expect(housing.body).toMatchObject({
      status: 'filed',
      title: 'Energiebespaarservice: woningen',
      domains: [{ code: 'housing', role: 'lead' }],
      organisationUnit: {
        id: (parent.organisationUnit as { id: string }).id,
      },
      filedBy: { name: (parent.filedBy as { name: string }).name },
    });
    const care = await post('staff', `/cases/${parent.reference}/sub-cases`, {
      domainCode: 'care',
    });
    expect(care.status).toBe(201);
    expect(care.body).toMatchObject({ title: parent.title, estimatedValueCents: 0 });
    await routed(housing.body.id);
    await routed(care.body.id);
    expect((await caseOf('staff', housing.body.id)).team?.name).toBe('MeentCoop Wonen');
    expect((await caseOf('staff', care.body.id)).team?.name).toBe('MeentCoop Zorg en Welzijn');

    // Money on a sub-case shows on the parent, with the sum of the parent and its parts.
    await recordEntry(t, 'budgetHousing', housing.body.id, {
      domainCode: 'housing',
      kind: 'pledge',
      amountCents: 25_000 * EUR,
    });
    await recordEntry(t, 'budgetEnergy', parent.id, {
      domainCode: 'energy',
      kind: 'pledge',
      amountCents: 100_000 * EUR,
    });
    const list = await links('buyer', parent.id);
    expect(list.items.map((l) => [l.kind, l.direction, l.case.id, l.case.status])).toEqual([
      ['part_of', 'incoming', housing.body.id, 'routed'],
      ['part_of', 'incoming', care.body.id, 'routed'],
    ]);
    expect(list.items[0]!.case).toMatchObject({
      team: { name: 'MeentCoop Wonen' },
      domains: [{ code: 'housing', role: 'lead' }],
      funding: { pledgedCents: 25_000 * EUR, committedCents: 0 },
    });
    expect(list.withSubCases).toMatchObject({ pledgedCents: 125_000 * EUR });
    // The sub-case sees its parent.
    const up = await links('staff', housing.body.id);
    expect(up.items.map((l) => [l.kind, l.direction, l.case.id])).toEqual([
      ['part_of', 'outgoing', parent.id],
    ]);
    expect(up.withSubCases).toBeNull();

    // The audit trail of the sub-case holds its filing (by staff, for the parent) and the link.
    const audit = await db.query<{ action: string; data: string }[]>(
      `SELECT action, data FROM audit_events WHERE case_id = $1 ORDER BY seq`,
      [housing.body.id],
    );
    expect(audit.map((a) => a.action).slice(0, 2)).toEqual(['case.filed', 'case.linked']);
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ subCaseOf: { id: parent.id } });
    expect(JSON.parse(audit[1]!.data)).toMatchObject({
      kind: 'part_of',
      target: { id: parent.id },
    });

    // Refusals: a domain the parent does not touch, a second sub-case for a domain, a buyer.
    expect(
      (
        expectProblem(
          await post('staff', `/cases/${parent.id}/sub-cases`, { domainCode: 'food' }),
          400,
        ).errors as { field: string; code: string }[]
      ).map((e) => [e.field, e.code]),
    ).toEqual([['domainCode', 'not_on_case']]);
    expect(
      expectProblem(
        await post('staff', `/cases/${parent.id}/sub-cases`, { domainCode: 'housing' }),
        409,
      ),
    ).toMatchObject({ code: 'sub_case_exists', params: { domainCode: 'housing' } });
    expectProblem(
      await post('buyer', `/cases/${parent.id}/sub-cases`, { domainCode: 'care' }),
      403,
    );
  });

  it('a sub-case only of an open parent', async () => {
    const c = await fileCase(t);
    await routed(c.id);
    await transition(t, 'buyer', c.id, (await caseOf('buyer', c.id)).version, {
      to: 'withdrawn',
      reason: 'Niet meer nodig.',
    });
    expect(
      expectProblem(await post('staff', `/cases/${c.id}/sub-cases`, { domainCode: 'care' }), 409),
    ).toMatchObject({ code: 'parent_case_closed', params: { status: 'withdrawn' } });
  });

  it('links related cases once per pair, never to itself or to a case one cannot see, and no circle of parts', async () => {
    const [a, b, c] = [await fileCase(t), await fileCase(t), await fileCase(t)];
    const related = await post('staff', `/cases/${a.id}/links`, {
      kind: 'related',
      target: b.reference,
    });
    expect(related.status).toBe(201);
    expect(related.body).toMatchObject({
      kind: 'related',
      direction: 'outgoing',
      case: { id: b.id, reference: b.reference },
    });
    // Either way round, a pair has one link.
    expect(
      expectProblem(
        await post('staff', `/cases/${b.id}/links`, { kind: 'part_of', target: a.id }),
        409,
      ),
    ).toMatchObject({ code: 'cases_already_linked', params: { kind: 'related' } });
    expect(
      (
        expectProblem(
          await post('staff', `/cases/${a.id}/links`, { kind: 'related', target: a.id }),
          400,
        ).errors as { code: string }[]
      ).map((e) => e.code),
    ).toEqual(['not_itself']);
    expect(
      (
        expectProblem(
          await post('staff', `/cases/${a.id}/links`, {
            kind: 'related',
            target: 'BRUG-1999-000001',
          }),
          400,
        ).errors as { field: string; code: string }[]
      ).map((e) => [e.field, e.code]),
    ).toEqual([['target', 'unknown_case']]);
    expectProblem(
      await post('staff', `/cases/${a.id}/links`, { kind: 'copy_of', target: c.id }),
      400,
    );
    expectProblem(
      await post('buyer', `/cases/${a.id}/links`, { kind: 'related', target: c.id }),
      403,
    );

    // d part of e, e part of f: f part of d would close a circle; a second parent is refused.
    const d = await fileCase(t);
    const e = await fileCase(t);
    const f = await fileCase(t);
    expect(
      (await post('staff', `/cases/${d.id}/links`, { kind: 'part_of', target: e.id })).status,
    ).toBe(201);
    expect(
      (await post('staff', `/cases/${e.id}/links`, { kind: 'part_of', target: f.id })).status,
    ).toBe(201);
    expect(
      expectProblem(
        await post('staff', `/cases/${f.id}/links`, { kind: 'part_of', target: d.id }),
        409,
      ),
    ).toMatchObject({ code: 'case_link_cycle', params: { kind: 'part_of' } });
    expect(
      expectProblem(
        await post('staff', `/cases/${d.id}/links`, { kind: 'part_of', target: f.id }),
        409,
      ),
    ).toMatchObject({ code: 'cases_already_linked', params: { kind: 'part_of' } });
    // A closed parent takes no parts.
    await routed(c.id);
    await transition(t, 'buyer', c.id, (await caseOf('buyer', c.id)).version, {
      to: 'withdrawn',
      reason: 'Niet meer nodig.',
    });
    expect(
      expectProblem(
        await post('staff', `/cases/${a.id}/links`, { kind: 'part_of', target: c.id }),
        409,
      ),
    ).toMatchObject({ code: 'parent_case_closed' });
  });

  it('shows a link only to whoever may see both cases', async () => {
    const mine = await fileCase(t, 'buyer');
    const theirs = await fileCase(t, 'buyer2');
    expect(
      (await post('staff', `/cases/${mine.id}/links`, { kind: 'related', target: theirs.id }))
        .status,
    ).toBe(201);
    expect((await links('staff', mine.id)).items).toHaveLength(1);
    expect((await links('auditor', theirs.id)).items).toHaveLength(1);
    // Each buyer sees their own case, and no link to the other unit's.
    expect((await links('buyer', mine.id)).items).toEqual([]);
    expect((await links('buyer2', theirs.id)).items).toEqual([]);
    expectProblem(await get('buyer', `/cases/${theirs.id}/links`), 404);
  });

  it('closes a case as a duplicate: resolved with outcome duplicate, its pledge moved only with the budget holder’s consent, its buyer told', async () => {
    const survivor = await fileCase(t, 'buyer', {
      domains: [{ code: 'housing', role: 'lead' }],
    });
    const dup = await fileCase(t, 'buyer', {
      domains: [{ code: 'housing', role: 'lead' }],
      initialFunding: [{ domainCode: 'housing', amountCents: 10_000 * EUR }],
    });
    await routed(dup.id);
    // A related link between them becomes the duplicate's link.
    expect(
      (await post('staff', `/cases/${dup.id}/links`, { kind: 'related', target: survivor.id }))
        .status,
    ).toBe(201);
    const current = await caseOf('staff', dup.id);
    const reason = 'Dezelfde vraag als de andere zaak over woningen.';

    expectProblem(
      await post('staff', `/cases/${dup.id}/duplicate-of`, { target: survivor.id, reason }),
      428,
    );
    expectProblem(
      await post(
        'buyer',
        `/cases/${dup.id}/duplicate-of`,
        { target: survivor.id, reason },
        { 'If-Match': `"${current.version}"` },
      ),
      403,
    );
    expectProblem(
      await post(
        'staff',
        `/cases/${dup.id}/duplicate-of`,
        { target: survivor.id, reason: 'kort' },
        { 'If-Match': `"${current.version}"` },
      ),
      400,
    );
    expectProblem(
      await post(
        'staff',
        `/cases/${dup.id}/duplicate-of`,
        { target: survivor.id, reason },
        { 'If-Match': `"${current.version - 1}"` },
      ),
      412,
    );
    const closed = await post(
      'staff',
      `/cases/${dup.id}/duplicate-of`,
      { target: survivor.reference, reason },
      { 'If-Match': `"${current.version}"` },
    );
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'resolved',
      outcome: { kind: 'duplicate', summary: reason, supplierName: null, supplierType: null },
    });
    expect(
      (await links('buyer', dup.id)).items.map((l) => [l.kind, l.direction, l.case.id]),
    ).toEqual([['duplicate_of', 'outgoing', survivor.id]]);
    expect((await links('staff', survivor.id)).items.map((l) => [l.kind, l.direction])).toEqual([
      ['duplicate_of', 'incoming'],
    ]);
    // Closed once: again is not a move the case has; a closed case is no survivor.
    expect(
      expectProblem(
        await post(
          'staff',
          `/cases/${dup.id}/duplicate-of`,
          { target: survivor.id, reason },
          { 'If-Match': `"${closed.body.version}"` },
        ),
        409,
      ),
    ).toMatchObject({ code: 'transition_not_allowed' });
    const other = await fileCase(t, 'buyer', { domains: [{ code: 'housing', role: 'lead' }] });
    expect(
      expectProblem(
        await post(
          'staff',
          `/cases/${other.id}/duplicate-of`,
          { target: dup.id, reason },
          { 'If-Match': `"${(await caseOf('staff', other.id)).version}"` },
        ),
        409,
      ),
    ).toMatchObject({ code: 'duplicate_target_closed', params: { status: 'resolved' } });

    // The pledge stays until the budget holder consents.
    expect(await pledgedOn(dup.id, 'housing')).toBe(10_000 * EUR);
    const transfers = (await get('staff', `/cases/${dup.id}/pledge-transfers`)).body
      .items as Transfer[];
    expect(transfers).toEqual([
      expect.objectContaining({
        state: 'open',
        domainCode: 'housing',
        amountCents: 10_000 * EUR,
        toCase: expect.objectContaining({ id: survivor.id }),
      }),
    ]);
    const transfer = transfers[0]!;
    // The survivor lists it too.
    expect((await get('staff', `/cases/${survivor.id}/pledge-transfers`)).body.items).toHaveLength(
      1,
    );
    const answer = (who: string, body: Record<string, unknown>, version: number) =>
      post(who, `/cases/${dup.id}/pledge-transfers/${transfer.id}/answers`, body, {
        'If-Match': `"${version}"`,
      });
    // Not the energy budget holder's: the case (housing only) is not theirs to see.
    expectProblem(await answer('budgetEnergy', { answer: 'accept' }, 1), 404);
    expectProblem(await answer('staff', { answer: 'accept' }, 1), 403);
    await waitFor(async () =>
      (
        (await get('budgetHousing', '/signals')).body.items as {
          kind: string;
          case: { id: string };
        }[]
      ).some((s) => s.kind === 'funding_requested' && s.case.id === dup.id),
    );
    const accepted = await answer('budgetHousing', { answer: 'accept' }, 1);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      state: 'accepted',
      movedCents: 10_000 * EUR,
      version: 2,
    });
    expect(await pledgedOn(dup.id, 'housing')).toBe(0);
    expect(await pledgedOn(survivor.id, 'housing')).toBe(10_000 * EUR);
    expect(
      expectProblem(
        await answer('budgetHousing', { answer: 'decline', reason: 'Toch niet.' }, 2),
        409,
      ),
    ).toMatchObject({ code: 'pledge_transfer_answered', params: { state: 'accepted' } });

    // Its buyer is told, in the inbox.
    await waitFor(async () =>
      (
        (await get('buyer', '/signals')).body.items as { kind: string; case: { id: string } }[]
      ).some((s) => s.kind === 'closed_as_duplicate' && s.case.id === dup.id),
    );
    const audit = await db.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE case_id = $1 ORDER BY seq`,
      [dup.id],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'case.transitioned',
        'case.closed_as_duplicate',
        'funding.pledge_transfer_requested',
        'funding.pledge_transfer_answered',
      ]),
    );
    // The commons share counts awarded cases only.
    const [row] = await db.query<{ outcome_kind: string }[]>(
      'SELECT outcome_kind FROM cases WHERE id = $1',
      [dup.id],
    );
    expect(row!.outcome_kind).toBe('duplicate');
  });

  it('a declined consent leaves the pledge where it was', async () => {
    const survivor = await fileCase(t, 'buyer', { domains: [{ code: 'housing', role: 'lead' }] });
    const dup = await fileCase(t, 'buyer', {
      domains: [{ code: 'housing', role: 'lead' }],
      initialFunding: [{ domainCode: 'housing', amountCents: 5_000 * EUR }],
    });
    await routed(dup.id);
    expect(
      (
        await post(
          'staff',
          `/cases/${dup.id}/duplicate-of`,
          { target: survivor.id, reason: 'Dubbel ingediend door dezelfde afdeling.' },
          { 'If-Match': `"${(await caseOf('staff', dup.id)).version}"` },
        )
      ).status,
    ).toBe(200);
    const [transfer] = (await get('budgetHousing', `/cases/${dup.id}/pledge-transfers`)).body
      .items as Transfer[];
    const path = `/cases/${dup.id}/pledge-transfers/${transfer!.id}/answers`;
    expectProblem(
      await post('budgetHousing', path, { answer: 'decline' }, { 'If-Match': '"1"' }),
      400,
    );
    expectProblem(
      await post(
        'budgetHousing',
        `/cases/${dup.id}/pledge-transfers/00000000-0000-4000-8000-000000000000/answers`,
        { answer: 'accept' },
        { 'If-Match': '"1"' },
      ),
      404,
    );
    const declined = await post(
      'budgetHousing',
      path,
      { answer: 'decline', reason: 'Het geld blijft bij de oorspronkelijke aanvraag.' },
      { 'If-Match': '"1"' },
    );
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ state: 'declined', movedCents: null });
    expect(await pledgedOn(dup.id, 'housing')).toBe(5_000 * EUR);
    expect(await pledgedOn(survivor.id, 'housing')).toBe(0);
  });
});
