import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  DESKTOP,
  newContext,
  PHONE,
  screenshot,
  seedShowcase,
  signIn,
  startUiApp,
  type UiApp,
} from '../support/browser';

/**
 * Acceptance 5: screenshots of the main pages (work queue, case detail, dashboard) at desktop
 * width and at 375 px, saved to test-results/screenshots and copied to docs/screenshots (the
 * README shows the dashboard and the work queue). At 375 px nothing may widen the page: wide
 * tables and charts scroll inside their own region.
 */
describe('screenshots of the main pages', () => {
  let ui: UiApp;
  let model: string;
  beforeAll(async () => {
    ui = await startUiApp();
    ({ model } = await seedShowcase(ui.t));
  });
  afterAll(() => ui.close());

  async function settled(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await page.locator('.brug-loading').first().waitFor({ state: 'detached' });
    await page.evaluate('document.fonts.ready.then(() => true)');
  }

  /** The page is no wider than the window: nothing forces sideways scrolling of the page. */
  async function fitsWidth(page: Page, width: number): Promise<void> {
    const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(scrollWidth).toBeLessThanOrEqual(width);
  }

  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['375', PHONE],
  ] as const) {
    it(`at ${size === 'desktop' ? 'desktop width' : '375 px'}`, async () => {
      const context = await newContext(ui, { viewport });
      try {
        const page = await context.newPage();
        await signIn(page, 'staff');

        await page.goto('/queue');
        await settled(page);
        await page.getByRole('link', { name: model }).waitFor();
        await fitsWidth(page, viewport.width);
        const queue = await screenshot(page, `work-queue-${size}`);

        await page.goto(`/cases/${model}`);
        await settled(page);
        await page.getByTestId('funding-log').waitFor();
        await fitsWidth(page, viewport.width);
        const detail = await screenshot(page, `case-detail-${size}`);

        await page.goto('/dashboard');
        await settled(page);
        await page.getByTestId('funding-heatmap').waitFor();
        await page.getByTestId('commons-share-chart').waitFor();
        await fitsWidth(page, viewport.width);
        const dashboard = await screenshot(page, `dashboard-${size}`);

        for (const file of [queue, detail, dashboard]) {
          expect(statSync(file).size).toBeGreaterThan(10_000);
        }
      } finally {
        await context.close();
      }
    });
  }
});
