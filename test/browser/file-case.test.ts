import type { Page } from 'playwright-core';
import { bearer, fileCase } from '../support/factories';
import { expectAccessible, newContext, signIn, startUiApp, type UiApp } from '../support/browser';

/** Runs in the page (the tests are compiled without the DOM library, so as a string). */
const SUMMARY_HAS_FOCUS =
  "document.querySelector('.ams-invalid-form-alert')?.contains(document.activeElement) ?? false";

/**
 * Acceptance 2 (the API's field errors next to the fields, nothing filed) and 4 (the case form
 * filled and sent with the keyboard alone).
 */
describe('filing a case in the browser', () => {
  let ui: UiApp;
  beforeAll(async () => {
    ui = await startUiApp();
  });
  afterAll(() => ui.close());

  async function casesOfBuyer(): Promise<number> {
    const response = await ui.t
      .http()
      .get('/api/v1/cases?status=filed&status=routed&pageSize=100')
      .set(await bearer(ui.t, 'buyer'))
      .expect(200);
    return (response.body as { items: unknown[] }).items.length;
  }

  /** The error shown next to a control, and that the control points at it. */
  async function errorOf(page: Page, id: string): Promise<string | null> {
    const error = page.locator(`#${id}-error`);
    if ((await error.count()) === 0) return null;
    const describedBy = (await page.locator(`#${id}`).getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(`${id}-error`);
    return error.innerText();
  }

  it('shows the API’s field errors next to the fields and files nothing', async () => {
    const before = await casesOfBuyer();
    const context = await newContext(ui);
    try {
      const page = await context.newPage();
      await signIn(page, 'buyer', '/cases/new');
      await page.locator('#case-title').fill('Kort');
      await page.locator('#case-value').fill('veel geld');
      // No lead domain, one affected; a funding line without an amount.
      // The design system hides the native checkbox behind its own; its label takes the click.
      await page.locator('label[for="case-affected-housing"]').click();
      await page.locator('#case-funding-add').click();
      await page.locator('#funding-0-domain').selectOption('housing');
      const filing = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/cases') && r.request().method() === 'POST',
      );
      await page.locator('form button[type="submit"]').click();
      const response = await filing;
      expect(response.status()).toBe(400);
      const problem = (await response.json()) as { errors: { field: string }[] };
      const fields = problem.errors.map((e) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'title',
          'estimatedValueCents',
          'domains',
          'initialFunding[0].amountCents',
        ]),
      );

      // The summary takes focus and links to each field.
      const summary = page.locator('.ams-invalid-form-alert');
      await summary.waitFor();
      await expect(page.evaluate<boolean>(SUMMARY_HAS_FOCUS)).resolves.toBe(true);
      await expect(summary.locator('a[href="#case-title"]').count()).resolves.toBe(1);

      // Each error next to its own field, tied to it for screen readers, marked invalid.
      expect(await errorOf(page, 'case-title')).toContain('5 tot 200 tekens');
      expect(await page.locator('#case-title').getAttribute('aria-invalid')).toBe('true');
      expect(await errorOf(page, 'case-value')).toContain('bedrag');
      expect(await page.locator('#case-domains-error').innerText()).toContain('leidend domein');
      expect(await errorOf(page, 'funding-0-amount')).toContain('bedrag');
      // Fields the API did not complain about carry no error.
      expect(await errorOf(page, 'case-tender-reference')).toBeNull();
      await expectAccessible(page, 'form with errors');

      // Correcting one field and sending again: the others are still reported.
      await page.locator('#case-title').fill('Een titel die lang genoeg is');
      const again = page.waitForResponse((r) => r.url().endsWith('/api/v1/cases'));
      await page.locator('form button[type="submit"]').click();
      expect((await again).status()).toBe(400);
      await page.locator('#case-value-error').waitFor();
      expect(await errorOf(page, 'case-title')).toBeNull();
    } finally {
      await context.close();
    }
    expect(await casesOfBuyer()).toBe(before);
  });

  it('can be filled in and sent with the keyboard alone', async () => {
    const context = await newContext(ui);
    try {
      const page = await context.newPage();
      await signIn(page, 'buyer', '/cases/new');
      const keyboard = page.keyboard;
      const focused = () => page.evaluate<string>("document.activeElement?.id ?? ''");

      /** Presses Tab until the element with this id has focus (and fails if it never does). */
      async function tabTo(id: string, max = 60): Promise<void> {
        for (let i = 0; i < max; i++) {
          if ((await focused()) === id) return;
          await keyboard.press('Tab');
        }
        throw new Error(`Tab never reached #${id} (stopped at #${await focused()})`);
      }

      // From the top of a freshly loaded page: the skip link comes first.
      await page.reload();
      await page.locator('#case-title').waitFor();
      await keyboard.press('Tab');
      expect(
        await page.evaluate<string | null>('document.activeElement?.textContent ?? null'),
      ).toBe('Direct naar de inhoud');

      await tabTo('case-title');
      await keyboard.type('Aanbesteding energiebespaarservice 2027');
      await keyboard.press('Tab');
      expect(await focused()).toBe('case-description');
      await keyboard.type('Raakt wonen, energiearmoede en buurtzorg; alleen energie betaalt.');
      await keyboard.press('Tab');
      expect(await focused()).toBe('case-tender-reference');
      await keyboard.type('TN-2026-0815');
      await keyboard.press('Tab');
      expect(await focused()).toBe('case-stage');
      await keyboard.press('ArrowDown'); // planning → tender
      await keyboard.press('Tab');
      expect(await focused()).toBe('case-kind');
      await keyboard.press('ArrowDown'); // not decided yet → supplies
      await keyboard.press('ArrowDown'); // supplies → services
      await keyboard.press('Tab');
      expect(await focused()).toBe('case-value');
      await keyboard.type('1.200.000');
      await keyboard.press('Tab');
      expect(await focused()).toBe('case-priority-normal');
      await keyboard.press('ArrowDown'); // normal → high
      expect(await focused()).toBe('case-priority-high');
      await keyboard.press('Tab');
      expect(await focused()).toBe('case-deadline');
      // Typed as its hint says (DD-MM-JJJJ), whatever the browser's own locale.
      await keyboard.type('01-03-2027');
      expect(await page.locator('#case-deadline').inputValue()).toBe('01-03-2027');
      await tabTo('case-lead-domain', 5);
      await keyboard.type('Schone');
      for (const domain of ['care', 'energy-poverty', 'housing']) {
        await tabTo(`case-affected-${domain}`);
        await keyboard.press('Space');
      }
      await tabTo('case-funding-add');
      await keyboard.press('Enter');
      // The new line's first field takes focus.
      expect(await focused()).toBe('funding-0-domain');
      await keyboard.type('Schone');
      await keyboard.press('Tab');
      expect(await focused()).toBe('funding-0-amount');
      await keyboard.type('450.000');
      await keyboard.press('Tab');
      expect(await focused()).toBe('funding-0-budget-line');
      await keyboard.type('KP-ENERGIE-7710');

      const filing = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/cases') && r.request().method() === 'POST',
      );
      await keyboard.press('Tab'); // the line's remove button
      await keyboard.press('Tab'); // add another line
      await keyboard.press('Tab'); // send
      expect(
        await page.evaluate<string | null>("document.activeElement?.getAttribute('type') ?? null"),
      ).toBe('submit');
      await keyboard.press('Enter');
      const response = await filing;
      expect(response.status()).toBe(201);
      const filed = (await response.json()) as { id: string; reference: string };
      await page.waitForURL(`**/cases/${filed.id}`);
      await page.getByText(`Zaak ${filed.reference} is ingediend`).waitFor();

      const auth = await bearer(ui.t, 'buyer');
      const body = (await ui.t.http().get(`/api/v1/cases/${filed.id}`).set(auth).expect(200)).body;
      expect(body).toMatchObject({
        title: 'Aanbesteding energiebespaarservice 2027',
        tenderReference: 'TN-2026-0815',
        procurementStage: 'tender',
        procurementKind: 'services',
        estimatedValueCents: 120_000_000,
        priority: 'high',
        deadline: '2027-03-01',
      });
      expect(body.domains).toEqual(
        expect.arrayContaining([
          { code: 'energy', role: 'lead' },
          { code: 'care', role: 'affected' },
          { code: 'energy-poverty', role: 'affected' },
          { code: 'housing', role: 'affected' },
        ]),
      );
      const entries = (
        await ui.t.http().get(`/api/v1/cases/${filed.id}/funding-entries`).set(auth).expect(200)
      ).body;
      expect(entries.items).toEqual([
        expect.objectContaining({
          domainCode: 'energy',
          kind: 'pledge',
          amountCents: 45_000_000,
          budgetLine: 'KP-ENERGIE-7710',
        }),
      ]);
    } finally {
      await context.close();
    }
  });

  it('lets the buyer change the domains of a case not yet taken on', async () => {
    const c = await fileCase(ui.t, 'buyer', { title: 'Domeinen wijzigen voor het oppakken' });
    const context = await newContext(ui);
    try {
      const page = await context.newPage();
      await signIn(page, 'buyer', `/cases/${c.reference}`);
      await page.getByTestId('case-detail').waitFor();
      await page.getByRole('button', { name: 'Wijzigen', exact: true }).click();
      await page.getByTestId('edit-case-form').waitFor();
      // The lead domain is not offered as affected; the model case's three affected are ticked.
      expect(await page.locator('#edit-affected-energy').count()).toBe(0);
      expect(await page.locator('#edit-affected-care').isChecked()).toBe(true);
      // Care is not touched after all.
      await page.locator('label[for="edit-affected-care"]').click();
      expect(await page.locator('#edit-affected-care').isChecked()).toBe(false);
      const saving = page.waitForResponse(
        (r) => r.url().endsWith(`/api/v1/cases/${c.id}`) && r.request().method() === 'PATCH',
      );
      await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
      expect((await saving).status()).toBe(200);
      await page.getByTestId('edit-case-form').waitFor({ state: 'detached' });
      await expectAccessible(page, 'nl case page, domains changed');
    } finally {
      await context.close();
    }
    const after = await ui.t
      .http()
      .get(`/api/v1/cases/${c.id}`)
      .set(await bearer(ui.t, 'buyer'))
      .expect(200);
    expect((after.body as { domains: unknown[] }).domains).toEqual(
      expect.arrayContaining([
        { code: 'energy', role: 'lead' },
        { code: 'housing', role: 'affected' },
        { code: 'energy-poverty', role: 'affected' },
      ]),
    );
    expect((after.body as { domains: unknown[] }).domains).toHaveLength(3);
  });
});
