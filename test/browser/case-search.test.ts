import type { Page } from 'playwright-core';
import {
  eventually,
  expectAccessible,
  newContext,
  seedShowcase,
  signIn,
  startUiApp,
  type UiApp,
} from '../support/browser';

/**
 * Issue 13, items 7 and 8: MeentCoop staff open the case list (from the menu and from the work
 * queue) and search it by a part of a word and by a word in an internal note; in Dutch and in
 * English, axe clean.
 */
const TEXT = {
  nl: {
    searchAll: 'Zoeken in alle zaken',
    allCases: 'Alle zaken',
    search: 'Zoeken',
    apply: 'Filter toepassen',
    none: 'Er zijn geen zaken die hierbij passen.',
  },
  en: {
    searchAll: 'Search all cases',
    allCases: 'All cases',
    search: 'Search',
    apply: 'Apply filter',
    none: 'No cases match.',
  },
} as const;

describe.each(['nl', 'en'] as const)('staff search the case list (%s)', (language) => {
  let ui: UiApp;
  let model = '';
  const text = TEXT[language];
  beforeAll(async () => {
    ui = await startUiApp();
    ({ model } = await seedShowcase(ui.t));
  });
  afterAll(() => ui.close());

  async function searchFor(page: Page, q: string): Promise<void> {
    await page.getByLabel(text.search, { exact: true }).fill(q);
    await page.getByRole('button', { name: text.apply }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === q);
    await page.locator('.brug-loading').first().waitFor({ state: 'detached' });
  }

  it('finds the model case by a part of a compound word and by an internal note', async () => {
    const context = await newContext(ui, { language });
    try {
      const page = await context.newPage();
      await signIn(page, 'staff');
      // Staff start on the work queue, which links to the whole list; the menu offers it too.
      // (The start page sends them on once it knows the role: wait for that, not for a moment.)
      await page.waitForURL((url) => url.pathname === '/queue');
      const menu = page.locator('nav.ams-menu--in-wide-window');
      await expect(menu.getByRole('link', { name: text.allCases }).count()).resolves.toBe(1);
      await page.getByRole('link', { name: text.searchAll }).click();
      await page.waitForURL('**/cases');
      await page.getByRole('heading', { level: 1, name: text.allCases }).waitFor();
      await page.locator('.brug-loading').first().waitFor({ state: 'detached' });

      // Nothing for a nonsense word: the list is empty before the next search.
      await searchFor(page, 'xyzzyplugh');
      await page.getByText(text.none).waitFor();
      await expectAccessible(page, `${language} staff /cases, nothing found`);

      // The model case, by a part of "energiebespaarservice" (its title).
      await searchFor(page, 'bespaar');
      const rows = page.locator('main table tbody tr');
      const modelRow = rows.filter({ has: page.getByRole('link', { name: model }) });
      await modelRow.waitFor();
      await expect(modelRow.innerText()).resolves.toContain('Aanbesteding energiebespaarservice');
      await expectAccessible(page, `${language} staff /cases?q=bespaar`);

      // A word only in an internal note (seedShowcase: "… Energiecoöperatie Zuiderlicht …"):
      // only the model case (the previous result may show until the new one has come).
      await searchFor(page, 'zuiderlicht');
      await eventually(async () => expect(await rows.count()).toBe(1));
      await modelRow.waitFor();
    } finally {
      await context.close();
    }
  });
});
