import type { Page } from 'playwright-core';
import { bearer, fileCase } from '../support/factories';
import {
  expectAccessible,
  newContext,
  routeCase,
  signIn,
  startUiApp,
  type UiApp,
} from '../support/browser';

/**
 * Issue 14, acceptance 5 (ADR 26) in the browser, in Dutch and English: staff suspend the SLA
 * clock of a case (kind, reason, expected end), the case page shows each stage's state as the
 * API states it ("opgeschort" with the reason and since when), the work queue finds it as
 * suspended, and staff let the clock run again; the history says why the due times moved.
 */
describe('suspending and resuming the SLA clock in the browser', () => {
  let ui: UiApp;
  beforeAll(async () => {
    ui = await startUiApp();
  });
  afterAll(() => ui.close());

  const TEXT = {
    nl: {
      suspend: 'Klok opschorten',
      kind: 'Wacht op financiering',
      reason: 'Wij wachten op het besluit van de budgethouder energie.',
      expectedEnd: '15-06-2027',
      suspendedSince: 'Opgeschort sinds',
      why: 'Wacht op financiering: Wij wachten op het besluit van de budgethouder energie.',
      expected: 'Verwacht tot 15 juni 2027',
      state: 'Opgeschort',
      queueFilter: 'Alleen met opgeschorte termijn',
      resume: 'Klok weer laten lopen',
      resumed: 'De klok loopt weer; de termijnen zijn opgeschoven.',
      onTime: 'Op tijd',
      stopped: 'Opschorting',
    },
    en: {
      suspend: 'Suspend the clock',
      kind: 'Waiting for funding',
      reason: 'We wait for the decision of the energy budget holder.',
      expectedEnd: '15/06/2027',
      suspendedSince: 'Suspended since',
      why: 'Waiting for funding: We wait for the decision of the energy budget holder.',
      expected: 'Expected until 15 June 2027',
      state: 'Suspended',
      queueFilter: 'Only with a suspended deadline',
      resume: 'Let the clock run again',
      resumed: 'The clock runs again; the deadlines have moved.',
      onTime: 'On time',
      stopped: 'Suspension',
    },
  } as const;

  const clock = (page: Page) => page.getByTestId('clock');
  const actionButtons = async (page: Page): Promise<string[]> => {
    const section = page.locator('section[aria-labelledby="actions-heading"]');
    await section.waitFor();
    return (await section.getByRole('button').allInnerTexts()).map((b) => b.trim());
  };

  // Issue 14, item 1: the actions come from the case answer (`availableTransitions` and
  // `editableFields`), not from role lists in the web UI.
  it('offers each person the actions the case answer lists for them', async () => {
    const c = await fileCase(ui.t, 'buyer', { title: 'Acties uit het antwoord' });
    await routeCase(ui.t, c.id, { acceptInHours: 72, proposeInHours: 240 });
    const context = await newContext(ui, { language: 'nl' });
    try {
      const staff = await context.newPage();
      await signIn(staff, 'staff');
      await staff.goto(`/cases/${c.reference}`);
      expect(await actionButtons(staff)).toEqual(
        expect.arrayContaining(['Zaak oppakken', 'Aan mij toewijzen']),
      );
      expect(await actionButtons(staff)).not.toContain('Zaak intrekken');
    } finally {
      await context.close();
    }
    const buyerContext = await newContext(ui, { language: 'nl' });
    try {
      const buyer = await buyerContext.newPage();
      await signIn(buyer, 'buyer');
      await buyer.goto(`/cases/${c.reference}`);
      // The buyer who filed it may withdraw it; nothing else, and no assigning.
      expect(await actionButtons(buyer)).toEqual(['Zaak intrekken']);
    } finally {
      await buyerContext.close();
    }
  });

  it.each(['nl', 'en'] as const)(
    'staff suspend and resume a case’s clock (%s)',
    async (language) => {
      const text = TEXT[language];
      const c = await fileCase(ui.t, 'buyer', { title: `Wachten op geld ${language}` });
      await routeCase(ui.t, c.id, { acceptInHours: 72, proposeInHours: 240 });
      const context = await newContext(ui, { language });
      try {
        const page = await context.newPage();
        await signIn(page, 'staff');
        await page.goto(`/cases/${c.reference}`);
        await clock(page).waitFor();
        expect(await page.getByTestId('clock-accept').innerText()).toContain(text.onTime);

        await clock(page).getByRole('button', { name: text.suspend, exact: true }).click();
        await page.locator('#suspend-kind').selectOption({ label: text.kind });
        await page.locator('#suspend-reason').fill(text.reason);
        await page.locator('#suspend-expectedEnd').fill(text.expectedEnd);
        await expectAccessible(page, `suspend form (${language})`);
        await page.locator('form[aria-labelledby="suspend-heading"] button[type="submit"]').click();

        const notice = page.getByTestId('suspension');
        await notice.waitFor();
        const said = await notice.innerText();
        expect(said).toContain(text.suspendedSince);
        expect(said).toContain(text.why);
        expect(said).toContain(text.expected);
        expect(await page.getByTestId('clock-accept').innerText()).toContain(text.state);
        expect(await page.getByTestId('clock-propose').innerText()).toContain(text.state);
        // The status line above the case says it too.
        expect(await page.getByTestId('case-status').innerText()).toContain(text.state);
        await expectAccessible(page, `suspended case (${language})`);

        // The work queue shows it as suspended and finds it by that filter.
        await page.goto('/queue?team=all');
        await page.getByText(text.queueFilter, { exact: true }).click();
        await page
          .getByRole('button', { name: language === 'nl' ? 'Filter toepassen' : 'Apply filter' })
          .click();
        await page.waitForURL(/sla=suspended/);
        const row = page.getByRole('row').filter({ hasText: c.reference });
        await row.waitFor();
        expect(await row.innerText()).toContain(text.state);
        await expectAccessible(page, `work queue, suspended (${language})`);

        await page.goto(`/cases/${c.reference}`);
        await clock(page).getByRole('button', { name: text.resume }).click();
        await page.getByRole('heading', { name: text.resumed }).waitFor();
        expect(await page.getByTestId('suspension').count()).toBe(0);
        expect(await page.getByTestId('clock-accept').innerText()).not.toContain(text.state);
        const history = page.getByTestId('deadline-history');
        await history.locator('li').nth(3).waitFor();
        expect(await history.locator('li').count()).toBe(4); // both stages stopped, then moved
        expect(await history.innerText()).toContain(text.stopped);
        await expectAccessible(page, `resumed case (${language})`);
      } finally {
        await context.close();
      }
      const after = await ui.t
        .http()
        .get(`/api/v1/cases/${c.id}`)
        .set(await bearer(ui.t, 'staff'))
        .expect(200);
      expect(after.body.suspension).toBeNull();
      expect(after.body.sla.map((s: { state: string }) => s.state)).toEqual(['on_time', 'on_time']);
    },
    // Four pages, two forms and four accessibility scans: about 40 s on a quiet machine, over
    // the default minute on two cores shared with other runs. Every step waits for its condition.
    180_000,
  );
});
