import type { Page } from 'playwright-core';
import { fileCase } from '../support/factories';
import { newContext, signIn, startUiApp, type UiApp } from '../support/browser';
import type { DemoUserKey } from '../support/test-app';

/**
 * Acceptance 6: a user without a role for a page gets a clear "no access" page, not a broken
 * one; pages follow the API's visibility; signing in and out.
 */
describe('access in the browser', () => {
  let ui: UiApp;
  beforeAll(async () => {
    ui = await startUiApp();
  });
  afterAll(() => ui.close());

  async function asUser<T>(who: DemoUserKey | null, work: (page: Page) => Promise<T>): Promise<T> {
    const context = await newContext(ui);
    try {
      const page = await context.newPage();
      if (who) await signIn(page, who);
      return await work(page);
    } finally {
      await context.close();
    }
  }

  async function expectNoAccess(page: Page, path: string): Promise<void> {
    await page.goto(path);
    const noAccess = page.getByTestId('no-access');
    await noAccess.waitFor();
    await expect(noAccess.locator('h1').innerText()).resolves.toBe('Geen toegang');
    await expect(noAccess.getByRole('link', { name: 'Naar uw startpagina' }).count()).resolves.toBe(
      1,
    );
    expect(await page.title()).toBe('Geen toegang · Brug');
  }

  it('shows "no access" for pages the role has no use for, and offers the way back', async () => {
    await asUser('buyer', async (page) => {
      await expectNoAccess(page, '/audit');
      await expectNoAccess(page, '/queue');
      await expectNoAccess(page, '/exports');
      // The menu offers none of them.
      const menu = page.locator('nav.ams-menu--in-wide-window');
      await expect(menu.getByRole('link', { name: 'Auditlog' }).count()).resolves.toBe(0);
      await expect(menu.getByRole('link', { name: 'Werkvoorraad' }).count()).resolves.toBe(0);
      await page.getByRole('link', { name: 'Naar uw startpagina' }).click();
      await page.waitForURL('**/cases');
    });
    await asUser('staff', (page) => expectNoAccess(page, '/cases/new'));
    await asUser('auditor', (page) => expectNoAccess(page, '/queue'));
    await asUser('budgetHousing', (page) => expectNoAccess(page, '/audit/verify'));
  });

  it('follows the API for cases a role may not see: not found, not an error', async () => {
    const other = await fileCase(ui.t, 'buyer2');
    await asUser('buyer', async (page) => {
      await page.goto(`/cases/${other.reference}`);
      await page.getByRole('heading', { name: 'Niet gevonden' }).waitFor();
    });
  });

  it('sends a signed-out visitor to sign in, and back to the page asked for', async () => {
    await asUser(null, async (page) => {
      await page.goto('/queue?overdue=true');
      await page.waitForURL('**/sign-in?**');
      expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/queue?overdue=true');
      await page.locator('#sign-in-email').fill('staff@brug.example');
      await page.locator('#sign-in-password').fill('not the password');
      await page.locator('form button[type="submit"]').click();
      await page.getByText('Het e-mailadres of het wachtwoord klopt niet.').waitFor();

      await signIn(page, 'staff', '/queue?overdue=true');
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/queue?overdue=true');
      await expect(page.locator('#queue-overdue').isChecked()).resolves.toBe(true);

      // Who am I, then sign out: back to the sign-in page, and the pages are closed again.
      await page.getByRole('link', { name: 'Sanne Meent' }).click();
      await page.getByRole('heading', { name: 'Wie ben ik' }).waitFor();
      await expect(page.locator('main').innerText()).resolves.toContain('MeentCoop-medewerker');
      await page.getByRole('link', { name: 'Afmelden' }).click();
      await page.waitForURL('**/sign-in');
      await page.goto('/queue');
      await page.waitForURL('**/sign-in?**');
    });
  });

  it('switches the interface to English and back', async () => {
    await asUser('buyer', async (page) => {
      await page.getByRole('link', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'My unit’s cases' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.reload();
      await page.getByRole('heading', { name: 'My unit’s cases' }).waitFor();
      await page.getByRole('link', { name: 'Nederlands' }).click();
      await page.getByRole('heading', { name: 'Zaken van mijn afdeling' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    });
  });
});
