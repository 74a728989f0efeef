import type { BrowserContext, Page } from 'playwright-core';
import type { DemoUserKey } from './test-app';
import {
  expectAccessible,
  expectDesignSystemType,
  newContext,
  PHONE,
  seedShowcase,
  signIn,
  startUiApp,
  type UiApp,
} from './browser';

/**
 * Acceptance 3: axe-core finds no serious or critical WCAG 2.1 A/AA violation on any page, for
 * every role's pages and the forms' error and disclosure states. One test file per language
 * (test/browser/accessibility-nl.test.ts, -en) runs this.
 */
export function describeEveryPageAccessible(language: 'nl' | 'en'): void {
  describe(`every page is accessible (axe-core, WCAG 2.1 AA) in ${language === 'nl' ? 'Dutch' : 'English'}`, () => {
    let ui: UiApp;
    let model: string;
    beforeAll(async () => {
      ui = await startUiApp();
      ({ model } = await seedShowcase(ui.t));
    });
    afterAll(() => ui.close());

    /** Waits until the page has its heading and nothing is loading any more. */
    async function settled(page: Page): Promise<void> {
      await page.locator('main h1').first().waitFor();
      await page.locator('.brug-loading').first().waitFor({ state: 'detached' });
    }

    async function asUser(who: DemoUserKey, work: (page: Page) => Promise<void>): Promise<void> {
      const context: BrowserContext = await newContext(ui, { language });
      try {
        const page = await context.newPage();
        await signIn(page, who);
        await work(page);
      } finally {
        await context.close();
      }
    }

    async function check(page: Page, path: string, label: string): Promise<void> {
      await page.goto(path);
      await settled(page);
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      await expectAccessible(page, `${language} ${label} ${path}`);
      await expectDesignSystemType(page, `${language} ${label} ${path}`);
    }

    it('signed out: the sign-in page', async () => {
      const context = await newContext(ui, { language });
      try {
        const page = await context.newPage();
        await check(page, '/sign-in/problem?code=no_mapping', 'signed out');
        await check(page, '/sign-in', 'signed out');
        await page.locator('form button[type="submit"]').click();
        await page.locator('.ams-alert').first().waitFor();
        await expectAccessible(page, `${language} sign-in failed`);
      } finally {
        await context.close();
      }
    });

    it('buyer: cases, filing (also with errors), case detail, dashboard, who am I, no access, not found', async () => {
      await asUser('buyer', async (page) => {
        for (const path of [
          '/cases',
          '/cases/new',
          `/cases/${model}`,
          '/dashboard',
          '/me',
          '/me/sessions',
          '/audit',
          '/no-such-page',
        ]) {
          await check(page, path, 'buyer');
        }
        await page.goto('/cases/new');
        await settled(page);
        await page.locator('form button[type="submit"]').click();
        await page.locator('.ams-invalid-form-alert').waitFor();
        await expectAccessible(page, `${language} buyer /cases/new with errors`);
      });
    });

    it('staff: work queue (also at 375 px with the menu open), case detail with a transition form', async () => {
      await asUser('staff', async (page) => {
        await check(page, '/queue', 'staff');
        await check(page, `/cases/${model}`, 'staff');
        await page.locator('#actions-heading ~ .ams-action-group button').first().click();
        await page.locator('#transition-heading').waitFor();
        await expectAccessible(page, `${language} staff transition form`);
        await page.setViewportSize(PHONE);
        await check(page, '/queue', 'staff at 375 px');
        await page.locator('.ams-page-header__mega-menu-button').click();
        await expectAccessible(page, `${language} staff /queue at 375 px, menu open`);
      });
    });

    it('budget holder: cases in my domains, case detail with the funding form', async () => {
      await asUser('budgetEnergy', async (page) => {
        await check(page, '/cases', 'budget holder');
        await check(page, `/cases/${model}`, 'budget holder');
      });
    });

    it('auditor: audit log, verify (with a result), exports, case detail with its trail', async () => {
      await asUser('auditor', async (page) => {
        for (const path of [
          '/audit',
          '/exports',
          `/cases/${model}`,
          '/audit/bundle',
          '/audit/verify',
        ]) {
          await check(page, path, 'auditor');
        }
        await page.locator('main form button[type="submit"]').click();
        await page.getByTestId('verify-result').waitFor();
        await expectAccessible(page, `${language} auditor verified`);
      });
    });
  });
}
