import type { Page } from 'playwright-core';
import { bearer, fileCase } from '../support/factories';
import {
  eventually,
  expectAccessible,
  newContext,
  signIn,
  startUiApp,
  type UiApp,
} from '../support/browser';

/**
 * Issue 19, acceptance 6: an administrator, using only the web UI, creates a MeentCoop team and
 * a staff member in it, adds a routing rule and moves it up until it is tried first, asks "which
 * team would this case go to?" of the model case (and of a small draft), and sees the next filed
 * case go to that team, with the new staff member as its MeentCoop contact. The workflow's
 * workers route (WORKERS=on). In Dutch and in English, axe clean.
 */
const TEXT = {
  nl: {
    addUnit: 'Afdeling of team toevoegen',
    addUser: 'Gebruiker toevoegen',
    addRule: 'Regel toevoegen',
    save: 'Opslaan',
    moveUp: 'Omhoog',
    leadDomains: 'Leidend domein is een van',
    energy: 'Schone energie',
    tryRules: 'Regels proberen',
    value: '1.000.000',
    small: '5.000',
    placeFirst: 'staat nu op plaats 1 van 5',
    byRule: 'volgens de regel',
    matches: 'Past',
    missesValue: 'Past niet: Geschatte waarde vanaf',
  },
  en: {
    addUnit: 'Add a unit or team',
    addUser: 'Add a user',
    addRule: 'Add a rule',
    save: 'Save',
    moveUp: 'Move up',
    leadDomains: 'Lead domain is one of',
    energy: 'Clean energy',
    tryRules: 'Try the rules',
    value: '1,000,000',
    small: '5,000',
    placeFirst: 'is now in place 1 of 5',
    byRule: 'by the rule',
    matches: 'Matches',
    missesValue: 'Does not match: Estimated value from',
  },
} as const;

