import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bearer } from '../support/factories';
import {
  expectAccessible,
  newContext,
  PHONE,
  signIn,
  startUiApp,
  type UiApp,
} from '../support/browser';

/**
 * Issue 13, item 19: every address of the web UI renders a page. An administrator manages
 * users, domains, teams and routing in the browser (changes with If-Match, a 412 shown as
 * "someone else changed this" and re-applied), /me links to those pages, /admin/queues opens
 * the board for an admin and says "no access" to anyone else (a page, not JSON), unknown
 * addresses get the not-found page. In Dutch and in English, axe clean on every page.
 */
const TEXT = {
  nl: {
    admin: 'Beheer',
    addDomain: 'Domein toevoegen',
    addUser: 'Gebruiker toevoegen',
    save: 'Opslaan',
    saveAgain: 'Opnieuw opslaan',
    edit: 'Wijzigen',
    saved: 'De wijziging is opgeslagen.',
    conflict: 'Iemand anders heeft dit intussen gewijzigd',
    openBoard: 'Wachtrijen openen',
    noAccess: 'Geen toegang',
    notFound: 'Niet gevonden',
    boardTitle: 'Wachtrijen',
    errorSummary: 'Verbeter de fouten voordat u verdergaat',
  },
  en: {
    admin: 'Administration',
    addDomain: 'Add a domain',
    addUser: 'Add a user',
    save: 'Save',
    saveAgain: 'Save again',
    edit: 'Edit',
    saved: 'The change has been saved.',
    conflict: 'Someone else changed this meanwhile',
    openBoard: 'Open the queues',
    noAccess: 'No access',
    notFound: 'Not found',
    boardTitle: 'Queues',
    errorSummary: 'Fix the errors before you continue',
  },
} as const;

