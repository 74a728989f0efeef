import type { BrowserContext, Page } from 'playwright-core';
import { IdentityMappingsService } from '../../src/auth/oidc/identity-mappings.service';
import { SYSTEM_ACTOR } from '../../src/database/unit-of-work';
import { DataSource } from 'typeorm';
import {
  eventually,
  expectAccessible,
  newContext,
  signIn,
  startUiApp,
  type UiApp,
} from '../support/browser';
import { sparePort, startProvider, type TestProvider } from '../support/oidc-provider';
import { expectProblem } from '../support/problem';
import { DEMO, DEMO_PASSWORD } from '../support/test-app';

const SUPPORT = 'functioneel beheer, beheer@meentcoop.example';
const SECRET = 'a-test-secret-of-the-provider-only';

/** The provider's settings for a Brug at `base`. */
const providerEnv = (issuer: string): Record<string, string> => ({
  OIDC_PROVIDERS: 'meentcoop',
  OIDC_MEENTCOOP_ISSUER: issuer,
  OIDC_MEENTCOOP_CLIENT_ID: 'brug',
  OIDC_MEENTCOOP_CLIENT_SECRET: SECRET,
  OIDC_MEENTCOOP_SCOPES: 'openid email profile groups',
  OIDC_MEENTCOOP_DISPLAY_NAME: 'MeentCoop',
  OIDC_SUPPORT_CONTACT: SUPPORT,
});

/** `groups: meentcoop-energy` → staff of the MeentCoop energy team (as an admin would map it). */
async function mapEnergyTeam(ui: UiApp): Promise<void> {
  const [team] = await ui.t.app
    .get(DataSource)
    .query<{ id: string }[]>(`SELECT id FROM organisation_units WHERE code = 'meentcoop-energy'`);
  await ui.t.app.get(IdentityMappingsService).create(SYSTEM_ACTOR, {
    provider: 'meentcoop',
    claimValue: 'meentcoop-energy',
    role: 'staff',
    organisationUnitId: team!.id,
    domains: [],
  });
}

/** At the provider's own login page (another origin): its form, any password. */
async function loginAtProvider(page: Page, provider: TestProvider, login: string): Promise<void> {
  await page.waitForURL((url) => url.origin === provider.issuer, { waitUntil: 'domcontentloaded' });
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
}

/**
 * Issue 17 in Chromium against a real OpenID provider (oidc-provider in its own process).
 * Acceptance 1: the provider's button → its login page → back in Brug as staff of
 * meentcoop-energy from a `groups` claim → /me shows it; the session cookie is HttpOnly, Secure,
 * SameSite=Lax, `__Host-`; nothing of the session in sessionStorage or localStorage. The problem
 * page for someone whose groups map to nothing (with whom to ask), "my sessions", and signing
 * out through the provider's end_session_endpoint (acceptance 4, second half). Acceptance 7 in
 * the browser: with PASSWORD_SIGNIN=false the form is gone and the provider's button still works.
 * Axe-checked, nl and en.
 */
