import type { Page } from 'playwright-core';
import { fileCase } from '../support/factories';
import { asUser, expectAccessible, seedShowcase, startUiApp, type UiApp } from '../support/browser';

/** The browser's own, in code run in the page (the tests are typed without the DOM library). */
declare const getComputedStyle: (element: unknown) => { fill: string; backgroundColor: string };

/** Cases filed on top of the showcase: more than the old heatmap's 40 rows. */
const MORE = 50;
/** The showcase's five cases and those. */
const TOTAL = 5 + MORE;

/**
 * Issue 13, items 17 and 18 in the browser, in Dutch and English: the heatmap aggregates lead
 * domains against domains over every case (the model case stays in view however many are
 * filed after it), the per-case view is paged and says how many cases there are; the
 * non-paying list names only the domains that pay nothing for a case they are touched by, in
 * words that say what is counted; a status has the same colour on its badge and in the chart.
 */
describe('the dashboard at any number of cases', () => {
  let ui: UiApp;
  let model: string;
  beforeAll(async () => {
    ui = await startUiApp();
    ({ model } = await seedShowcase(ui.t));
    // Newer cases led by circular, each paid for by circular itself: never "non-paying".
    for (let i = 1; i <= MORE; i++) {
      await fileCase(ui.t, 'buyer', {
        title: `Kringloopwinkel ${i}`,
        domains: [{ code: 'circular', role: 'lead' }],
        initialFunding: [{ domainCode: 'circular', amountCents: 100_000 }],
      });
    }
  });
  afterAll(() => ui.close());

  async function settled(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await page.locator('.brug-loading').first().waitFor({ state: 'detached' });
  }

  it.each([
    {
      language: 'nl' as const,
      summary: (from: number, to: number) =>
        `Zaken ${from}–${to} van ${TOTAL} zaken, nieuwste eerst.`,
      page: (n: number) => `Pagina ${n} van 3`,
      next: 'Volgende pagina',
      counted: `Elke zaak telt mee (${TOTAL})`,
    },
    {
      language: 'en' as const,
      summary: (from: number, to: number) => `Cases ${from}–${to} of ${TOTAL} cases, newest first.`,
      page: (n: number) => `Page ${n} of 3`,
      next: 'Next page',
      counted: `Every case counts (${TOTAL})`,
    },
  ])(
    'shows the model case’s domains aggregated after $language more than 40 cases, and pages the cases',
    async ({ language, summary, page: pageText, next, counted }) => {
      await asUser(ui, 'staff', language, async (page) => {
        await page.goto('/dashboard');
        await settled(page);
        const heatmap = page.getByTestId('funding-heatmap');
        await heatmap.waitFor();
        // The model case's lead (energy) is a row; its affected domains are columns: housing
        // pays (a heat level), care and energy-poverty are touched and pay nothing (hatched).
        const cell = (lead: string, domain: string) =>
          heatmap.locator(`rect[data-lead="${lead}"][data-domain="${domain}"]`);
        expect(await cell('energy', 'housing').getAttribute('class')).toMatch(/brug-heat-\d/);
        expect(await cell('energy', 'care').getAttribute('class')).toBe('brug-heat-gap');
        expect(await cell('energy', 'energy-poverty').getAttribute('class')).toBe('brug-heat-gap');
        expect(await cell('circular', 'circular').getAttribute('class')).toMatch(/brug-heat-\d/);
        // The caption says what is counted: every case.
        const figure = page.locator('figure', { has: heatmap });
        expect(await figure.locator('figcaption').innerText()).toContain(counted);
        // The table behind it has the model case's housing pledge (EUR 300,000) in the energy row.
        await figure.getByRole('button').click();
        const energyRow = figure.locator('table tbody tr').filter({ hasText: /300[.,]000/ });
        expect(await energyRow.count()).toBe(1);

        // The per-case view: 20 a page, newest first, with the total.
        const summaryLine = page.getByTestId('funding-cases-summary');
        expect(await summaryLine.innerText()).toBe(summary(1, 20));
        expect(await page.getByTestId('funding-cases-page').innerText()).toBe(pageText(1));
        expect(await page.getByTestId('funding-cases-table').locator('tbody tr').count()).toBe(20);
        await expectAccessible(page, `${language} dashboard, aggregated heatmap`);

        await page.getByRole('link', { name: next }).click();
        await page
          .getByTestId('funding-cases-page')
          .filter({ hasText: pageText(2) })
          .waitFor();
        expect(await summaryLine.innerText()).toBe(summary(21, 40));
        await page.getByRole('link', { name: next }).click();
        await page
          .getByTestId('funding-cases-page')
          .filter({ hasText: pageText(3) })
          .waitFor();
        expect(await summaryLine.innerText()).toBe(summary(41, TOTAL));
        // The oldest case, the model case, is the last row of the last page.
        const rows = page.getByTestId('funding-cases-table').locator('tbody tr');
        expect(await rows.count()).toBe(TOTAL - 40);
        expect(await rows.last().locator('th').innerText()).toContain(model);
        expect(new URL(page.url()).searchParams.get('fundingPage')).toBe('3');
        await expectAccessible(page, `${language} dashboard, per-case page 3`);
      });
    },
  );

  it.each([
    [
      'nl',
      (n: number, of: number) => `${n} van ${of} ${of === 1 ? 'zaak' : 'zaken'} zonder bijdrage`,
    ],
    [
      'en',
      (n: number, of: number) =>
        `${n} of ${of} ${of === 1 ? 'case' : 'cases'} without a contribution`,
    ],
  ] as const)(
    'lists only the domains that pay nothing for a case they are touched by, saying what is counted (%s)',
    async (language, label) => {
      await asUser(ui, 'staff', language, async (page) => {
        await page.goto('/dashboard');
        await settled(page);
        const list = page.getByTestId('dashboard-non-paying');
        await list.waitFor();
        const items = list.locator('li');
        const listed = await items.evaluateAll((lis) => lis.map((li) => li.dataset.domain));
        // The showcase: model case (energy pays, housing pledges; care, energy-poverty do not),
        // care's case (food does not), housing's case (none of its three pays), circular's
        // resolved case (community does not), mobility's (neither pays); circular pays for all
        // of its 51 cases and is not listed, nor any domain no case touches.
        expect([...listed].sort()).toEqual(
          ['care', 'community', 'energy', 'energy-poverty', 'food', 'housing', 'mobility'].sort(),
        );
        const text = (domain: string) => list.locator(`li[data-domain="${domain}"]`).innerText();
        expect(await text('energy-poverty')).toMatch(new RegExp(`: ${label(2, 2)}$`));
        expect(await text('energy')).toMatch(new RegExp(`: ${label(1, 2)}$`));
        expect(await text('care')).toMatch(new RegExp(`: ${label(2, 3)}$`));
        expect(await text('food')).toMatch(new RegExp(`: ${label(1, 1)}$`));
        // The chart says the same in words; no bare "0/1" that reads as a full bar.
        const chart = page.getByTestId('non-paying-chart');
        const labels = await chart.locator('text').allTextContents();
        expect(labels).toContain(label(2, 2));
        expect(labels.filter((l) => /^\d+\/\d+$/.test(l))).toEqual([]);
        await expectAccessible(page, `${language} dashboard, non-paying domains`);
      });
    },
  );

  it('colours a status the same on its badge and in the chart', async () => {
    await asUser(ui, 'staff', 'nl', async (page) => {
      await page.goto('/dashboard');
      await settled(page);
      const chart = page.getByTestId('open-cases-chart');
      await chart.waitFor();
      const fills = await chart
        .locator('rect[data-status]')
        .evaluateAll((rects) =>
          Object.fromEntries(
            rects.map((r) => [r.getAttribute('data-status'), getComputedStyle(r).fill]),
          ),
        );
      expect(Object.keys(fills).sort()).toEqual(
        ['accepted', 'filed', 'in_progress', 'proposed', 'routed'].sort(),
      );
      // Five open statuses, five colours.
      expect(new Set(Object.values(fills)).size).toBe(5);
      const badgeColours = async () =>
        page
          .locator('.brug-status-badge[data-status]')
          .evaluateAll((badges) =>
            badges.map((b) => [b.getAttribute('data-status'), getComputedStyle(b).backgroundColor]),
          );
      // The gaps table's badges: routed and filed cases.
      const onDashboard = await badgeColours();
      expect(new Set(onDashboard.map(([s]) => s))).toEqual(new Set(['routed', 'filed']));
      for (const [status, colour] of onDashboard) expect(colour).toBe(fills[status ?? '']);
      // The model case is in progress: its badge on the case page has the chart's colour too.
      await page.goto(`/cases/${model}`);
      await settled(page);
      const onCase = await badgeColours();
      expect(onCase[0]).toEqual(['in_progress', fills.in_progress]);
    });
  });
});
