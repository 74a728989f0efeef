import type { Page } from 'playwright-core';
import { fileCase } from '../support/factories';
import {
  asUser,
  expectAccessible,
  move,
  recordFunding,
  routeCase,
  seedShowcase,
  startUiApp,
  type UiApp,
} from '../support/browser';

/**
 * Issue 13, items 14 and 16 in the browser, in Dutch and English: the commons share says how
 * many cases it rests on and what is still on its way to an award; a declined case shows the
 * release Brug recorded itself, and its budget holder can still release what stays committed.
 */
describe('money in the browser', () => {
  let ui: UiApp;
  let declined: string;
  beforeAll(async () => {
    ui = await startUiApp();
    // One resolved case (a cooperative: 100%), the model case in progress (the pipeline).
    await seedShowcase(ui.t);
    // A case declined with a pledge and a commitment of energy.
    const c = await fileCase(ui.t, 'buyer', {
      title: 'Afgewezen vraag met geld',
      initialFunding: [{ domainCode: 'energy', amountCents: 30_000_000 }],
    });
    await routeCase(ui.t, c.id);
    await move(ui.t, 'staff', c.id, 'accepted');
    await recordFunding(ui.t, 'budgetEnergy', c.id, {
      domainCode: 'energy',
      kind: 'commit',
      amountCents: 10_000_000,
    });
    await move(ui.t, 'staff', c.id, 'declined', { reason: 'Past niet bij de route' });
    declined = c.reference;
  });
  afterAll(() => ui.close());

  async function settled(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await page.locator('.brug-loading').first().waitFor({ state: 'detached' });
  }

  it.each([
    ['nl', /op basis van 1 zaak$/, /^Nog onderweg naar een gunning: 1 zaak \(/, '1 zaak'],
    ['en', /based on 1 case$/, /^Still on the way to an award: 1 case \(/, '1 case'],
  ] as const)(
    'the commons share says what it rests on and what is in the pipeline (%s)',
    async (language, basis, pipeline, bar) => {
      await asUser(ui, 'buyer', language, async (page) => {
        await page.goto('/dashboard');
        await settled(page);
        const year = new Date().getFullYear();
        const items = await page.getByTestId('commons-basis').locator('li').allInnerTexts();
        const thisYear = items.find((text) => text.startsWith(`${year}:`));
        expect(thisYear).toMatch(basis);
        expect(thisYear).toContain('100');
        expect(await page.getByTestId('commons-pipeline').innerText()).toMatch(pipeline);
        // The count stands above the bar too, and in the chart's text alternative.
        const chart = page.getByTestId('commons-share-chart');
        expect(await chart.locator('text').allTextContents()).toContain(bar);
        expect(await chart.locator('desc').textContent()).toMatch(basis.source.replace('$', ''));
        await expectAccessible(page, `${language} dashboard commons share`);
      });
    },
  );

  it.each([
    ['nl', 'automatisch: de zaak is gesloten', 'Deze zaak is gesloten'],
    ['en', 'automatic: the case was closed', 'This case is closed'],
  ] as const)(
    'a declined case shows Brug’s release of its pledge, and lets the budget holder release the commitment (%s)',
    async (language, reason, notice) => {
      await asUser(ui, 'budgetEnergy', language, async (page) => {
        await page.goto(`/cases/${declined}`);
        await settled(page);
        const log = page.getByTestId('funding-log');
        await log.waitFor();
        const released = log.locator('tr', { hasText: reason });
        expect(await released.count()).toBe(1);
        expect(await released.innerText()).toContain('Brug');
        await page.getByText(notice).waitFor();
        // Only the release of the commitment is offered, already chosen.
        expect(await page.locator('#entry-kind option').allTextContents()).toHaveLength(1);
        expect(await page.locator('#entry-release-from').inputValue()).toBe('commitment');
        await expectAccessible(page, `${language} declined case funding`);
        if (language === 'nl') {
          await page.locator('#entry-amount').fill('100.000');
          const answered = page.waitForResponse(
            (r) => r.url().includes('/funding-entries') && r.request().method() === 'POST',
          );
          await page.locator('form[aria-labelledby="record-entry-heading"] button').click();
          expect((await answered).status()).toBe(201);
        }
      });
    },
  );
});
