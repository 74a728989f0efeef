import type { BrowserContext } from 'playwright-core';
import {
  eventually,
  expectAccessible,
  newContext,
  signIn,
  startUiApp,
  type UiApp,
} from '../support/browser';
import { bearer, fileCase } from '../support/factories';

/**
 * Issue 19, item 2 in the browser (ADR 39): on the work queue a staff member selects the page's
 * cases (or counts every case of the view), takes them on at once, watches the progress bar and
 * reads per case what was skipped and why; in Dutch and English, axe clean.
 */
describe('bulk actions on the work queue (issue 19, item 2)', () => {
  let ui: UiApp;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ui = await startUiApp({ env: { WORKERS: 'on', RELAY_POLL_MS: '200' } });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await ui.close();
  });

  const WORDS = {
    nl: {
      word: 'bulkzonnedak',
      selectPage: 'Alle zaken op deze pagina selecteren',
      selected: '3 zaken geselecteerd',
      selectAll: 'Alle zaken van deze weergave selecteren',
      allSelected: 'Alle 3 zaken van deze weergave zijn geselecteerd.',
      clear: 'Selectie wissen',
      action: 'Actie',
      takeOn: 'Oppakken (aan mij toewijzen)',
      submit: 'Uitvoeren voor 3 zaken',
      progress: /Verwerkt: \d+ van 3 zaken/,
      summary: 'Gelukt: 2. Overgeslagen: 1. Mislukt: 0.',
      stale: 'Iemand anders heeft de zaak intussen gewijzigd.',
    },
    en: {
      word: 'bulksolarroof',
      selectPage: 'Select all cases on this page',
      selected: '3 cases selected',
      selectAll: 'Select every case of this view',
      allSelected: 'All 3 cases of this view are selected.',
      clear: 'Clear the selection',
      action: 'Action',
      takeOn: 'Take on (assign to me)',
      submit: 'Carry out for 3 cases',
      progress: /Processed: \d+ of 3 cases/,
      summary: 'Done: 2. Skipped: 1. Failed: 0.',
      stale: 'Someone else changed the case meanwhile.',
    },
  } as const;

  it.each(['nl', 'en'] as const)(
    'selects a page, takes the cases on, shows progress and why one was skipped (%s)',
    async (language) => {
      const w = WORDS[language];
      const filed = [];
      for (let i = 0; i < 3; i++) {
        filed.push(await fileCase(ui.t, 'buyer', { title: `Dak ${i + 1} ${w.word}` }));
      }
      const staff = await bearer(ui.t, 'staff');
      for (const c of filed) {
        await eventually(async () => {
          const response = await ui.t.http().get(`/api/v1/cases/${c.id}`).set(staff).expect(200);
          expect(response.body.status).toBe('routed');
        });
      }

      const context = await newContext(ui, { language });
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, 'staff', `/queue?q=${w.word}`);
      const rows = page.locator('[data-testid="queue-row"]');
      await eventually(async () => expect(await rows.count()).toBe(3));

      // Every case of the view, counted by the API first.
      await page.getByRole('button', { name: w.selectAll }).click();
      await page.getByText(w.allSelected).waitFor();
      await page.getByRole('button', { name: w.clear }).click();

      // The page's cases, as shown (with the versions shown).
      const selectPage = page.getByRole('checkbox', { name: w.selectPage });
      // The box a person clicks is the label's (the native input is styled away).
      await selectPage.locator('xpath=..').click();
      expect(await selectPage.isChecked()).toBe(true);
      await page.getByText(w.selected).waitFor();
      await expectAccessible(page, `bulk selection (${language})`);

      // Meanwhile someone else changes one of them: it is skipped, with the reason.
      const [stale] = filed;
      const current = await ui.t.http().get(`/api/v1/cases/${stale!.id}`).set(staff).expect(200);
      await ui.t
        .http()
        .patch(`/api/v1/cases/${stale!.id}`)
        .set({ ...(await bearer(ui.t, 'staff2')), 'If-Match': `"${current.body.version}"` })
        .send({ priority: 'urgent' })
        .expect(200);

      await page.getByLabel(w.action, { exact: true }).selectOption({ label: w.takeOn });
      await page.getByRole('button', { name: w.submit }).click();
      const progress = page.getByTestId('bulk-progress');
      await progress.getByText(w.progress).waitFor();
      expect(await progress.locator('progress').count()).toBe(1);
      await page.getByTestId('bulk-summary').getByText(w.summary).waitFor();
      const exceptions = page.getByTestId('bulk-exceptions');
      await exceptions.getByText(w.stale).waitFor();
      expect(await exceptions.innerText()).toContain(stale!.reference);
      await expectAccessible(page, `bulk results (${language})`);

      // The two others are now the staff member's.
      for (const c of filed.slice(1)) {
        const after = await ui.t.http().get(`/api/v1/cases/${c.id}`).set(staff).expect(200);
        expect(after.body).toMatchObject({ status: 'accepted', assignee: { name: 'Sanne Meent' } });
      }
    },
  );
});