describe('single sign-on in the browser', () => {
  let provider: TestProvider;
  let ui: UiApp;
  let ssoOnly: UiApp;
  let base: string;
  let ssoOnlyBase: string;

  beforeAll(async () => {
    const [port, ssoOnlyPort] = [await sparePort(), await sparePort()];
    base = `http://127.0.0.1:${port}`;
    ssoOnlyBase = `http://127.0.0.1:${ssoOnlyPort}`;
    provider = await startProvider({
      clientId: 'brug',
      clientSecret: SECRET,
      redirectUris: [base, ssoOnlyBase].map((b) => `${b}/api/v1/auth/oidc/meentcoop/callback`),
      postLogoutRedirectUris: [base, ssoOnlyBase].map((b) => `${b}/sign-in?signedOut=1`),
      accounts: {
        anna: {
          email: 'anna@meentcoop.example',
          name: 'Anna Energie',
          groups: ['meentcoop-energy', 'all-staff'],
        },
        nobody: { email: 'nobody@meentcoop.example', name: 'Niemand', groups: ['elsewhere'] },
      },
    });
    ui = await startUiApp({ port, env: { PUBLIC_URL: base, ...providerEnv(provider.issuer) } });
    await mapEnergyTeam(ui);
  });
  afterAll(async () => {
    await ui?.close();
    await ssoOnly?.close();
    provider?.process.kill();
  });

  async function inContext<T>(
    app: UiApp,
    language: 'nl' | 'en',
    work: (page: Page, context: BrowserContext) => Promise<T>,
  ): Promise<T> {
    const context = await newContext(app, { language });
    try {
      return await work(await context.newPage(), context);
    } finally {
      await context.close();
    }
  }

  it('acceptance 1: the provider’s button → its login page → /me as staff of the energy team, cookie only', async () => {
    await inContext(ui, 'nl', async (page, context) => {
      await page.goto('/sign-in?returnTo=%2Fme');
      const button = page.getByRole('link', { name: 'Inloggen met MeentCoop' });
      await button.waitFor();
      // Both ways in: the provider's button and, allowed here, the form.
      await page.locator('#sign-in-email').waitFor();
      await expectAccessible(page, 'nl sign-in with a provider');

      await button.click();
      await loginAtProvider(page, provider, 'anna');
      await page.waitForURL(`${base}/me`);
      await page.getByRole('heading', { level: 1, name: 'Wie ben ik' }).waitFor();
      const main = page.locator('main');
      await main.getByText('Anna Energie').waitFor();
      await main.getByText('MeentCoop-medewerker', { exact: true }).waitFor();
      await main.getByText('MeentCoop Energie', { exact: true }).waitFor();
      await expectAccessible(page, 'nl /me after signing in with a provider');

      const cookies = await context.cookies(base);
      const cookie = cookies.find((c) => c.name === '__Host-brug_session');
      expect(cookie).toMatchObject({
        httpOnly: true,
        secure: true,
        sameSite: 'Lax',
        path: '/',
        domain: '127.0.0.1',
      });
      // Not even the page can read it.
      // Not even the page's scripts can read it (the tests' tsconfig has no DOM: strings).
      expect(await page.evaluate<string>('document.cookie')).not.toContain('brug_session');
      const storage = await page.evaluate<Record<string, string>>(`(() => {
        const all = {};
        for (const store of [sessionStorage, localStorage]) {
          for (let i = 0; i < store.length; i++) all[store.key(i)] = store.getItem(store.key(i));
        }
        return all;
      })()`);
      const csrf = await page.evaluate<string>(
        "fetch('/api/v1/auth/session').then((r) => r.json()).then((s) => s.csrfToken)",
      );
      expect(csrf).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      for (const [key, value] of Object.entries(storage)) {
        expect(key).not.toMatch(/session|token|csrf|auth/i);
        expect(value).not.toContain(cookie!.value);
        expect(value).not.toContain(csrf);
      }
    });
  });

  it('my sessions: the provider’s session, marked as this one; another one ended', async () => {
    await inContext(ui, 'en', async (page) => {
      await page.goto('/sign-in?returnTo=%2Fme%2Fsessions');
      await page.getByRole('link', { name: 'Sign in with MeentCoop' }).click();
      await loginAtProvider(page, provider, 'anna');
      await page.waitForURL(`${base}/me/sessions`);
      // And another session of hers, in another browser.
      await inContext(ui, 'nl', async (elsewhere) => {
        await elsewhere.goto('/sign-in?returnTo=%2Fme');
        await elsewhere.getByRole('link', { name: 'Inloggen met MeentCoop' }).click();
        await loginAtProvider(elsewhere, provider, 'anna');
        await elsewhere.waitForURL(`${base}/me`);
      });
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'My sessions' }).waitFor();
      const table = page.getByTestId('my-sessions');
      const current = table.locator('tr[data-current="true"]');
      await current.getByText('This session').waitFor();
      await current.getByText('Organisation (meentcoop)').waitFor();
      const rows = table.locator('tbody tr');
      await expect(rows.count()).resolves.toBeGreaterThanOrEqual(2);
      await expectAccessible(page, 'en my sessions');
      const other = table.locator('tbody tr:not([data-current])').first();
      const before = await rows.count();
      await other.getByRole('button', { name: /^End/ }).click();
      await page.getByTestId('sessions-notice').getByText('The session has been ended.').waitFor();
      await eventually(async () => expect(await rows.count()).toBe(before - 1));
    });
  });

  it('acceptance 4 (second half): signing out goes to the provider’s end-session page and back', async () => {
    await inContext(ui, 'nl', async (page, context) => {
      await page.goto('/sign-in?returnTo=%2Fme');
      await page.getByRole('link', { name: 'Inloggen met MeentCoop' }).click();
      await loginAtProvider(page, provider, 'anna');
      await page.waitForURL(`${base}/me`);
      await page.getByRole('heading', { level: 1, name: 'Wie ben ik' }).waitFor();

      await page.getByRole('link', { name: 'Afmelden' }).first().click();
      await page.waitForURL(
        (url) => url.origin === provider.issuer && url.pathname === '/session/end',
        { waitUntil: 'domcontentloaded' },
      );
      // Brug's session ended before the browser left.
      expect(
        (await context.cookies(base)).find((c) => c.name === '__Host-brug_session'),
      ).toBeUndefined();
      await page.locator('button[name="logout"][value="yes"]').click();
      await page.waitForURL(`${base}/sign-in?signedOut=1`);
      await page.getByText('U bent afgemeld bij Brug en bij uw organisatie.').waitFor();
      await expectAccessible(page, 'nl signed out through the provider');
      // Signed out at the provider too: its button asks for the login again.
      await page.getByRole('link', { name: 'Inloggen met MeentCoop' }).click();
      await page.waitForURL((url) => url.origin === provider.issuer, {
        waitUntil: 'domcontentloaded',
      });
      await page.locator('input[name="login"]').waitFor();
    });
  });

  it('someone whose groups map to nothing: the problem page says so and whom to ask, no session', async () => {
    for (const language of ['en', 'nl'] as const) {
      await inContext(ui, language, async (page, context) => {
        await page.goto('/sign-in');
        await page
          .getByRole('link', {
            name: language === 'en' ? 'Sign in with MeentCoop' : 'Inloggen met MeentCoop',
          })
          .click();
        await loginAtProvider(page, provider, 'nobody');
        await page.waitForURL((url) => url.pathname === '/sign-in/problem');
        expect(new URL(page.url()).searchParams.get('code')).toBe('no_mapping');
        const problem = page.getByTestId('sign-in-problem');
        await problem
          .getByText(
            language === 'en'
              ? 'You have signed in at your organisation, but you have no access to Brug (yet)'
              : 'U bent bij uw organisatie ingelogd, maar u hebt (nog) geen toegang tot Brug',
            { exact: false },
          )
          .waitFor();
        expect(await page.getByTestId('sign-in-problem-contact').innerText()).toContain(SUPPORT);
        await expectAccessible(page, `${language} sign-in problem`);
        expect(
          (await context.cookies(base)).find((c) => c.name === '__Host-brug_session'),
        ).toBeUndefined();
        // Nothing behind sign-in opens.
        await page.goto('/me');
        await page.waitForURL((url) => url.pathname === '/sign-in');
      });
    }
  });

  it('an administrator keeps the identity mappings and signs a user out in every browser', async () => {
    for (const language of ['nl', 'en'] as const) {
      await inContext(ui, language, async (page) => {
        await signIn(page, 'admin', '/admin');
        await page
          .getByRole('link', {
            name: language === 'nl' ? 'Inloggen via organisaties' : 'Sign-in through organisations',
          })
          .click();
        await page.waitForURL('**/admin/identity-mappings');
        const table = page.getByTestId('admin-identity-mappings');

        await table.getByRole('cell', { name: 'meentcoop-energy', exact: true }).waitFor();
        await expectAccessible(page, `${language} identity mappings`);
      });
    }
    await inContext(ui, 'nl', async (page) => {
      await signIn(page, 'admin', '/admin/identity-mappings');
      const table = page.getByTestId('admin-identity-mappings');
      await page.getByRole('button', { name: 'Claimwaarde koppelen' }).click();
      const form = page.getByTestId('identity-mapping-form');
      // An empty claim value: said at the field.
      await form.locator('button[type="submit"]').click();
      await page.locator('.ams-error-message, [id$="-error"]').first().waitFor();
      await expectAccessible(page, 'nl identity mapping with errors');
      await page.locator('#identity-mapping-claimValue').fill('energie-budget');
      await page.locator('#identity-mapping-role').selectOption('budget_holder');
      await form.locator('label', { hasText: 'Schone energie' }).click();
      await form.locator('button[type="submit"]').click();
      await page
        .getByTestId('admin-saved')
        .getByText('meentcoop: energie-budget is toegevoegd.')
        .waitFor();
      const row = table.locator('tr', { hasText: 'energie-budget' });
      await row.getByRole('cell', { name: 'Budgethouder', exact: true }).waitFor();
      await row.getByRole('cell', { name: 'Schone energie', exact: true }).waitFor();

      // The same value again: refused in words.
      await page.getByRole('button', { name: 'Claimwaarde koppelen' }).click();
      await page.locator('#identity-mapping-claimValue').fill('energie-budget');
      await page.locator('#identity-mapping-role').selectOption('budget_holder');
      await form.locator('label', { hasText: 'Schone energie' }).click();
      await form.locator('button[type="submit"]').click();
      await form
        .getByRole('alert')
        .getByText('Er is al een koppeling voor deze claimwaarde van deze aanbieder.')
        .waitFor();
      await form.getByRole('button', { name: 'Annuleren' }).click();

      // Changed: now staff of the energy team (applies at the next sign-in).
      await row.getByRole('button', { name: /^Wijzigen/ }).click();
      await page.locator('#identity-mapping-role').selectOption('staff');
      await page
        .locator('#identity-mapping-organisationUnitId')
        .selectOption({ label: 'MeentCoop Energie (MeentCoop)' });
      await form.locator('button[type="submit"]').click();
      await page.getByTestId('admin-saved').getByText('De wijziging is opgeslagen.').waitFor();
      await row.getByRole('cell', { name: 'MeentCoop-medewerker', exact: true }).waitFor();
      await row.getByRole('cell', { name: 'MeentCoop Energie (MeentCoop)', exact: true }).waitFor();

      // Removed, after saying what that means.
      await row.getByRole('button', { name: /^Verwijderen/ }).click();
      const confirm = page.getByTestId('identity-mapping-remove');
      await confirm.getByText('Wie alleen via deze waarde toegang had', { exact: false }).waitFor();
      await expectAccessible(page, 'nl identity mapping removal');
      await confirm.getByRole('button', { name: 'Ja, verwijderen' }).click();
      await page
        .getByTestId('admin-saved')
        .getByText('De koppeling meentcoop: energie-budget is verwijderd.')
        .waitFor();
      await eventually(async () => expect(await row.count()).toBe(0));

      // Anna, signed in in another browser: ended from the users page.
      await inContext(ui, 'nl', async (elsewhere) => {
        await elsewhere.goto('/sign-in?returnTo=%2Fme');
        await elsewhere.getByRole('link', { name: 'Inloggen met MeentCoop' }).click();
        await loginAtProvider(elsewhere, provider, 'anna');
        await elsewhere.waitForURL(`${base}/me`);
      });
      const db = ui.t.app.get(DataSource);
      const open = async () =>
        Number(
          (
            await db.query<{ n: string }[]>(
              `SELECT count(*) AS n FROM web_sessions s JOIN users u ON u.id = s.user_id
                WHERE u.email = 'anna@meentcoop.example' AND s.ended_at IS NULL`,
            )
          )[0]!.n,
        );
      expect(await open()).toBeGreaterThan(0);
      await page.goto('/admin/users?role=staff');
      const users = page.getByTestId('admin-users');
      await users
        .locator('tr', { hasText: 'anna@meentcoop.example' })
        .getByRole('button', { name: /^Afmelden in alle browsers/ })
        .click();
      await page
        .getByTestId('admin-saved')
        .getByText('Anna Energie is in alle browsers afgemeld.')
        .waitFor();
      expect(await open()).toBe(0);
    });
  });

  it('acceptance 7: with PASSWORD_SIGNIN=false the form is gone, the password routes 404, SSO works', async () => {
    ssoOnly = await startUiApp({
      port: Number(new URL(ssoOnlyBase).port),
      env: { PUBLIC_URL: ssoOnlyBase, PASSWORD_SIGNIN: 'false', ...providerEnv(provider.issuer) },
    });
    await mapEnergyTeam(ssoOnly);
    expectProblem(
      await ssoOnly.t
        .http()
        .post('/api/v1/auth/token')
        .send({ email: DEMO.staff, password: DEMO_PASSWORD }),
      404,
    );
    expectProblem(
      await ssoOnly.t
        .http()
        .post('/api/v1/auth/session')
        .set('Origin', ssoOnlyBase)
        .send({ email: DEMO.staff, password: DEMO_PASSWORD }),
      404,
    );
    for (const language of ['nl', 'en'] as const) {
      await inContext(ssoOnly, language, async (page) => {
        await page.goto('/sign-in?returnTo=%2Fme');
        const button = page.getByRole('link', {
          name: language === 'en' ? 'Sign in with MeentCoop' : 'Inloggen met MeentCoop',
        });
        await button.waitFor();
        expect(await page.locator('#sign-in-email, #sign-in-password').count()).toBe(0);
        expect(await page.locator('main form').count()).toBe(0);
        await expectAccessible(page, `${language} sign-in, SSO only`);
        await button.click();
        await loginAtProvider(page, provider, 'anna');
        await page.waitForURL(`${ssoOnlyBase}/me`);
        await page
          .getByRole('heading', { level: 1, name: language === 'en' ? 'Who am I' : 'Wie ben ik' })
          .waitFor();
      });
    }
  });
});
