import { DataSource } from 'typeorm';
import { expectAccessible, newContext, signIn, startUiApp, type UiApp } from '../support/browser';

/**
 * Issue 19, item 6: the calendar's extra days (ADR 25) in the administrator's web UI. An admin
 * adds a designated day (an empty form first: its errors worded), sees it listed, removes it
 * after a confirmation; both changes are audited by the API. In Dutch and English, axe clean.
 */
const TEXT = {
  nl: {
    add: 'Toevoegen',
    remove: 'Verwijderen',
    confirm: 'Ja, verwijderen',
    date: '15-05-2037',
    shown: '15 mei 2037',
    errorSummary: 'Verbeter de fouten voordat u verdergaat',
    added: 'is toegevoegd',
    removed: 'is verwijderd',
  },
  en: {
    add: 'Add',
    remove: 'Remove',
    confirm: 'Yes, remove',
    date: '15/05/2037',
    shown: '15 May 2037',
    errorSummary: 'Fix the errors before you continue',
    added: 'has been added',
    removed: 'has been removed',
  },
} as const;

describe.each(['nl', 'en'] as const)('the calendar in the browser (%s)', (language) => {
  let ui: UiApp;
  const text = TEXT[language];
  beforeAll(async () => {
    ui = await startUiApp();
  });
  afterAll(() => ui.close());

  it('adds a designated day and removes it after a confirmation, audited', async () => {
    const name = `Brugdag ${language}`;
    const db = ui.t.app.get(DataSource);
    const context = await newContext(ui, { language });
    try {
      const page = await context.newPage();
      await signIn(page, 'admin');
      await page.goto('/admin/calendar');
      await page.locator('main h1').waitFor();
      await page.locator('.brug-loading').first().waitFor({ state: 'detached' });
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      await expectAccessible(page, `${language} calendar`);

      const form = page.getByTestId('calendar-form');
      await form.getByRole('button', { name: text.add, exact: true }).click();
      await page.locator('.ams-invalid-form-alert').waitFor();
      expect(await page.locator('.ams-invalid-form-alert').innerText()).toContain(
        text.errorSummary,
      );
      await expectAccessible(page, `${language} calendar form with errors`);

      await page.locator('#calendar-date').fill(text.date);
      await page.locator('#calendar-name').fill(name);
      await form.getByRole('button', { name: text.add, exact: true }).click();
      const row = page.getByTestId('admin-designated-days').locator('tr', { hasText: name });
      await row.waitFor();
      expect(await row.innerText()).toContain(text.shown);
      expect(await page.getByTestId('admin-saved').first().innerText()).toContain(text.added);
      const [added] = await db.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM calendar_designated_days WHERE date = '2037-05-15'`,
      );
      expect(added!.n).toBe('1');

      await row.getByRole('button', { name: new RegExp(`^${text.remove}`) }).click();
      await page.getByTestId('calendar-confirm').waitFor();
      await expectAccessible(page, `${language} calendar, confirming a removal`);
      await page.getByRole('button', { name: text.confirm }).click();
      await row.waitFor({ state: 'detached' });
      expect(await page.getByTestId('admin-saved').first().innerText()).toContain(text.removed);
      const [left] = await db.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM calendar_designated_days WHERE date = '2037-05-15'`,
      );
      expect(left!.n).toBe('0');
      const audited = await db.query<{ action: string }[]>(
        `SELECT action FROM audit_events WHERE subject_id = '2037-05-15'`,
      );
      expect(audited.length).toBe(2);
    } finally {
      await context.close();
    }
  });
});
