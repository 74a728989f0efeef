import type { Page } from 'playwright-core';
import { fileCase } from '../support/factories';
import { expectAccessible, signedInPage, startUiApp, type UiApp } from '../support/browser';

/** The text of a locator with non-breaking spaces (in amounts) made plain. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ').trim();

/**
 * Issue 18, item 3 in the browser: staff set the model case's benefit shares with a reasoning
 * and propose co-funding (Dutch); the housing budget holder accepts for housing, which becomes a
 * pledge (English). Fair shares and balances on the case page; axe clean for both.
 */
describe('benefit shares and a co-funding proposal on the case page', () => {
  let ui: UiApp;
  beforeAll(async () => {
    ui = await startUiApp();
  });
  afterAll(async () => {
    await ui.close();
  });

  /** Clicks a button and waits for the API's answer to the change. */
  async function act(page: Page, name: string): Promise<void> {
    const answered = page.waitForResponse(
      (r) => new URL(r.url()).pathname.startsWith('/api/v1/') && r.request().method() !== 'GET',
    );
    await page.getByRole('button', { name }).click();
    const response = await answered;
    expect(response.status()).toBeLessThan(300);
  }

  it('staff set the shares and propose; the housing budget holder accepts', async () => {
    const c = await fileCase(ui.t);

    // Staff, in Dutch: the shares 40 / 30 / 20 / 10 with a reasoning.
    const staff = await signedInPage(ui, 'staff', 'nl');
    await staff.goto(`/cases/${c.reference}`);
    const benefit = staff.getByTestId('benefit-section');
    await benefit.getByTestId('benefit-table').waitFor();
    for (const [code, value] of [
      ['energy', '40'],
      ['energy-poverty', '30'],
      ['housing', '20'],
      ['care', '10'],
    ]) {
      await staff.locator(`#share-${code}`).fill(value!);
    }
    await staff.locator('#share-reasoning').fill('Verdeling uit de koppeltafel');
    await act(staff, 'Baataandelen opslaan');
    const row = (page: Page, code: string) =>
      page.getByTestId('benefit-table').locator(`tr[data-domain="${code}"]`);
    await row(staff, 'energy-poverty').filter({ hasText: '30 %' }).waitFor();
    // Nothing committed yet: fair shares of the estimated EUR 1,200,000.
    expect(plain(await row(staff, 'energy-poverty').innerText())).toContain('€ 360.000,00');
    expect(plain(await row(staff, 'housing').innerText())).toContain('€ 240.000,00');
    await expectAccessible(staff, 'nl case page, benefit shares');

    // The proposal: every domain short of its fair share is asked for the difference.
    await staff.locator('#propose-note').fill('Graag jullie deel voor 1 maart');
    await act(staff, 'Voorstel versturen');
    const proposal = staff.getByTestId('cofunding-proposal');
    await proposal.waitFor();
    expect(await proposal.getAttribute('data-state')).toBe('open');
    expect(plain(await proposal.locator('tr[data-domain="housing"]').innerText())).toContain(
      '€ 240.000,00',
    );
    await expectAccessible(staff, 'nl case page, a co-funding proposal');

    // The housing budget holder, in English, accepts for housing: a pledge of EUR 240,000.
    const holder = await signedInPage(ui, 'budgetHousing', 'en');
    await holder.goto(`/cases/${c.reference}`);

    // First they answer housing's share: disputed, and at first without the reason it needs.
    await holder.locator('#answer-share-domain').selectOption('housing');
    await holder.locator('#answer-share-answer').selectOption('disputed');
    await holder.getByRole('button', { name: 'Send the answer on the share' }).click();
    const reasonError = holder.locator('#answer-share-reason-error');
    await reasonError.waitFor();
    expect(await holder.locator('#answer-share-reason').getAttribute('aria-describedby')).toContain(
      'answer-share-reason-error',
    );
    expect((await reasonError.innerText()).trim()).not.toBe('');
    await holder.locator('#answer-share-reason').fill('Housing benefits less than 20 %');
    await act(holder, 'Send the answer on the share');
    await holder.getByText('Your answer has been saved.').waitFor();
    const housingShare = row(holder, 'housing');
    await housingShare.filter({ hasText: 'Disputed' }).waitFor();
    expect(await housingShare.innerText()).toContain('Housing benefits less than 20 %');
    await expectAccessible(holder, 'en case page, a disputed share');

    const mine = holder.getByTestId('cofunding-proposal');
    await mine.waitFor();
    await expectAccessible(holder, 'en case page, a proposal to answer');
    const form = mine.locator('form');
    // They hold housing and energy poverty: both are theirs to answer, one at a time.
    await form.locator('select[id$="-domain"]').selectOption('housing');
    await form.locator('select[id$="-answer"]').selectOption('accept');
    await form.locator('input[id$="-budget-line"]').fill('KP-WONEN-3120');
    await act(holder, 'Send answer');
    await holder
      .getByTestId('cofunding-proposal')
      .and(holder.locator('[data-state="partly_accepted"]'))
      .waitFor();
    const housing = holder.getByTestId('cofunding-proposal').locator('tr[data-domain="housing"]');
    expect(await housing.getAttribute('data-state')).toBe('accepted');
    expect(await housing.innerText()).toContain('Accepted');
    // The pledge is in the case's funding log.
    await holder
      .getByTestId('funding-log')
      .filter({ hasText: /240,000\.00/ })
      .waitFor();
    // What is left to answer is their other domain only (care is not theirs).
    const left = holder.getByTestId('cofunding-proposal').locator('select[id$="-domain"] option');
    expect(await left.allTextContents()).toEqual(['Affordable energy bills']);
    await expectAccessible(holder, 'en case page, a proposal answered');
  });
});
