import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { bearer } from '../support/factories';
import {
  expectAccessible,
  newContext,
  PHONE,
  signIn,
  startUiApp,
  type UiApp,
} from '../support/browser';
import { waitFor } from '../support/processes';

/**
 * Issue 19, item 6: a team's members in the administrator's web UI (/admin/teams). An admin
 * opens a MeentCoop team's members, adds a staff member of another team by email (moving them,
 * audited as `user.updated`), is told in words what went wrong (no email, an unknown one, taking
 * staff out of every team), and takes a budget holder out of a City unit. In Dutch and English,
 * axe clean, at 375 px.
 */
const TEXT = {
  nl: {
    members: 'Leden',
    add: 'Lid toevoegen',
    emailRequired: 'Vul een e-mailadres in.',
    unknown: 'Er is geen gebruiker met dit e-mailadres.',
    added: 'is nu lid van',
    remove: 'Uit',
    removed: 'is geen lid meer van',
    unitRequired: 'Kies een passende afdeling of een passend team.',
  },
  en: {
    members: 'Members',
    add: 'Add member',
    emailRequired: 'Enter an email address.',
    unknown: 'There is no user with this email address.',
    added: 'is now a member of',
    remove: 'Remove from',
    removed: 'is no longer a member of',
    unitRequired: 'Choose a suitable unit or team.',
  },
} as const;

interface UnitRow {
  id: string;
  code: string;
  name: string;
}

describe.each(['nl', 'en'] as const)('team members in the browser (%s)', (language) => {
  let ui: UiApp;
  const text = TEXT[language];
  beforeAll(async () => {
    ui = await startUiApp();
  });
  afterAll(() => ui.close());

  async function settled(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await page.locator('.brug-loading').first().waitFor({ state: 'detached' });
  }

  async function createUser(body: Record<string, unknown>): Promise<string> {
    const created = await ui.t
      .http()
      .post('/api/v1/users')
      .set(await bearer(ui.t, 'admin'))
      .send(body)
      .expect(201);
    return created.body.id as string;
  }

  it('adds a member by email, words the mistakes and takes a member out', async () => {
    const db = ui.t.app.get(DataSource);
    const units = (
      await ui.t
        .http()
        .get('/api/v1/organisation-units')
        .set(await bearer(ui.t, 'admin'))
        .expect(200)
    ).body.items as UnitRow[];
    const unit = (code: string) => units.find((u) => u.code === code)!;
    const energy = unit('meentcoop-energy');
    const care = unit('meentcoop-care');
    const city = unit('inkoop-duurzaamheid');
    const staffEmail = `verhuizer-${language}@brug.example`;
    const staffId = await createUser({
      email: staffEmail,
      name: `Vera Verhuizer ${language}`,
      role: 'staff',
      organisationUnitId: care.id,
    });
    const holderId = await createUser({
      email: `houder-${language}@brug.example`,
      name: `Hans Houder ${language}`,
      role: 'budget_holder',
      organisationUnitId: city.id,
      domains: ['energy'],
    });
    const unitOf = async (id: string) =>
      (
        await db.query<{ unit: string | null }[]>(
          `SELECT organisation_unit_id AS unit FROM users WHERE id = $1`,
          [id],
        )
      )[0]!.unit;

    const context = await newContext(ui, { language });
    try {
      const page = await context.newPage();
      await signIn(page, 'admin');
      await page.goto('/admin/teams');
      await settled(page);
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      await page
        .getByTestId('admin-units-meentcoop_team')
        .locator('tr', { hasText: energy.name })
        .getByRole('button', { name: new RegExp(`^${text.members}`) })
        .click();
      const members = page.getByTestId('admin-members');
      await members.waitFor();
      await expectAccessible(page, `${language} a team's members`);

      // The mistakes: no address, an address nobody has.
      const form = page.getByTestId('members-add');
      await form.getByRole('button', { name: text.add }).click();
      await page.locator('#members-email-error').waitFor();
      expect(await page.locator('#members-email-error').innerText()).toContain(text.emailRequired);
      await page.locator('#members-email').fill(`niemand-${language}@brug.example`);
      await form.getByRole('button', { name: text.add }).click();
      await page.locator('#members-email-error', { hasText: text.unknown }).waitFor();
      await expectAccessible(page, `${language} a team's members, an unknown email`);

      // Added by email (any case): moved from their team to this one.
      await page.locator('#members-email').fill(staffEmail.toUpperCase());
      await form.getByRole('button', { name: text.add }).click();
      await page.getByTestId('members-notice').getByText(text.added).waitFor();
      const row = members.locator('tr', { hasText: staffEmail });
      await row.waitFor();
      expect(await unitOf(staffId)).toBe(energy.id);

      // Staff need a MeentCoop team: taking them out of every team is refused, in words.
      await row.getByRole('button', { name: new RegExp(`^${text.remove}`) }).click();
      const error = page.getByTestId('members-error');
      await error.waitFor();
      expect(await error.innerText()).toContain(text.unitRequired);
      expect(await unitOf(staffId)).toBe(energy.id);
      await expectAccessible(page, `${language} a team's members, a removal refused`);

      await page.setViewportSize(PHONE);
      expect(
        await page.evaluate<number>('document.documentElement.scrollWidth'),
      ).toBeLessThanOrEqual(PHONE.width);
      await page.setViewportSize({ width: 1280, height: 900 });

      // A budget holder may belong to no unit: taken out of the City's unit.
      await page
        .getByTestId('admin-units-municipal')
        .locator('tr', { hasText: city.name })
        .getByRole('button', { name: new RegExp(`^${text.members}`) })
        .click();
      const holderRow = page.getByTestId('admin-members').locator('tr', {
        hasText: `houder-${language}@brug.example`,
      });
      await holderRow.waitFor();
      await holderRow.getByRole('button', { name: new RegExp(`^${text.remove}`) }).click();
      await page.getByTestId('members-notice').getByText(text.removed).waitFor();
      await holderRow.waitFor({ state: 'detached' });
      await waitFor(async () => (await unitOf(holderId)) === null);

      const audited = await db.query<{ subject_id: string }[]>(
        `SELECT subject_id FROM audit_events
          WHERE action = 'user.updated' AND subject_id = ANY($1) ORDER BY seq`,
        [[staffId, holderId]],
      );
      expect(audited.map((a) => a.subject_id)).toEqual([staffId, holderId]);
    } finally {
      await context.close();
    }
  });
});
