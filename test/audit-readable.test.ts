import { DataSource } from 'typeorm';
import { AUDIT_ACTION_NAMES } from '../src/audit/audit-actions';
import { UnitOfWork } from '../src/database/unit-of-work';
import { bearer, fileCase, transition } from './support/factories';
import { EUR, modelCaseWithFunding, routeCase, type FiledCase } from './support/funding';
import { expectProblem } from './support/problem';
import { DEMO, startTestApp, TestApp } from './support/test-app';

interface Event {
  seq: number;
  action: string;
  actorId: string | null;
  actorName: string;
  subjectType: string;
  subjectId: string;
  caseId: string | null;
  data: Record<string, unknown>;
}
interface Page {
  items: Event[];
  nextCursor: string | null;
  references: Record<string, { kind: string; name: string; nameEn?: string }>;
}

/**
 * Issue 13, item 20: the audit log for an accountant. Events are found by a case's reference
 * (everything under the case, its funding entries and notes included) and by an action from the
 * list the API serves; each page names the people, units, cases and domains its events mention.
 */
describe('a readable audit trail', () => {
  let t: TestApp;
  let auditor: Record<string, string>;
  let model: FiledCase;
  let other: FiledCase;
  let staff2Id: string;

  beforeAll(async () => {
    t = await startTestApp();
    auditor = await bearer(t, 'auditor');
    model = await modelCaseWithFunding(t);
    await routeCase(t, model.id);
    await transition(t, 'staff', model.id, 2, { to: 'accepted' });
    const db = t.app.get(DataSource);
    const [staff2] = await db.query<{ id: string }[]>('SELECT id FROM users WHERE email = $1', [
      DEMO.staff2,
    ]);
    staff2Id = staff2!.id;
    await t
      .http()
      .patch(`/api/v1/cases/${model.id}`)
      .set({ ...(await bearer(t, 'staff')), 'If-Match': '"3"' })
      .send({ assigneeId: staff2Id, estimatedValueCents: 1_250_000 * EUR })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/cases/${model.id}/notes`)
      .set(await bearer(t, 'staff'))
      .send({ body: 'Gesprek met Wonen gepland', visibility: 'internal' })
      .expect(201);
    other = await fileCase(t, 'buyer', { title: 'Een andere zaak' });
  });
  afterAll(() => t.close());

  const get = async (query: string): Promise<Page> =>
    (await t.http().get(`/api/v1/audit/events?${query}`).set(auditor).expect(200)).body as Page;

  it('finds a case’s events by its reference, funding entries and notes included', async () => {
    const page = await get(`caseReference=${model.reference}&pageSize=500`);
    const actions = page.items.map((e) => e.action);
    expect(actions).toEqual([
      'case.filed',
      ...Array<string>(6).fill('funding.entry_recorded'),
      'case.transitioned',
      'case.transitioned',
      'case.updated',
      'case.assigned',
      'note.added',
    ]);
    expect(page.items.every((e) => e.caseId === model.id)).toBe(true);
    expect(page.items.filter((e) => e.subjectType === 'funding_entry')).toHaveLength(6);
    // Typed in lower case, the same case; another case's events never mix in.
    const lower = await get(`caseReference=${model.reference.toLowerCase()}&pageSize=500`);
    expect(lower.items.map((e) => e.seq)).toEqual(page.items.map((e) => e.seq));
    const theOther = await get(`caseReference=${other.reference}`);
    expect(theOther.items.map((e) => e.action)).toEqual(['case.filed']);
    // A reference no case has: nothing, not everything.
    expect((await get('caseReference=BRUG-1999-999999')).items).toEqual([]);
  });

  it('filters by action, alone and with the reference, in keyset pages', async () => {
    const transitions = await get('action=case.transitioned');
    expect(transitions.items.length).toBeGreaterThan(0);
    expect(transitions.items.every((e) => e.action === 'case.transitioned')).toBe(true);
    const funding = await get(
      `caseReference=${model.reference}&action=funding.entry_recorded&pageSize=4&order=desc`,
    );
    expect(funding.items).toHaveLength(4);
    expect(funding.nextCursor).not.toBeNull();
    const rest = await get(
      `caseReference=${model.reference}&action=funding.entry_recorded&pageSize=4&order=desc&cursor=${encodeURIComponent(funding.nextCursor!)}`,
    );
    expect(rest.items).toHaveLength(2);
    expect(rest.nextCursor).toBeNull();
    const seqs = [...funding.items, ...rest.items].map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(rest.items.at(-1)!.data).toMatchObject({
      kind: 'pledge',
      amountCents: 450_000 * EUR,
      domainCode: 'energy',
    });
  });

  it('serves the actions it knows, and refuses another action or a malformed reference', async () => {
    const list = (await t.http().get('/api/v1/audit/actions').set(auditor).expect(200)).body as {
      items: { action: string; subjectType: string }[];
    };
    expect(list.items.map((a) => a.action)).toEqual(AUDIT_ACTION_NAMES);
    expect(list.items).toContainEqual({ action: 'case.transitioned', subjectType: 'case' });
    expect(list.items).toContainEqual({
      action: 'funding.entry_recorded',
      subjectType: 'funding_entry',
    });

    const wrongAction = expectProblem(
      await t.http().get('/api/v1/audit/events?action=case.deleted').set(auditor),
      400,
    );
    expect(wrongAction.errors).toEqual([
      expect.objectContaining({ field: 'action', code: 'not_one_of' }),
    ]);
    const wrongReference = expectProblem(
      await t.http().get('/api/v1/audit/events?caseReference=2026-123').set(auditor),
      400,
    );
    expect(wrongReference.errors).toEqual([
      expect.objectContaining({ field: 'caseReference', code: 'invalid_format' }),
    ]);
    expectProblem(
      await t
        .http()
        .get('/api/v1/audit/actions')
        .set(await bearer(t, 'staff')),
      403,
    );
  });

  it('names the people, teams, units, cases and domains a page mentions', async () => {
    const page = await get(`caseReference=${model.reference}&pageSize=500`);
    const refs = page.references;
    const name = (id: string | null | undefined) => (id ? refs[id]?.name : undefined);
    // Every actor who is a person, and the case itself.
    for (const e of page.items.filter((x) => x.actorId)) {
      expect(name(e.actorId)).toBe(e.actorName);
    }
    expect(refs[model.id]).toEqual({ kind: 'case', name: model.reference });
    // The assignee (old and new), the koppel and the team named in data.
    const assigned = page.items.find((e) => e.action === 'case.assigned')!;
    expect(assigned.data).toEqual({ from: null, to: staff2Id });
    expect(refs[staff2Id]).toEqual({ kind: 'user', name: 'Samir Koppel' });
    const routed = page.items.find(
      (e) => e.action === 'case.transitioned' && e.data.to === 'routed',
    )!;
    expect(refs[routed.data.koppelMeentcoopId as string]).toEqual({
      kind: 'user',
      name: 'Sanne Meent',
    });
    expect(refs[routed.data.teamId as string]).toEqual({ kind: 'unit', name: 'MeentCoop Energie' });
    const filed = page.items.find((e) => e.action === 'case.filed')!;
    expect(refs[filed.data.organisationUnitId as string]).toMatchObject({ kind: 'unit' });
    // Domains of the filing and of the funding entries, in both languages.
    expect(refs.energy).toEqual({ kind: 'domain', name: 'Schone energie', nameEn: 'Clean energy' });
    expect(refs.housing).toMatchObject({ kind: 'domain', name: 'Wonen en wooncoöperaties' });
    expect(refs['energy-poverty']).toMatchObject({ kind: 'domain' });
    // No id is left unnamed: every UUID in the page has its name.
    const uuids = JSON.stringify(page.items.map((e) => ({ ...e, hash: 0, prevHash: 0 }))).match(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    )!;
    const unnamed = [...new Set(uuids)].filter((id) => !refs[id]);
    // Only the ids of what has no name of its own: the funding entries and the note.
    const subjects = new Set(
      page.items.filter((e) => e.subjectType !== 'case').map((e) => e.subjectId),
    );
    expect(unnamed.filter((id) => !subjects.has(id))).toEqual([]);
  });

  it('names the actors of one page of 120 events by as many people, in one query', async () => {
    const db = t.app.get(DataSource);
    const people = await db.query<{ id: string; name: string }[]>(
      `INSERT INTO users (email, name, role)
       SELECT 'auditor-' || n || '@brug.example', 'Controleur ' || n, 'auditor'
         FROM generate_series(1, 120) AS n
       RETURNING id, name`,
    );
    const uow = t.app.get(UnitOfWork);
    for (const [i, person] of people.entries()) {
      await uow.run({ id: person.id, role: 'auditor', name: person.name }, (w) => {
        w.audit({
          action: 'case.assigned',
          subjectType: 'case',
          subjectId: other.id,
          caseId: other.id,
          data: { from: people[i - 1]?.id ?? null, to: person.id },
        });
        return Promise.resolve();
      });
    }
    const spy = jest.spyOn(db, 'query');
    try {
      const page = await get(
        `caseReference=${other.reference}&action=case.assigned&pageSize=120&order=desc`,
      );
      expect(page.items).toHaveLength(120);
      for (const e of page.items) {
        expect(page.references[e.actorId!]).toEqual({ kind: 'user', name: e.actorName });
        expect(page.references[e.data.to as string]?.name).toBe(e.actorName);
      }
      const nameQueries = spy.mock.calls.filter(([sql]) =>
        String(sql).includes('FROM organisation_units WHERE id = ANY'),
      );
      expect(nameQueries).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });
});
