import { bearer, fileCase } from '../support/factories';
import { asUser, expectAccessible, routeCase, startUiApp, type UiApp } from '../support/browser';
import { DEMO } from '../support/test-app';

/**
 * Issue 13, items 12 and 13 in the browser, in Dutch and English: staff edit a case's value
 * while someone else changed it, and see what changed before saving again; staff change the
 * koppel with a reason and see its history; taking on a case of another team asks first.
 */
describe('editing a case and its koppel in the browser', () => {
  let ui: UiApp;
  beforeAll(async () => {
    ui = await startUiApp();
  });
  afterAll(() => ui.close());

  const TEXT = {
    nl: {
      edit: 'Wijzigen',
      save: 'Wijzigingen opslaan',
      saveAgain: 'Mijn wijzigingen opnieuw opslaan',
      meanwhile: 'Iemand anders heeft deze zaak intussen gewijzigd; dit is er veranderd:',
      deadlineLine: 'Uiterste datum: 1 maart 2027 → 1 juni 2027',
      value: 'Geschatte waarde',
      newValue: '€ 1.500.000,00',
      changeKoppel: 'Koppel wijzigen',
      saveKoppel: 'Koppel opslaan',
      reason: 'Samir kent de woningcorporaties van dit project.',
      changed: 'Gewijzigd',
      meentcoopLine: 'MeentCoop: Sanne Meent → Samir Koppel',
      takeOn: 'Zaak oppakken',
      question:
        'Deze zaak is van team MeentCoop Wonen. Wilt u hem overnemen en de koppel verplaatsen?',
      confirm: 'Overnemen en koppel verplaatsen',
    },
    en: {
      edit: 'Edit',
      save: 'Save changes',
      saveAgain: 'Save my changes again',
      meanwhile: 'Someone else changed this case meanwhile; here is what changed:',
      deadlineLine: 'Deadline: 1 March 2027 → 1 June 2027',
      value: 'Estimated value',
      newValue: '€1,500,000.00',
      changeKoppel: 'Change the koppel',
      saveKoppel: 'Save koppel',
      reason: 'Samir knows the housing corporations of this project.',
      changed: 'Changed',
      meentcoopLine: 'MeentCoop: Sanne Meent → Samir Koppel',
      takeOn: 'Take the case on',
      question:
        'This case belongs to team MeentCoop Wonen. Do you want to take it on and move the koppel?',
      confirm: 'Take on and move the koppel',
    },
  } as const;

  it.each(['nl', 'en'] as const)(
    'staff edit the value on a stale version, see what changed, and save again (%s)',
    async (language) => {
      const text = TEXT[language];
      const c = await fileCase(ui.t, 'buyer', {
        title: `Bewerken met een oude versie ${language}`,
      });
      await routeCase(ui.t, c.id);
      await asUser(ui, 'staff', language, async (page) => {
        await page.goto(`/cases/${c.reference}`);
        await page.getByTestId('case-detail').waitFor();
        await page.getByRole('button', { name: text.edit, exact: true }).click();
        const form = page.getByTestId('edit-case-form');
        await form.waitFor();
        // Prefilled from the case as the form opened (version 2).
        expect(await page.locator('#edit-value').inputValue()).toBe('1200000');
        expect(await page.locator('#edit-title').count()).toBe(0); // not staff's to change

        // Meanwhile someone else moves the deadline (version 3).
        await ui.t
          .http()
          .patch(`/api/v1/cases/${c.id}`)
          .set({ ...(await bearer(ui.t, 'staff2')), 'If-Match': '"2"' })
          .send({ deadline: '2027-06-01' })
          .expect(200);

        await page.locator('#edit-value').fill(language === 'nl' ? '1.500.000' : '1,500,000');
        await form.getByRole('button', { name: text.save }).click();
        const notice = page.getByTestId('edit-meanwhile');
        await notice.waitFor();
        expect(await notice.innerText()).toContain(text.meanwhile);
        expect(await notice.locator('li').allInnerTexts()).toEqual([text.deadlineLine]);
        // My change stays in the form, now on the new version; the deadline is the new one.
        expect(await page.locator('#edit-value').inputValue()).toBe(
          language === 'nl' ? '1.500.000' : '1,500,000',
        );
        expect(await page.locator('#edit-deadline').inputValue()).toBe(
          language === 'nl' ? '01-06-2027' : '01/06/2027',
        );
        await expectAccessible(page, `stale edit (${language})`);

        await form.getByRole('button', { name: text.saveAgain }).click();
        await form.waitFor({ state: 'detached' });
        const details = page.locator('section[aria-labelledby="details-heading"]');
        await details.getByText(text.newValue).waitFor();
        expect(await details.innerText()).toContain(
          language === 'nl' ? '1 juni 2027' : '1 June 2027',
        );
      });
      const after = await ui.t
        .http()
        .get(`/api/v1/cases/${c.id}`)
        .set(await bearer(ui.t, 'staff'))
        .expect(200);
      expect(after.body).toMatchObject({
        version: 4,
        estimatedValueCents: 150_000_000,
        deadline: '2027-06-01',
      });
    },
  );

  it.each(['nl', 'en'] as const)(
    'staff change the koppel with a reason and see its history (%s)',
    async (language) => {
      const text = TEXT[language];
      const c = await fileCase(ui.t, 'buyer', { title: `Koppel wijzigen ${language}` });
      await routeCase(ui.t, c.id);
      await asUser(ui, 'staff', language, async (page) => {
        await page.goto(`/cases/${c.reference}`);
        const section = page.getByTestId('koppel');
        await section.waitFor();
        expect(await page.getByTestId('koppel-meentcoop').innerText()).toBe('Sanne Meent');
        expect(await page.getByTestId('koppel-municipal').innerText()).toBe('Bo Inkoper');
        await section.getByRole('button', { name: text.changeKoppel }).click();
        const form = page.getByTestId('koppel-form');
        await form.waitFor();
        await page.locator('#koppel-meentcoop-select option', { hasText: 'Samir Koppel' }).waitFor({
          state: 'attached',
        });
        await page
          .locator('#koppel-meentcoop-select')
          .selectOption({ label: 'Samir Koppel (MeentCoop Wonen)' });
        await page
          .locator('#koppel-municipal-select')
          .selectOption({ label: 'Eva Budget (Inkoop Duurzaamheid en Energie)' });
        // Too short a reason first: the form says so in the reader's language.
        await page.locator('#koppel-reason').fill('kort');
        await form.getByRole('button', { name: text.saveKoppel }).click();
        await page.locator('#koppel-reason-error').waitFor();
        await expectAccessible(page, `koppel form with an error (${language})`);
        await page.locator('#koppel-reason').fill(text.reason);
        await form.getByRole('button', { name: text.saveKoppel }).click();
        await form.waitFor({ state: 'detached' });
        await page.getByTestId('koppel-meentcoop').getByText('Samir Koppel').waitFor();
        expect(await page.getByTestId('koppel-municipal').innerText()).toBe('Eva Budget');
        const history = page.getByTestId('koppel-history');
        await history.getByText(text.meentcoopLine).waitFor();
        const all = await history.innerText();
        expect(all).toContain(text.changed);
        expect(all).toContain(text.meentcoopLine);
        expect(all).toContain(text.reason);
        await expectAccessible(page, `koppel changed (${language})`);
      });
    },
  );

  it.each(['nl', 'en'] as const)(
    'taking on a case of another team asks, then moves the koppel (%s)',
    async (language) => {
      const text = TEXT[language];
      const c = await fileCase(ui.t, 'buyer', {
        title: `Overnemen van een ander team ${language}`,
      });
      await routeCase(ui.t, c.id, { team: 'meentcoop-housing', koppel: DEMO.staff2 });
      await asUser(ui, 'staff', language, async (page) => {
        await page.goto(`/cases/${c.reference}`);
        await page.getByTestId('case-detail').waitFor();
        await page.getByRole('button', { name: text.takeOn, exact: true }).click();
        const ask = page.getByTestId('take-on-confirm');
        await ask.waitFor();
        expect(await ask.innerText()).toContain(text.question);
        await expectAccessible(page, `take on from another team (${language})`);
        await ask.getByRole('button', { name: text.confirm }).click();
        await ask.waitFor({ state: 'detached' });
        await page.getByTestId('koppel-meentcoop').getByText('Sanne Meent').waitFor();
      });
      const after = await ui.t
        .http()
        .get(`/api/v1/cases/${c.id}`)
        .set(await bearer(ui.t, 'staff'))
        .expect(200);
      expect(after.body).toMatchObject({
        status: 'accepted',
        team: { name: 'MeentCoop Energie' },
        koppel: { meentcoop: { name: 'Sanne Meent' } },
      });
    },
  );
});