/** How many pages the overview lists: the entries of ADMIN_PAGES in the web UI's source. */
const ADMIN_PAGE_COUNT = (
  readFileSync(join(__dirname, '../../web/src/admin/admin-overview-page.tsx'), 'utf8').match(
    /\{ to: '\/admin\//g,
  ) ?? []
).length;

interface Rule {
  id: string;
  name: string;
  position: number;
  version: number;
}
interface UnitRow {
  id: string;
  code: string;
  name: string;
}

describe.each(['nl', 'en'] as const)('administration in the browser (%s)', (language) => {
  let ui: UiApp;
  const text = TEXT[language];
  beforeAll(async () => {
    ui = await startUiApp();
  });
  afterAll(() => ui.close());

  /** A row's edit button: "Wijzigen" and, for screen readers, the row's name. */
  const editOf = (name: string) =>
    new RegExp(`^${text.edit}\\s*:\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

  async function settled(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await page.locator('.brug-loading').first().waitFor({ state: 'detached' });
  }

  async function open(page: Page, path: string): Promise<void> {
    await page.goto(path);
    await settled(page);
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    await expectAccessible(page, `${language} admin ${path}`);
  }

  async function asUser(who: 'admin' | 'buyer', work: (page: Page) => Promise<void>) {
    const context = await newContext(ui, { language });
    try {
      const page = await context.newPage();
      await signIn(page, who);
      await work(page);
    } finally {
      await context.close();
    }
  }

  async function api<T>(path: string): Promise<T> {
    const response = await ui.t
      .http()
      .get(`/api/v1${path}`)
      .set(await bearer(ui.t, 'admin'))
      .expect(200);
    return response.body as T;
  }

  it('links /me and the menu to the administration, whose overview lists every page', async () => {
    await asUser('admin', async (page) => {
      await open(page, '/me');
      const links = page.getByTestId('admin-links').getByRole('link');
      expect(ADMIN_PAGE_COUNT).toBeGreaterThanOrEqual(7);
      expect(await links.count()).toBe(ADMIN_PAGE_COUNT);
      const menu = page.locator('nav.ams-menu--in-wide-window');
      await menu.getByRole('link', { name: text.admin }).click();
      await page.waitForURL((url) => url.pathname === '/admin');
      await settled(page);
      expect(await page.locator('main h1').innerText()).toBe(text.admin);
      await expectAccessible(page, `${language} admin overview`);
      expect(await page.getByTestId('admin-links').getByRole('link').count()).toBe(
        ADMIN_PAGE_COUNT,
      );
    });
  });

  it('creates a domain (first with the errors shown in words) and a user who holds it', async () => {
    const code = `stadsdorpen-${language}`;
    const nameNl = `Stadsdorpen ${language}`;
    const nameEn = `City villages ${language}`;
    const shown = language === 'nl' ? nameNl : nameEn;
    await asUser('admin', async (page) => {
      await open(page, '/admin/domains');
      await page.getByRole('button', { name: text.addDomain }).click();
      await page.getByTestId('domain-form').waitFor();
      await expectAccessible(page, `${language} domain form`);
      // Sent empty: the API's refusals, worded in the page's language, next to each field.
      await page.getByTestId('domain-form').getByRole('button', { name: text.save }).click();
      await page.locator('.ams-invalid-form-alert').waitFor();
      expect(await page.locator('.ams-invalid-form-alert').innerText()).toContain(
        text.errorSummary,
      );
      expect(await page.locator('main').innerText()).not.toMatch(/must |should /);
      await expectAccessible(page, `${language} domain form with errors`);

      await page.locator('#domain-code').fill(code);
      await page.locator('#domain-nameNl').fill(nameNl);
      await page.locator('#domain-nameEn').fill(nameEn);
      await page.getByTestId('domain-form').getByRole('button', { name: text.save }).click();
      await page.getByTestId('domain-form').waitFor({ state: 'detached' });
      await page.getByTestId('admin-domains').getByText(code, { exact: true }).waitFor();
      expect(await page.getByTestId('admin-saved').innerText()).toContain(shown);

      const email = `stadsdorp.${language}@brug.example`;
      const name = `Sanne Stadsdorp ${language}`;
      await open(page, '/admin/users');
      await page.getByRole('button', { name: text.addUser }).click();
      await page.getByTestId('user-form').waitFor();
      await page.locator('#user-name').fill(name);
      await page.locator('#user-email').fill(email);
      await page.locator('#user-role').selectOption('budget_holder');
      // The design system draws its own box over the native checkbox: click the label.
      await page.getByTestId('user-form').locator('label', { hasText: shown }).click();
      expect(await page.getByTestId('user-form').getByLabel(shown).isChecked()).toBe(true);
      await expectAccessible(page, `${language} user form`);
      await page.getByTestId('user-form').getByRole('button', { name: text.save }).click();
      await page.getByTestId('user-form').waitFor({ state: 'detached' });
      await page.getByTestId('admin-users').getByText(email).waitFor();
      const users = await api<{ items: { email: string; role: string; domains: string[] }[] }>(
        '/users?role=budget_holder&pageSize=100',
      );
      expect(users.items.find((u) => u.email === email)).toMatchObject({
        role: 'budget_holder',
        domains: [code],
      });
    });
  });

  it('renames a team (If-Match) and works at 375 px', async () => {
    const teams = await api<{ items: UnitRow[] }>('/teams');
    const team = teams.items.find((u) => u.code === 'meentcoop-energy')!;
    const renamed = `${team.name} (${language})`;
    await asUser('admin', async (page) => {
      await open(page, '/admin/teams');
      await page
        .getByTestId('admin-units-meentcoop_team')
        .getByRole('button', { name: editOf(team.name) })
        .click();
      await page.locator('#unit-name').fill(renamed);
      await page.getByTestId('unit-form').getByRole('button', { name: text.save }).click();
      await page.getByTestId('unit-form').waitFor({ state: 'detached' });
      await page
        .getByTestId('admin-units-meentcoop_team')
        .getByRole('cell', { name: renamed, exact: true })
        .waitFor();
      expect(await page.getByTestId('admin-saved').innerText()).toContain(text.saved);
      const after = await api<UnitRow & { version: number }>(`/teams/${team.id}`);
      expect(after.name).toBe(renamed);

      await page.setViewportSize(PHONE);
      for (const path of ['/admin', '/admin/users', '/admin/teams', '/admin/routing']) {
        await open(page, path);
        const wide = await page.evaluate<number>('document.documentElement.scrollWidth');
        expect(wide).toBeLessThanOrEqual(PHONE.width);
      }
    });
  });

  it('changes a routing rule; a change by someone else meanwhile is shown and re-applied', async () => {
    const rules = await api<{ items: Rule[] }>('/routing-rules');
    const rule = rules.items[0]!;
    await asUser('admin', async (page) => {
      await open(page, '/admin/routing');
      await page
        .getByTestId('admin-rules')
        .getByRole('button', { name: editOf(rule.name) })
        .click();
      await page.getByTestId('rule-form').waitFor();
      await expectAccessible(page, `${language} rule form`);

      // A colleague renames the rule while the form is open.
      const colleague = `${rule.name} (${language}, collega)`;
      await ui.t
        .http()
        .patch(`/api/v1/routing-rules/${rule.id}`)
        .set(await bearer(ui.t, 'admin'))
        .set('If-Match', `"${rule.version}"`)
        .send({ name: colleague })
        .expect(200);

      const position = String(rule.position + 1);
      await page.locator('#rule-position').fill(position);
      await page.getByTestId('rule-form').getByRole('button', { name: text.save }).click();
      const conflict = page.getByTestId('admin-conflict');
      await conflict.waitFor();
      expect(await conflict.innerText()).toContain(text.conflict);
      expect(await conflict.innerText()).toContain(colleague);
      await expectAccessible(page, `${language} rule form after a conflict`);
      // The form stands on the new version, with the person's own change still in it.
      expect(await page.locator('#rule-name').inputValue()).toBe(colleague);
      expect(await page.locator('#rule-position').inputValue()).toBe(position);

      await page.getByTestId('rule-form').getByRole('button', { name: text.saveAgain }).click();
      await page.getByTestId('rule-form').waitFor({ state: 'detached' });
      const after = (await api<{ items: Rule[] }>('/routing-rules')).items.find(
        (r) => r.id === rule.id,
      )!;
      expect(after).toMatchObject({ name: colleague, position: rule.position + 1 });
      expect(after.version).toBe(rule.version + 2);
    });
  });

  it('opens the queue dashboard for an admin from /admin/queues in the browser', async () => {
    await asUser('admin', async (page) => {
      // Signed in with the web UI's session cookie (issue 17), /admin/queues opens the board.
      const direct = page.waitForResponse((r) => r.url().includes('/admin/queues/api/queues'));
      await page.goto('/admin/queues');
      expect((await direct).status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe('/admin/queues');
      // The web UI's page of the board, and its button, lead there too.
      await page.goto('/admin/queue-board');
      await settled(page);
      expect(await page.locator('main h1').innerText()).toBe(text.boardTitle);
      await expectAccessible(page, `${language} queue board page`);
      const board = page.waitForResponse((r) => r.url().includes('/admin/queues/api/queues'));
      await page.getByRole('button', { name: text.openBoard }).click();
      await page.waitForURL((url) => url.pathname === '/admin/queues');
      expect((await board).status()).toBe(200);
      await page.getByText('routing').first().waitFor();
    });
  });

  it('shows a buyer "no access" for /admin/queues and /admin, not JSON', async () => {
    await asUser('buyer', async (page) => {
      for (const path of ['/admin/queues', '/admin', '/admin/users']) {
        await page.goto(path);
        await page.getByTestId('no-access').waitFor();
        expect(await page.locator('main h1').innerText()).toBe(text.noAccess);
        expect(await page.locator('body').innerText()).not.toContain('"status"');
      }
      await expectAccessible(page, `${language} buyer /admin/queues`);
    });
  });

  it('renders the not-found page for unknown addresses, under /admin too', async () => {
    await asUser('admin', async (page) => {
      for (const path of ['/admin/unknown', '/unknown', '/something/unknown']) {
        await page.goto(path);
        await settled(page);
        expect(await page.locator('main h1').innerText()).toBe(text.notFound);
        await expectAccessible(page, `${language} ${path}`);
      }
    });
  });
});
