import {
  addNote,
  eventually,
  expectAccessible,
  move,
  signedInPage,
  startUiApp,
  type UiApp,
} from '../support/browser';
import { bearer, fileCase } from '../support/factories';

/**
 * Issue 19, item 3 in Chromium: the unread count in the header (its accessible name says it),
 * the inbox with its links to the case, marking read, and the preferences form; nl and en, axe
 * clean. The workers run: the signals are made from the outbox, as in production.
 */
describe('the signals inbox in the browser (issue 19, item 3)', () => {
  let ui: UiApp;
  let c: { id: string; reference: string };

  beforeAll(async () => {
    ui = await startUiApp({ env: { WORKERS: 'on', RELAY_POLL_MS: '200' } });
    c = await fileCase(ui.t, 'buyer', { title: 'Signalen: laadpalen' });
    const staff = await bearer(ui.t, 'staff');
    await eventually(async () => {
      const response = await ui.t.http().get(`/api/v1/cases/${c.id}`).set(staff);
      expect(response.body.status).toBe('routed');
    });
    await move(ui.t, 'staff', c.id, 'accepted');
    await move(ui.t, 'staff', c.id, 'in_progress');
    await move(ui.t, 'staff', c.id, 'proposed', { proposal: 'Laadpalen per wijk.' });
    await addNote(ui.t, 'staff', c.id, 'Het voorstel staat klaar.', 'shared');
    // Both signals made: the proposal and the shared note.
    const buyer = await bearer(ui.t, 'buyer');
    await eventually(async () => {
      const response = await ui.t.http().get('/api/v1/signals/unread-count').set(buyer);
      expect(response.body.count).toBe(2);
    });
  });
  afterAll(async () => {
    await ui.close();
  });

  const WORDS = {
    nl: {
      header: (n: number) => `Signaleringen, ${n} ongelezen`,
      proposal: 'Voorstel wacht op uw akkoord',
      note: 'Nieuwe notitie bij uw zaak',
      markRead: (what: string) => `Markeer ‘${what}’ bij ${c.reference} als gelezen`,
      unread: 'Ongelezen',
      noUnread: 'Geen ongelezen signaleringen.',
      preferences: 'Hoe wilt u dit horen? Voorkeuren',
      email: 'Ook per e-mail, meteen',
      save: 'Voorkeuren opslaan',
      saved: 'Uw voorkeuren zijn opgeslagen.',
    },
    en: {
      header: (n: number) => `Signals, ${n} unread`,
      proposal: 'Proposal awaits your acceptance',
      note: 'New note on your case',
      markRead: (what: string) => `Mark ‘${what}’ on ${c.reference} as read`,
      unread: 'Unread',
      noUnread: 'No unread signals.',
      preferences: 'How do you want to hear of these? Preferences',
      email: 'Also by e-mail, at once',
      save: 'Save preferences',
      saved: 'Your preferences are saved.',
    },
  } as const;

  it('nl: the header counts the unread signals; the inbox links to the case and marks read', async () => {
    const w = WORDS.nl;
    const page = await signedInPage(ui, 'buyer', 'nl', { path: '/cases', loaded: true });
    const header = page.getByRole('link', { name: w.header(2) });
    await header.waitFor();
    await header.click();
    await page.waitForURL((url) => url.pathname === '/signals');
    const list = page.locator('.brug-signal');
    await eventually(async () => expect(await list.count()).toBe(2));
    await expect(page.getByText(`Nieuw: ${w.proposal}`).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'signals (nl)');

    await page.getByRole('button', { name: w.markRead(w.proposal) }).click();
    await page.getByRole('link', { name: w.header(1) }).waitFor();
    await page.getByRole('button', { name: w.markRead(w.proposal) }).waitFor({ state: 'detached' });

    // The unread list holds the note only; its link opens the case.
    await page.getByRole('link', { name: w.unread, exact: true }).click();
    await page.waitForURL((url) => url.search.includes('unread=true'));
    await eventually(async () => expect(await list.count()).toBe(1));
    await expect(list.first().innerText()).resolves.toContain(w.note);
    await list
      .first()
      .getByRole('link', { name: new RegExp(c.reference) })
      .click();
    await page.waitForURL((url) => url.pathname === `/cases/${c.id}`);
    await page.locator('main h1').first().waitFor();
  });

  it('en: preferences chosen in the form are kept; "mark all read" empties the count', async () => {
    const w = WORDS.en;
    const page = await signedInPage(ui, 'buyer', 'en', { path: '/signals', loaded: true });
    await page.getByRole('link', { name: w.header(1) }).waitFor();
    await expectAccessible(page, 'signals (en)');
    await page.getByRole('link', { name: w.preferences }).click();
    await page.waitForURL((url) => url.pathname === '/signals/preferences');
    const noteGroup = page.getByRole('group', { name: w.note });
    // The radio itself is drawn by the design system: the person clicks its label.
    await noteGroup.getByText(w.email).click();
    await expect(noteGroup.getByLabel(w.email).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: w.save }).click();
    await page.getByText(w.saved).waitFor();
    await expectAccessible(page, 'signal preferences (en)');
    const prefs = await ui.t
      .http()
      .get('/api/v1/signals/preferences')
      .set(await bearer(ui.t, 'buyer'))
      .expect(200);
    expect(prefs.body.items).toContainEqual({ kind: 'note_shared', delivery: 'email' });

    await page.goto('/signals?unread=true');
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByText(w.noUnread).waitFor();
    await page.getByRole('link', { name: w.header(0) }).waitFor();
    await expect(page.getByRole('link', { name: w.header(0) }).innerText()).resolves.toBe(
      'Signals',
    );
  });
});
