import type { Page, Request } from 'playwright-core';
import { bearer, fileCase } from '../support/factories';
import {
  asUser,
  expectAccessible,
  move,
  routeCase,
  startUiApp,
  type UiApp,
} from '../support/browser';

/**
 * Issue 13, items 3 to 6 in the browser, in Dutch and English: a funding line whose domain is
 * unticked loses it (and the form names the line); a shared note does not make the next one
 * shared; a recorded funding entry empties the form and its note is shown; dates and amounts
 * follow the language, and a date is read as its hint says, whatever the browser's locale.
 */
describe('form details in the browser', () => {
  let ui: UiApp;
  let caseRef: string;
  let caseId: string;
  beforeAll(async () => {
    ui = await startUiApp();
    const c = await fileCase(ui.t, 'buyer', { title: 'Zaak voor notities en geld' });
    await routeCase(ui.t, c.id);
    await move(ui.t, 'staff', c.id, 'accepted');
    caseRef = c.reference;
    caseId = c.id;
  });
  afterAll(() => ui.close());

  async function settled(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await page.locator('.brug-loading').first().waitFor({ state: 'detached' });
  }

  /** Text as read, with Intl's no-break spaces ("€\u00a01.234,56") as plain ones. */
  const plain = (text: string) => text.replace(/\u00a0/g, ' ');

  const isFiling = (r: Request) => r.url().endsWith('/api/v1/cases') && r.method() === 'POST';

  /** Everything the filing form sent while `work` ran. */
  async function filingsDuring(page: Page, work: () => Promise<void>): Promise<Request[]> {
    const sent: Request[] = [];
    const listen = (r: Request) => {
      if (isFiling(r)) sent.push(r);
    };
    page.on('request', listen);
    try {
      await work();
    } finally {
      page.off('request', listen);
    }
    return sent;
  }

  it.each([
    ['nl', 'Financieringsregel 2: kies een domein', '100.000'],
    ['en', 'Funding line 2: choose a domain', '100,000'],
  ] as const)(
    'unticking a domain clears its funding line, and the form names the line and sends nothing (%s)',
    async (language, summaryText, amount) => {
      await asUser(ui, 'buyer', language, async (page) => {
        await page.goto('/cases/new');
        await settled(page);
        await page.locator('#case-title').fill('Een zaak met twee financieringsregels');
        await page.locator('#case-value').fill(amount);
        await page.locator('#case-lead-domain').selectOption('energy');
        await page.locator('label[for="case-affected-housing"]').click();
        await page.locator('#case-funding-add').click();
        await page.locator('#funding-0-domain').selectOption('energy');
        await page.locator('#funding-0-amount').fill(amount);
        await page.locator('#case-funding-add').click();
        await page.locator('#funding-1-domain').selectOption('housing');
        await page.locator('#funding-1-amount').fill(amount);
        await page.locator('#funding-1-budget-line').fill('KP-WONEN-1');

        // Housing no longer touched: its line keeps amount and budget line, but no domain.
        await page.locator('label[for="case-affected-housing"]').click();
        expect(await page.locator('#funding-1-domain').inputValue()).toBe('');
        expect(await page.locator('#funding-1-amount').inputValue()).toBe(amount);
        expect(await page.locator('#funding-0-domain').inputValue()).toBe('energy');

        const sent = await filingsDuring(page, async () => {
          await page.locator('form button[type="submit"]').click();
          await page.locator('.ams-invalid-form-alert').waitFor();
        });
        expect(sent).toHaveLength(0);
        const summary = page.locator('.ams-invalid-form-alert');
        expect(await summary.innerText()).toContain(summaryText);
        expect(await summary.locator('a[href="#funding-1-domain"]').count()).toBe(1);
        await page.locator('#funding-1-domain-error').waitFor();
        expect(await page.locator('#funding-1-domain').getAttribute('aria-describedby')).toContain(
          'funding-1-domain-error',
        );
        await expectAccessible(page, `${language} funding line without a domain`);

        // Ticked again and chosen: the case is filed with both lines, each for its domain.
        await page.locator('label[for="case-affected-housing"]').click();
        await page.locator('#funding-1-domain').selectOption('housing');
        const filed = page.waitForResponse((r) => isFiling(r.request()));
        await page.locator('form button[type="submit"]').click();
        const response = await filed;
        expect(response.status()).toBe(201);
        const body = response.request().postDataJSON() as {
          initialFunding: { domainCode: string; amountCents: number }[];
        };
        expect(body.initialFunding).toEqual([
          expect.objectContaining({ domainCode: 'energy', amountCents: 10_000_000 }),
          expect.objectContaining({ domainCode: 'housing', amountCents: 10_000_000 }),
        ]);
      });
    },
  );

  it.each([
    ['nl', 'De notitie is opgeslagen.', 'Gedeeld'],
    ['en', 'The note has been saved.', 'Shared'],
  ] as const)(
    'after a shared note the form is back to internal and empty (%s)',
    async (language, saved, sharedBadge) => {
      await asUser(ui, 'staff', language, async (page) => {
        await page.goto(`/cases/${caseRef}`);
        await settled(page);
        expect(await page.locator('#note-visibility-internal').isChecked()).toBe(true);
        const text = `Gedeelde notitie (${language})`;
        await page.locator('#note-body').fill(text);
        await page.locator('label[for="note-visibility-shared"]').click();
        expect(await page.locator('#note-visibility-shared').isChecked()).toBe(true);
        await page
          .locator('form[aria-labelledby="add-note-heading"] button[type="submit"]')
          .click();
        await page.getByText(saved).waitFor();

        expect(await page.locator('#note-body').inputValue()).toBe('');
        expect(await page.locator('#note-visibility-internal').isChecked()).toBe(true);
        expect(await page.locator('#note-visibility-shared').isChecked()).toBe(false);
        const note = page.getByTestId('notes').locator('li', { hasText: text });
        await note.waitFor();
        expect(await note.innerText()).toContain(sharedBadge);
        await expectAccessible(page, `${language} notes after a shared note`);
      });
    },
  );

  it.each([
    ['nl', '1.234,56', '€ 1.234,56', 'Toelichting'],
    ['en', '1,234.56', '€1,234.56', 'Note'],
  ] as const)(
    'after recording a funding entry the form is empty and the entry’s note is shown (%s)',
    async (language, typed, shown, noteHeader) => {
      await asUser(ui, 'budgetEnergy', language, async (page) => {
        await page.goto(`/cases/${caseRef}`);
        await settled(page);
        const form = page.locator('form[aria-labelledby="record-entry-heading"]');
        const note = `Uit de reserve energie (${language})`;
        await page.locator('#entry-kind').selectOption('pledge');
        await page.locator('#entry-amount').fill(typed);
        await page.locator('#entry-budget-line').fill(`KP-ENERGIE-${language}`);
        await page.locator('#entry-note').fill(note);
        const answered = page.waitForResponse(
          (r) => r.url().includes('/funding-entries') && r.request().method() === 'POST',
        );
        await form.locator('button[type="submit"]').click();
        const response = await answered;
        expect(response.status()).toBe(201);
        expect(await response.json()).toMatchObject({
          amountCents: 123_456,
          budgetLine: `KP-ENERGIE-${language}`,
          note,
        });
        await form.locator('[role="status"] .ams-alert').waitFor();

        // Nothing carried over to the next entry: kind, amount, budget line, note.
        expect(await page.locator('#entry-kind').inputValue()).toBe('');
        expect(await page.locator('#entry-amount').inputValue()).toBe('');
        expect(await page.locator('#entry-budget-line').inputValue()).toBe('');
        expect(await page.locator('#entry-note').inputValue()).toBe('');
        expect(await page.locator('#entry-domain').inputValue()).toBe('energy');

        // The log shows the note, and the amount as the language writes it.
        const log = page.getByTestId('funding-log');
        expect(await log.locator('thead').innerText()).toContain(noteHeader);
        const row = log.locator('tr', { hasText: note });
        await row.waitFor();
        expect(plain(await row.innerText())).toContain(shown);
        await expectAccessible(page, `${language} funding form after an entry`);
      });
    },
  );

  it.each([
    ['nl', 'nl-NL', 'DD-MM-JJJJ', '01-06-2027', '1 juni 2027', '€ 1.200.000,00', '1.200.000'],
    ['en', 'en-US', 'DD/MM/YYYY', '01/06/2027', '1 June 2027', '€1,200,000.00', '1,200,000'],
  ] as const)(
    'a date typed as the hint says is that date, shown with amounts the %s way (browser %s)',
    async (language, locale, format, typed, shownDate, shownValue, value) => {
      await asUser(
        ui,
        'buyer',
        language,
        async (page) => {
          await page.goto('/cases/new');
          await settled(page);
          expect(await page.locator('#case-deadline-hint').innerText()).toContain(format);
          await page.locator('#case-title').fill(`Datum en bedrag (${language})`);
          await page.locator('#case-value').fill(value);
          await page.locator('#case-lead-domain').selectOption('energy');

          // Month first, as an American would: not a date in this field, and nothing is sent.
          await page
            .locator('#case-deadline')
            .fill(language === 'en' ? '06/31/2027' : '06-31-2027');
          const sent = await filingsDuring(page, async () => {
            await page.locator('form button[type="submit"]').click();
            await page.locator('#case-deadline-error').waitFor();
          });
          expect(sent).toHaveLength(0);
          expect(await page.locator('#case-deadline-error').innerText()).toContain(format);
          await expectAccessible(page, `${language} date field with an error`);

          // Typed with the keyboard, as the hint says.
          await page.locator('#case-deadline').fill('');
          await page.locator('#case-deadline').pressSequentially(typed);
          const filed = page.waitForResponse((r) => isFiling(r.request()));
          await page.locator('form button[type="submit"]').click();
          const response = await filed;
          expect(response.status()).toBe(201);
          const created = (await response.json()) as { id: string; deadline: string };
          expect(created.deadline).toBe('2027-06-01');

          await page.waitForURL(`**/cases/${created.id}`);
          await settled(page);
          const main = plain(await page.locator('main').innerText());
          expect(main).toContain(shownDate);
          expect(main).toContain(shownValue);
          await expectAccessible(page, `${language} case with date and amount`);

          const stored = await ui.t
            .http()
            .get(`/api/v1/cases/${created.id}`)
            .set(await bearer(ui.t, 'buyer'))
            .expect(200);
          expect(stored.body).toMatchObject({
            deadline: '2027-06-01',
            estimatedValueCents: 120_000_000,
          });
        },
        { locale },
      );
    },
  );

  it('the case page of the English interface writes dates and amounts in English', async () => {
    await asUser(ui, 'staff', 'en', async (page) => {
      await page.goto(`/cases/${caseId}`);
      await settled(page);
      const main = plain(await page.locator('main').innerText());
      expect(main).toContain('€1,200,000.00'); // the estimated value
      expect(main).toContain('1 March 2027'); // the deadline
      expect(main).not.toMatch(/€ \d/);
      expect(main).not.toMatch(/\b(maart|mrt)\b/);
    });
  });
});
