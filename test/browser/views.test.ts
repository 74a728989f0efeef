import type { Page } from 'playwright-core';
import {
  expectAccessible,
  routeCase,
  signedInPage,
  startUiApp,
  type UiApp,
} from '../support/browser';
import { fileCase } from '../support/factories';
import { waitFor } from '../support/processes';

/**
 * Issue 19, acceptance 1 (ADR 38) in Chromium: a staff member saves the filtered work queue as a
 * view shared with the team, and the view's link, opened in a new browser context, shows the
 * same filtered list; axe clean in nl and en.
 */
describe('saved views in the browser (issue 19, item 1)', () => {
  let ui: UiApp;
  const titles = {
    late: 'Weergave: laadpalen te laat',
    onTime: 'Weergave: zonnepanelen op tijd',
    housing: 'Weergave: isolatie te laat',
  };

  beforeAll(async () => {
    ui = await startUiApp();
    const late = await fileCase(ui.t, 'buyer', { title: titles.late });
    await routeCase(ui.t, late.id, { acceptInHours: -2 });
    const onTime = await fileCase(ui.t, 'buyer', { title: titles.onTime });
    await routeCase(ui.t, onTime.id, { acceptInHours: 200 });
    const housing = await fileCase(ui.t, 'buyer', {
      title: titles.housing,
      domains: [{ code: 'housing', role: 'lead' }],
    });
    await routeCase(ui.t, housing.id, { team: 'meentcoop-housing', acceptInHours: -2 });
  });
  afterAll(async () => {
    await ui.close();
  });

  const rowTitles = async (page: Page) =>
    (await page.locator('[data-testid="queue-row"] .brug-queue-title').allInnerTexts()).filter(
      (title) => title.startsWith('Weergave:'),
    );

  const WORDS = {
    nl: {
      saveAsNew: 'Opslaan als nieuwe weergave',
      name: 'Naam van de weergave',
      share: 'Delen met mijn team',
      save: 'Opslaan',
      saved: /Weergave ‘.*’ opgeslagen/,
    },
    en: {
      saveAsNew: 'Save as a new view',
      name: 'Name of the view',
      share: 'Share with my team',
      save: 'Save',
      saved: /View ‘.*’ saved/,
    },
  } as const;

  it.each(['nl', 'en'] as const)(
    'saves the filtered queue as a shared view whose link shows the same list (%s)',
    async (language) => {
      const w = WORDS[language];
      const page = await signedInPage(ui, 'staff', language, {
        path: '/queue?team=all&domain=energy&sla=breached',
        loaded: true,
      });
      await page.locator('[data-testid="queue-row"]').first().waitFor();
      expect(await rowTitles(page)).toEqual([titles.late]);

      const name = `Energie, verlopen (${language})`;
      await page.getByRole('button', { name: w.saveAsNew }).click();
      await page.getByLabel(w.name).fill(name);
      // The design system draws its own box over the native checkbox: click the label.
      await page.locator('label[for="view-shared"]').click();
      expect(await page.locator('#view-shared').isChecked()).toBe(true);
      await page.getByRole('button', { name: w.save, exact: true }).click();
      await page.getByText(w.saved).waitFor();
      await page.waitForURL((url) => url.searchParams.has('view'));
      const viewId = new URL(page.url()).searchParams.get('view')!;
      expect(viewId).toMatch(/^[0-9a-f-]{36}$/);
      await expectAccessible(page, `saved view (${language})`);

      // A link naming only the view, in a new browser context (a new sign-in): the same list.
      const again = await signedInPage(ui, 'staff', language, {
        path: `/queue?view=${viewId}`,
        loaded: true,
      });
      await again.waitForURL((url) => url.searchParams.getAll('sla').includes('breached'));
      // The queue first asks for its default list; until the view's list arrives it keeps
      // showing that one, so wait for the view's rows rather than for any row.
      await waitFor(async () => {
        const shown = await rowTitles(again);
        return shown.length === 1 && shown[0] === titles.late;
      }, 30_000).catch(() => undefined);
      expect(await rowTitles(again)).toEqual([titles.late]);
      await expect(again.locator('#view-choice').inputValue()).resolves.toBe(viewId);

      // The team's view is offered to the team, and not to another team's staff.
      const other = await signedInPage(ui, 'staff2', language, { path: '/queue', loaded: true });
      const offered = await other.locator('#view-choice option').allInnerTexts();
      expect(offered.some((label) => label.includes(name))).toBe(false);
    },
  );
});