describe.each(['nl', 'en'] as const)('the administrator routes by the web UI (%s)', (language) => {
  let ui: UiApp;
  const text = TEXT[language];
  beforeAll(async () => {
    ui = await startUiApp({ env: { WORKERS: 'on', RELAY_POLL_MS: '200' } });
  });
  afterAll(() => ui.close());

  async function settled(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await page.locator('.brug-loading').first().waitFor({ state: 'detached' });
  }

  async function open(page: Page, path: string): Promise<void> {
    await page.goto(path);
    await settled(page);
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
  }

  async function caseOf(id: string): Promise<{ status: string; team: { name: string } | null }> {
    const response = await ui.t
      .http()
      .get(`/api/v1/cases/${id}`)
      .set(await bearer(ui.t, 'admin'))
      .expect(200);
    return response.body as { status: string; team: { name: string } | null };
  }

  it('creates a team, a user in it and a rule tried first; the dry run and the next case agree', async () => {
    // The model case, filed before the new rule and routed by the seeded energy rule.
    const model = await fileCase(ui.t, 'buyer');
    await eventually(async () =>
      expect((await caseOf(model.id)).team?.name).toBe('MeentCoop Energie'),
    );

    const teamName = `MeentCoop Grote projecten ${language}`;
    const userName = `Gert Groot ${language}`;
    const ruleName = `Grote energieaanbestedingen ${language}`;
    const context = await newContext(ui, { language });
    try {
      const page = await context.newPage();
      await signIn(page, 'admin');

      // 1. A MeentCoop team.
      await open(page, '/admin/teams');
      await page.getByRole('button', { name: text.addUnit }).click();
      await page.locator('#unit-kind').selectOption('meentcoop_team');
      await page.locator('#unit-code').fill(`meentcoop-groot-${language}`);
      await page.locator('#unit-name').fill(teamName);
      await page.getByTestId('unit-form').getByRole('button', { name: text.save }).click();
      await page.getByTestId('unit-form').waitFor({ state: 'detached' });
      await page
        .getByTestId('admin-units-meentcoop_team')
        .getByRole('cell', { name: teamName, exact: true })
        .waitFor();

      // 2. A staff member in it.
      await open(page, '/admin/users');
      await page.getByRole('button', { name: text.addUser }).click();
      await page.getByTestId('user-form').waitFor();
      await page.locator('#user-name').fill(userName);
      await page.locator('#user-email').fill(`gert.groot.${language}@meentcoop.example`);
      await page.locator('#user-role').selectOption('staff');
      await page
        .locator('#user-organisationUnitId')
        .selectOption({ label: `${teamName} (MeentCoop)` });
      await page.locator('#user-password').fill('een-lang-genoeg-wachtwoord');
      await page.getByTestId('user-form').getByRole('button', { name: text.save }).click();
      await page.getByTestId('user-form').waitFor({ state: 'detached' });
      await page
        .getByTestId('admin-users')
        .getByText(`gert.groot.${language}@meentcoop.example`)
        .waitFor();

      // 3. A rule for large energy cases, added last and moved up until it is tried first.
      await open(page, '/admin/routing');
      await page.getByRole('button', { name: text.addRule }).click();
      await page.getByTestId('rule-form').waitFor();
      await page.locator('#rule-name').fill(ruleName);
      await page.locator('#rule-teamId').selectOption({ label: teamName });
      // The lead domain energy (the design system draws its own box: click the label).
      await page
        .getByRole('group', { name: text.leadDomains })
        .locator('label', { hasText: text.energy })
        .click();
      await page.locator('#rule-minValueCents').fill(text.value);
      await page.getByTestId('rule-form').getByRole('button', { name: text.save }).click();
      await page.getByTestId('rule-form').waitFor({ state: 'detached' });
      const rows = page.getByTestId('admin-rules').locator('tbody tr');
      await rows.filter({ hasText: ruleName }).waitFor();
      expect(await rows.last().innerText()).toContain(ruleName);
      const up = page.getByRole('button', {
        name: new RegExp(`^${text.moveUp}\\s*:\\s*${ruleName}$`),
      });
      for (let place = 4; place >= 1; place--) {
        await up.click();
        await eventually(async () =>
          expect(await rows.nth(place - 1).innerText()).toContain(ruleName),
        );
      }
      expect(await page.getByTestId('admin-saved').first().innerText()).toContain(text.placeFirst);
      // First: nothing to move it above any more.
      expect(await up.count()).toBe(0);
      await expectAccessible(page, `${language} routing rules, the new one first`);

      // 4. Which team would the model case go to now? The new rule's.
      await page.locator('#dry-run-caseId').fill(model.reference);
      await page.getByRole('button', { name: text.tryRules }).click();
      const verdict = page.getByTestId('dry-run-verdict');
      await verdict.waitFor();
      expect(await verdict.innerText()).toContain(teamName);
      expect(await verdict.innerText()).toContain(`${text.byRule} “${ruleName}”`);
      expect(await page.getByTestId('dry-run-result').innerText()).toContain(model.reference);
      const tried = page.getByTestId('dry-run-tried').locator('tbody tr');
      expect(await tried.count()).toBe(1);
      expect(await tried.first().innerText()).toContain(text.matches);
      await expectAccessible(page, `${language} dry run of the model case`);

      // A small draft misses the new rule on its value and goes on to the energy team.
      await page.locator('#dry-run-mode').selectOption('draft');
      await page.locator('#dry-run-leadDomain').selectOption('energy');
      await page.locator('#dry-run-estimatedValueCents').fill(text.small);
      await page.locator('#dry-run-priority').selectOption('normal');
      await page.getByRole('button', { name: text.tryRules }).click();
      await verdict.waitFor();
      expect(await verdict.innerText()).toContain('MeentCoop Energie');
      expect(await tried.count()).toBe(2);
      expect(await tried.first().innerText()).toContain(text.missesValue);
      await expectAccessible(page, `${language} dry run of a draft`);

      // Nothing was routed again by trying: the model case stays with the energy team.
      expect((await caseOf(model.id)).team?.name).toBe('MeentCoop Energie');

      // 5. The next filed case goes to the new team, with the new staff member as its contact.
      const next = await fileCase(ui.t, 'buyer');
      await open(page, `/cases/${next.reference}`);
      await page.getByTestId('koppel-meentcoop').getByText(userName).waitFor({ timeout: 90_000 });
      expect(await page.getByTestId('koppel').innerText()).toContain(teamName);
      expect((await caseOf(next.id)).team?.name).toBe(teamName);
      await expectAccessible(page, `${language} the next case, routed to the new team`);
    } finally {
      await context.close();
    }
  });
});
