import { bearer, fileCase, transition } from './support/factories';
import { routeCase } from './support/funding';
import { startTestApp, TestApp } from './support/test-app';

/**
 * GET /cases?q=: besides Dutch full text, parts of words (Dutch compounds), the proposal and the
 * outcome, and the notes the searcher may read (ADR 8). Visibility and keyset pages hold for a
 * search as for any filter.
 */
describe('GET /cases?q= finds parts of words, proposals, outcomes and readable notes', () => {
  let t: TestApp;
  let model: { id: string };
  let proposed: { id: string };
  let resolved: { id: string };
  let otherUnit: { id: string };

  /** Every id a search finds for this person, page by page (3 a page). */
  async function search(who: string, q: string): Promise<string[]> {
    const auth = await bearer(t, who);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const qs = new URLSearchParams({ q, pageSize: '3', ...(cursor ? { cursor } : {}) });
      const response = await t.http().get(`/api/v1/cases?${qs.toString()}`).set(auth).expect(200);
      ids.push(...(response.body.items as { id: string }[]).map((i) => i.id));
      cursor = response.body.nextCursor as string | null;
    } while (cursor !== null);
    return ids;
  }

  async function note(who: string, caseId: string, body: string, visibility: string) {
    await t
      .http()
      .post(`/api/v1/cases/${caseId}/notes`)
      .set(await bearer(t, who))
      .send({ body, visibility })
      .expect(201);
  }

  beforeAll(async () => {
    t = await startTestApp();
    model = await fileCase(t, 'buyer', {
      title: 'Energiebespaarservice voor huurders',
      description: 'Advies aan huis.',
    });
    await note('buyer', model.id, 'Graag overleg met de klimaatstraat', 'shared');
    await note('staff', model.id, 'Intern: de zonnedakcentrale belt terug', 'internal');

    proposed = await fileCase(t, 'buyer', { title: 'Inkoop schoolmaaltijden', description: '' });
    await routeCase(t, proposed.id);
    let v = await transition(t, 'staff', proposed.id, 2, { to: 'accepted' });
    v = await transition(t, 'staff', proposed.id, v, { to: 'in_progress' });
    await transition(t, 'staff', proposed.id, v, {
      to: 'proposed',
      proposal: 'Een voedselcoöperatie uit Noord levert de maaltijden.',
    });

    resolved = await fileCase(t, 'buyer', { title: 'Inkoop deelfietsen', description: '' });
    await routeCase(t, resolved.id);
    v = await transition(t, 'staff', resolved.id, 2, { to: 'accepted' });
    v = await transition(t, 'staff', resolved.id, v, { to: 'in_progress' });
    v = await transition(t, 'staff', resolved.id, v, {
      to: 'proposed',
      proposal: 'Een collectief.',
    });
    await transition(t, 'buyer', resolved.id, v, {
      to: 'resolved',
      outcome: {
        summary: 'Gegund aan het fietsherstelcollectief Oost',
        supplierName: 'Fietsherstel Oost',
        supplierType: 'collective',
        awardedValueCents: 5_000_000,
      },
    });

    // Another unit's case with the same words: the buyer never finds it.
    otherUnit = await fileCase(t, 'buyer2', {
      title: 'Energiebespaarservice in Zuid',
      description: 'Overleg met de klimaatstraat.',
    });
  });
  afterAll(() => t.close());

  it('finds a Dutch compound by a part of it, in any case', async () => {
    for (const q of ['energie', 'bespaar', 'BESPAAR', 'bespaarservice', 'energie bespaar']) {
      expect((await search('staff', q)).sort()).toEqual([model.id, otherUnit.id].sort());
      expect(await search('buyer', q)).toEqual([model.id]);
    }
  });

  it('keeps full-text stems: an inflected form still finds the word', async () => {
    expect(await search('buyer', 'huurder')).toEqual([model.id]);
  });

  it('finds words only in the proposal, and only in the outcome', async () => {
    expect(await search('staff', 'voedselcoöperatie')).toEqual([proposed.id]);
    // Accents folded: without the diaeresis, and a part of the word.
    expect(await search('buyer', 'cooperatie')).toEqual([proposed.id]);
    expect(await search('buyer', 'herstelcollectief')).toEqual([resolved.id]);
    expect(await search('staff', 'Fietsherstel Oost')).toEqual([resolved.id]);
  });

  it('finds a word only in a shared note, for the buyer too', async () => {
    expect(await search('buyer', 'klimaatstraat')).toEqual([model.id]);
    expect(await search('buyer', 'klimaat')).toEqual([model.id]);
  });

  it('finds a word only in an internal note for staff, auditors and admins, not for the buyer', async () => {
    for (const who of ['staff', 'auditor', 'admin']) {
      expect(await search(who, 'zonnedakcentrale')).toEqual([model.id]);
      expect(await search(who, 'dakcentrale')).toEqual([model.id]);
    }
    expect(await search('buyer', 'zonnedakcentrale')).toEqual([]);
    expect(await search('buyer', 'dakcentrale')).toEqual([]);
    expect(await search('budgetEnergy', 'dakcentrale')).toEqual([]);
  });

  it('pages through the matches of a search, each once, newest first, within the unit', async () => {
    const mine: string[] = [];
    for (let i = 1; i <= 7; i++) {
      const c = await fileCase(t, 'buyer', { title: `Buurtwarmtenet fase ${i}`, description: '' });
      mine.unshift(c.id);
      if (i % 3 === 0)
        await fileCase(t, 'buyer2', { title: `Wijkwarmtenet ${i}`, description: '' });
    }
    expect(await search('buyer', 'warmtenet')).toEqual(mine);
    const all = await search('staff', 'warmtenet');
    expect(all).toHaveLength(9);
    expect(all.filter((id) => mine.includes(id))).toEqual(mine);
  });

  it('counts each case once in the total, matching in its texts, its notes or both', async () => {
    const inText = await fileCase(t, 'buyer', { title: 'Kringloopwinkel Noord', description: '' });
    const inNote = await fileCase(t, 'buyer', { title: 'Inkoop stoelen', description: '' });
    await note('buyer', inNote.id, 'Vraag de kringloopwinkel om een offerte', 'shared');
    const inBoth = await fileCase(t, 'buyer', { title: 'Kringloopwinkel Zuid', description: '' });
    await note('buyer', inBoth.id, 'De kringloopwinkel heeft ruimte', 'shared');
    const internal = await fileCase(t, 'buyer', { title: 'Inkoop tafels', description: '' });
    await note('staff', internal.id, 'Intern: de kringloopwinkel belt', 'internal');
    for (const [who, expected] of [
      ['buyer', [inText.id, inNote.id, inBoth.id]],
      ['staff', [inText.id, inNote.id, inBoth.id, internal.id]],
    ] as const) {
      expect((await search(who, 'kringloop')).sort()).toEqual([...expected].sort());
      // One a page: the first page has a next one, so the total is counted, not the page.
      const auth = await bearer(t, who);
      let cursor: string | null = null;
      do {
        const qs = new URLSearchParams({
          q: 'kringloop',
          pageSize: '1',
          ...(cursor ? { cursor } : {}),
        });
        const page = await t.http().get(`/api/v1/cases?${qs.toString()}`).set(auth).expect(200);
        expect(page.body).toMatchObject({ total: expected.length, totalCapped: false });
        cursor = page.body.nextCursor as string | null;
      } while (cursor !== null);
    }
  });

  it('matches words of 1 or 2 letters by full text only', async () => {
    // "en" is inside many words, but as a word of its own it is a Dutch stop word.
    expect(await search('staff', 'en')).toEqual([]);
  });

  it('treats LIKE characters as text', async () => {
    expect(await search('staff', '100%')).toEqual([]);
    expect(await search('staff', 'energie_bespaar')).toEqual([]);
  });
});
