import { fileCase } from '../support/factories';
import { expectAccessible, signedInPage, startUiApp, type UiApp } from '../support/browser';

/** The text of a locator with non-breaking spaces (in amounts) made plain. */
const plain = (s: string) =>
  s
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Issue 18, item 6 in the browser: a buyer files a services case with its kind; the case page
 * says whether the European threshold in force on the filing day is reached; staff see a
 * possible split of one tender over cases that each stay below it (the buyer does not); an
 * administrator adds the next period on /admin/eu-thresholds. Dutch and English, axe clean.
 */
describe('European thresholds in the web UI', () => {
  let ui: UiApp;
  beforeAll(async () => {
    ui = await startUiApp();
  });
  afterAll(async () => {
    await ui.close();
  });

  it('a buyer files a services case with its kind; the case page flags the threshold', async () => {
    const buyer = await signedInPage(ui, 'buyer', 'nl');
    await buyer.goto('/cases/new');
    await buyer.locator('#case-title').fill('Schoonmaak buurthuizen');
    await buyer.locator('#case-kind').selectOption('services');
    await buyer.locator('#case-value').fill('230.000');
    await buyer.locator('#case-lead-domain').selectOption('energy');
    await expectAccessible(buyer, 'nl filing form with a kind of contract');
    const filed = buyer.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/cases' && r.request().method() === 'POST',
    );
    await buyer.locator('form button[type="submit"]').click();
    const response = await filed;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as {
      id: string;
      reference: string;
      procurementKind: string;
      euThreshold: { amountCents: number; reached: boolean };
    };
    // What the form sent is what the API stored and judged (filed today, in 2026–2027).
    expect(body.procurementKind).toBe('services');
    expect(body.euThreshold).toMatchObject({ amountCents: 21_600_000, reached: true });

    await buyer.waitForURL(new RegExp(`/cases/${body.id}$`));
    const flag = buyer.getByTestId('eu-threshold');
    await flag.waitFor();
    expect(plain(await flag.innerText())).toContain('Bereikt');
    expect(plain(await flag.innerText())).toContain('€ 216.000,00');
    expect(plain(await buyer.locator('main').innerText())).toContain('Diensten');
    await expectAccessible(buyer, 'nl case page with the EU threshold reached');
  });

  it('staff see a possible split of one tender; the buyer sees only their own flag', async () => {
    const group = { procurementKind: 'services', tenderReference: 'TN-2026-SPLIT' };
    const parts = [];
    for (let i = 0; i < 3; i++) {
      parts.push(await fileCase(ui.t, 'buyer', { ...group, estimatedValueCents: 8_000_000 }));
    }
    const staff = await signedInPage(ui, 'staff', 'en');
    await staff.goto(`/cases/${parts[0]!.reference}`);
    const split = staff.getByTestId('eu-possible-split');
    await split.waitFor();
    const text = plain(await split.innerText());
    expect(text).toContain('3 cases');
    expect(text).toContain('TN-2026-SPLIT');
    expect(text).toContain('€240,000.00');
    expect(plain(await staff.getByTestId('eu-threshold').innerText())).toContain('Not reached');
    await expectAccessible(staff, 'en case page with a possible split');

    const buyer = await signedInPage(ui, 'buyer', 'en');
    await buyer.goto(`/cases/${parts[1]!.reference}`);
    await buyer.getByTestId('eu-threshold').waitFor();
    expect(await buyer.getByTestId('eu-possible-split').count()).toBe(0);
  });

  it('staff change the kind of contract on the case page', async () => {
    const c = await fileCase(ui.t, 'buyer', { estimatedValueCents: 500_000_000 });
    const staff = await signedInPage(ui, 'staff', 'en');
    await staff.goto(`/cases/${c.reference}`);
    await staff.getByRole('button', { name: 'Edit', exact: true }).click();
    await staff.locator('#edit-kind').selectOption('works');
    const saved = staff.waitForResponse(
      (r) =>
        new URL(r.url()).pathname.endsWith(`/cases/${c.id}`) && r.request().method() === 'PATCH',
    );
    await staff.getByRole('button', { name: 'Save changes' }).click();
    expect((await saved).status()).toBe(200);
    // EUR 5,000,000 of works stays below the works threshold of EUR 5,404,000.
    const flag = staff.getByTestId('eu-threshold');
    await flag.filter({ hasText: '€5,404,000.00' }).waitFor();
    expect(plain(await flag.innerText())).toContain('Not reached');
  });

  it('an administrator adds the next period, and an overlapping one is refused', async () => {
    const admin = await signedInPage(ui, 'admin', 'en');
    await admin.goto('/admin');
    await admin.getByRole('link', { name: 'European thresholds' }).click();
    const table = admin.getByTestId('eu-thresholds');
    await table.waitFor();
    expect(plain(await table.innerText())).toContain('€216,000.00');
    await expectAccessible(admin, 'en EU thresholds page');

    await admin.getByRole('button', { name: 'Add a period' }).click();
    await admin.locator('#eu-kind').selectOption('services');
    await admin.locator('#eu-from').fill('01/01/2028');
    await admin.locator('#eu-to').fill('31/12/2029');
    await admin.locator('#eu-amount').fill('221,000');
    await admin.getByRole('button', { name: 'Save threshold' }).click();
    await admin.getByTestId('admin-saved').filter({ hasText: 'was added' }).waitFor();
    await table.filter({ hasText: '€221,000.00' }).waitFor();

    // The same period again overlaps: the API refuses, the form says so next to the field.
    await admin.getByRole('button', { name: 'Add a period' }).click();
    await admin.locator('#eu-kind').selectOption('services');
    await admin.locator('#eu-from').fill('01/06/2029');
    await admin.locator('#eu-to').fill('31/12/2030');
    await admin.locator('#eu-amount').fill('230,000');
    const refused = admin.waitForResponse(
      (r) =>
        new URL(r.url()).pathname === '/api/v1/eu-thresholds' && r.request().method() === 'POST',
    );
    await admin.getByRole('button', { name: 'Save threshold' }).click();
    expect((await refused).status()).toBe(400);
    await admin.locator('#eu-from-error').waitFor();
    await expectAccessible(admin, 'en EU thresholds form with an error');

    // In Dutch the page reads in Dutch.
    const beheer = await signedInPage(ui, 'admin', 'nl');
    await beheer.goto('/admin/eu-thresholds');
    await beheer.getByTestId('eu-thresholds').waitFor();
    expect(plain(await beheer.locator('main').innerText())).toContain('Europese drempels');
    await expectAccessible(beheer, 'nl EU thresholds page');
  });
});
