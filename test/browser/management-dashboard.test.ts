import type { Page } from 'playwright-core';
import { fileCase } from '../support/factories';
import {
  expectAccessible,
  newContext,
  PHONE,
  seedShowcase,
  signIn,
  startUiApp,
  type UiApp,
} from '../support/browser';

/**
 * Issue 19, item 5 in the browser: the management section of the dashboard shows the server's
 * counts as a trend chart with its table and as tables per team, handler, domain, stage and SLA;
 * a CSV link downloads the table; a new period can be chosen; readable at 375 px, axe clean, in
 * Dutch and English.
 */
describe('the management dashboard', () => {
  let ui: UiApp;
  beforeAll(async () => {
    ui = await startUiApp();
    await seedShowcase(ui.t);
    for (let i = 1; i <= 3; i++) {
      await fileCase(ui.t, 'buyer', {
        title: `Managementzaak ${i}`,
        domains: [{ code: 'energy', role: 'lead' }],
      });
    }
  });
  afterAll(() => ui.close());

  async function settled(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await page.getByTestId('management-teams').waitFor();
  }

  it.each([
    {
      language: 'nl' as const,
      heading: 'Management: zaken per team, behandelaar, domein en week',
      csv: '„Per team” downloaden als CSV',
      show: 'Toon',
      tooLong: 'De periode is hoogstens twee jaar.',
      filed: 'Ingediend',
    },
    {
      language: 'en' as const,
      heading: 'Management: cases per team, handler, domain and week',
      csv: 'Download “Per team” as CSV',
      show: 'Show',
      tooLong: 'The period is at most two years.',
      filed: 'Filed',
    },
  ])(
    'shows the counts with their tables and CSV in $language, at 375 px too',
    async ({ language, heading, csv, show, tooLong, filed }) => {
      const context = await newContext(ui, { language });
      try {
        const page = await context.newPage();
        await signIn(page, 'staff');
        await page.goto('/dashboard');
        await settled(page);
        await page.getByRole('heading', { name: heading }).waitFor();

        // The trend chart is an image with its numbers as a table behind a disclosure.
        const trend = page.getByTestId('management-trend');
        expect(await trend.getAttribute('role')).toBe('img');
        const figure = page.locator('figure', { has: trend });
        await figure.getByRole('button').click();
        const weekRows = figure.locator('table tbody tr');
        expect(await weekRows.count()).toBeGreaterThanOrEqual(13);
        expect(await figure.locator('table thead').innerText()).toContain(filed);

        // The tables hold what the API counts: the filed cases (the showcase's and three more).
        const api = await context.request.get('/api/v1/reports/management');
        expect(api.status()).toBe(200);
        const report = (await api.json()) as {
          totals: { incoming: number };
          teams: { key: string | null; incoming: number }[];
        };
        expect(report.totals.incoming).toBeGreaterThanOrEqual(8);
        const teamRows = page.getByTestId('management-teams').locator('tbody tr');
        expect(await teamRows.count()).toBe(report.teams.length);
        for (const id of ['management-handlers', 'management-domains', 'management-stages']) {
          expect(await page.getByTestId(id).locator('tbody tr').count()).toBeGreaterThan(0);
        }

        // The CSV link downloads the teams table with the browser's session.
        const link = page.getByRole('link', { name: csv });
        const href = await link.getAttribute('href');
        expect(href).toMatch(/format=csv/);
        const download = await context.request.get(href!);
        expect(download.status()).toBe(200);
        expect(download.headers()['content-type']).toMatch(/^text\/csv/);
        const lines = (await download.text()).trim().split('\r\n');
        expect(lines[0]).toBe('key,name,incoming,resolved,open,overdue,suspended');
        expect(lines).toHaveLength(report.teams.length + 1);

        await expectAccessible(page, `${language} management dashboard`);

        // A period longer than two years is refused in the form, in words.
        await page
          .locator('#management-from')
          .fill(language === 'nl' ? '01-01-2020' : '01/01/2020');
        await page.getByRole('button', { name: show }).click();
        await page.getByText(tooLong).waitFor();

        // At 375 px nothing widens the page; wide tables scroll in their own region.
        await page.setViewportSize(PHONE);
        await page.reload();
        await settled(page);
        const wide = await page.evaluate<number>('document.documentElement.scrollWidth');
        expect(wide).toBeLessThanOrEqual(PHONE.width);
        await expectAccessible(page, `${language} management dashboard at 375 px`);
      } finally {
        await context.close();
      }
    },
  );
});
