import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { Clock } from '../../src/common/clock';
import { expectAccessible, newContext, startUiApp, type UiApp } from '../support/browser';
import { DEMO, DEMO_PASSWORD } from '../support/test-app';

/**
 * Issue 17, item 5 (ADR 35) in Chromium: with MFA_REQUIRED_ROLES=admin an administrator is sent
 * to set up a second factor before anything else, gets the recovery codes once, and from then on
 * signs in in two steps; the API clients page shows a new secret once. Axe-checked, nl and en.
 */
describe('second factor in the browser', () => {
  let ui: UiApp;
  let offsetMs = 0;
  let secret = '';
  let recovery: string[] = [];

  beforeAll(async () => {
    ui = await startUiApp({ env: { MFA_REQUIRED_ROLES: 'admin' } });
    // Brug's clock, moved a 30-second step on between sign-ins (a code is accepted once).
    jest
      .spyOn(ui.t.app.get(Clock), 'now')
      .mockImplementation(() => new Date(Date.now() + offsetMs));
  });
  afterAll(() => ui.close());

  const codeNow = () =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offsetMs });

  async function passwordStep(page: Page, returnTo = '/'): Promise<void> {
    await page.goto(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
    await page.locator('#sign-in-email').fill(DEMO.admin);
    await page.locator('#sign-in-password').fill(DEMO_PASSWORD);
    await page.locator('form button[type="submit"]').click();
  }

  it('sends an admin without one to set it up first, and shows the recovery codes once', async () => {
    const context = await newContext(ui);
    const page = await context.newPage();
    await passwordStep(page, '/admin/users');
    await page.waitForURL('**/me/second-factor');
    await page.getByText('Uw rol vraagt om een tweede factor').waitFor();
    await expectAccessible(page, 'second factor required');
    // Any other page leads back here until it is set up.
    await page.goto('/admin/users');
    await page.waitForURL('**/me/second-factor');

    await page.getByRole('button', { name: 'Tweede factor instellen' }).click();
    const shown = await page.getByTestId('second-factor-secret').innerText();
    expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    secret = shown.replace(/ /g, '');
    expect(
      await page.getByRole('link', { name: 'Brug toevoegen aan de app' }).getAttribute('href'),
    ).toMatch(/^otpauth:\/\/totp\/Brug:admin%40brug\.example\?/);
    await expectAccessible(page, 'second factor set-up');
    await page.locator('#second-factor-code').fill(codeNow());
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    const codes = page.locator('section[aria-labelledby="recovery-heading"] li');
    await page.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor();
    recovery = await codes.allInnerTexts();
    expect(recovery).toHaveLength(10);
    await expectAccessible(page, 'recovery codes');

    // Set up: the rest of Brug opens.
    await page.goto('/admin/users');
    await page.getByRole('heading', { name: 'Gebruikers' }).waitFor();
    await context.close();
  });

  it('signs in in two steps: a wrong code is said in words, the right one lets in', async () => {
    offsetMs += 30_000;
    const context = await newContext(ui, { language: 'en' });
    const page = await context.newPage();
    await passwordStep(page, '/admin');
    await page.getByRole('heading', { name: 'Second step' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page, 'second step (en)');

    await page.locator('#sign-in-code').fill('000000');
    await page.locator('form button[type="submit"]').click();
    await page
      .getByRole('alert')
      .getByText('This code is not right, has been used already, or has expired.')
      .waitFor();

    await page.locator('#sign-in-code').fill(codeNow());
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    await context.close();
  });

  it('takes a recovery code instead, and the API clients page shows a new secret once', async () => {
    const context = await newContext(ui);
    const page = await context.newPage();
    await passwordStep(page, '/admin/api-clients');
    await page.getByRole('heading', { name: 'Tweede stap' }).waitFor();
    await page.locator('#sign-in-code').fill(recovery[0]!);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL('**/admin/api-clients');
    await page.getByRole('heading', { name: 'API-koppelingen' }).waitFor();

    await page.getByRole('button', { name: 'Koppeling toevoegen' }).click();
    await page.locator('#api-client-name').fill('Financieel systeem Energie');
    await page.locator('#api-client-role').selectOption('budget_holder');
    await page
      .locator('#api-client-organisationUnitId')
      .selectOption({ label: 'Inkoop Duurzaamheid en Energie' });
    // The design system draws its own box over the native checkbox: click the label.
    const form = page.getByTestId('api-client-form');
    await form.locator('label', { hasText: 'Schone energie' }).click();
    await form.locator('button[type="submit"]').click();
    const notice = page.getByTestId('api-client-secret');
    await notice.waitFor();
    const shownSecret = await notice.locator('code').nth(1).innerText();
    expect(shownSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page
      .getByTestId('admin-api-clients')
      .getByRole('cell', { name: /^Financieel systeem Energie/ })
      .waitFor();
    await expectAccessible(page, 'API clients');
    // Shown once: after a reload only its dates are left.
    await page.reload();
    await page.getByTestId('admin-api-clients').waitFor();
    expect(await page.content()).not.toContain(shownSecret);
    await context.close();
  });
});
