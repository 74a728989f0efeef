import type { Page } from 'playwright-core';
import { bearer, fileCase } from '../support/factories';
import {
  eventually,
  expectAccessible,
  PHONE,
  recordFunding,
  signedInPage,
  startUiApp,
  type UiApp,
} from '../support/browser';

const EUR = 100;

/**
 * Issue 19, acceptance 4 in the browser (ADR 44): staff split the energiebespaarservice question
 * into a housing and a care sub-case, which the routing rules send to two teams; the parent's page
 * shows both with their status, team and money. A second question turns out to be a duplicate:
 * staff close it (a first try without a reason is refused at the field), and the housing budget
 * holder consents to moving its pledge to the case that goes on. Dutch and English, axe clean.
 */
describe('related cases in the browser', () => {
  let ui: UiApp;
  beforeAll(async () => {
    ui = await startUiApp({ env: { WORKERS: 'on', RELAY_POLL_MS: '200' } });
  });
  afterAll(() => ui.close());

  const statusOf = async (id: string): Promise<string> =>
    (
      (
        await ui.t
          .http()
          .get(`/api/v1/cases/${id}`)
          .set(await bearer(ui.t, 'staff'))
          .expect(200)
      ).body as { status: string }
    ).status;
  const routed = (id: string) =>
    eventually(async () => {
      expect(await statusOf(id)).toBe('routed');
    });

  /** Sends a form by its button and waits for the API's answer to it. */
  async function send(page: Page, button: string): Promise<number> {
    const answered = page.waitForResponse(
      (r) => new URL(r.url()).pathname.startsWith('/api/v1/') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: button, exact: true }).click();
    return (await answered).status();
  }

  it('splits the model case into sub-cases routed to two teams, shown on the parent', async () => {
    const parent = await fileCase(ui.t);
    await routed(parent.id);

    const staff = await signedInPage(ui, 'staff', 'nl');
    await staff.goto(`/cases/${parent.reference}`);
    const section = staff.getByTestId('links-section');
    await section.waitFor();
    await section.getByText('Deze zaak heeft geen samenhangende zaken.').waitFor();

    // A sub-case without a domain is refused at the field.
    expect(await send(staff, 'Deelzaak maken')).toBe(400);
    await staff.locator('#sub-case-domain-error').waitFor();

    for (const [code, title] of [
      ['housing', 'Energiebespaarservice: woningen'],
      ['care', ''],
    ] as const) {
      await staff.locator('#sub-case-domain').selectOption(code);
      if (title) await staff.locator('#sub-case-title').fill(title);
      expect(await send(staff, 'Deelzaak maken')).toBe(201);
      await section.getByText(/Deelzaak BRUG-\d{4}-\d+ is gemaakt\./).waitFor();
    }
    const rows = section.getByTestId('links-table').locator('tbody tr');
    await eventually(async () => expect(await rows.count()).toBe(2));
    const subCases = await rows.evaluateAll((trs) =>
      trs.map((tr) => (tr as unknown as { dataset: Record<string, string> }).dataset),
    );
    expect(subCases.map((d) => [d.kind, d.direction])).toEqual([
      ['part_of', 'incoming'],
      ['part_of', 'incoming'],
    ]);

    // The routing rules send each sub-case to its domain's team; the parent's page says so.
    const subCaseIds: string[] = [];
    for (const reference of subCases.map((d) => d.reference!)) {
      const found = (
        await ui.t
          .http()
          .get(`/api/v1/cases/${reference}`)
          .set(await bearer(ui.t, 'staff'))
          .expect(200)
      ).body as { id: string };
      subCaseIds.push(found.id);
      await routed(found.id);
    }
    await recordFunding(ui.t, 'budgetHousing', subCaseIds[0]!, {
      domainCode: 'housing',
      kind: 'pledge',
      amountCents: 25_000 * EUR,
    });
    await staff.reload();
    const housingRow = section.locator(`tr[data-reference="${subCases[0]!.reference}"]`);
    const careRow = section.locator(`tr[data-reference="${subCases[1]!.reference}"]`);
    await housingRow.filter({ hasText: 'MeentCoop Wonen' }).waitFor();
    expect(await housingRow.innerText()).toContain('Deelzaak');
    expect(await housingRow.innerText()).toContain('Energiebespaarservice: woningen');
    expect(await housingRow.innerText()).toContain('Doorgezet');
    expect(await housingRow.innerText()).toContain('25.000,00');
    expect(await careRow.innerText()).toContain('MeentCoop Zorg en Welzijn');
    expect(await section.getByTestId('links-together').innerText()).toContain('25.000,00');
    await expectAccessible(staff, 'nl parent with two sub-cases');

    // At 375 px the table stays readable (it scrolls in its own region, not the page).
    await staff.setViewportSize(PHONE);
    await section.getByTestId('links-table').waitFor();
    await expectAccessible(staff, 'nl parent with two sub-cases, 375 px');
    await staff.context().close();
  });

  it('closes a duplicate; the budget holder consents to moving its pledge', async () => {
    const survivor = await fileCase(ui.t, 'buyer', { title: 'Energiebespaarservice Noord' });
    const duplicate = await fileCase(ui.t, 'buyer', { title: 'Energiebespaarservice (dubbel)' });
    await routed(survivor.id);
    await routed(duplicate.id);
    await recordFunding(ui.t, 'budgetHousing', duplicate.id, {
      domainCode: 'housing',
      kind: 'pledge',
      amountCents: 40_000 * EUR,
    });

    const staff = await signedInPage(ui, 'staff', 'en');
    await staff.goto(`/cases/${duplicate.reference}`);
    await staff.getByTestId('links-section').waitFor();
    await staff.locator('#duplicate-target').fill(survivor.reference);
    // First without the reason the buyer will read: refused at the field, nothing closed.
    expect(await send(staff, 'Close as a duplicate')).toBe(400);
    await staff.locator('#duplicate-reason-error').waitFor();
    expect(await statusOf(duplicate.id)).toBe('routed');
    await staff
      .locator('#duplicate-reason')
      .fill('The same question as the northern district filed a day earlier.');
    expect(await send(staff, 'Close as a duplicate')).toBe(200);
    const notice = staff.getByTestId('duplicate-of');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(survivor.reference);
    const transfer = staff.getByTestId('pledge-transfers').locator('tr[data-domain="housing"]');
    expect(await transfer.getAttribute('data-state')).toBe('open');
    expect(await transfer.innerText()).toContain('40,000.00');
    await expectAccessible(staff, 'en duplicate closed, a pledge transfer waiting');
    expect(await statusOf(duplicate.id)).toBe('resolved');
    await staff.context().close();

    // The housing budget holder, in Dutch, consents: the pledge moves to the surviving case.
    const holder = await signedInPage(ui, 'budgetHousing', 'nl');
    await holder.goto(`/cases/${duplicate.reference}`);
    const waiting = holder.getByTestId('pledge-transfers');
    await waiting.waitFor();
    await expectAccessible(holder, 'nl a pledge transfer to answer');
    const answered = holder.waitForResponse(
      (r) => r.url().includes('/pledge-transfers/') && r.request().method() === 'POST',
    );
    await holder.getByRole('button', { name: 'Toestemmen en verplaatsen' }).click();
    expect((await answered).status()).toBeLessThan(300);
    await waiting.locator('tr[data-domain="housing"][data-state="accepted"]').waitFor();
    expect(await waiting.locator('tr[data-domain="housing"]').innerText()).toContain('Verplaatst');

    const pledged = async (id: string) =>
      (
        (
          await ui.t
            .http()
            .get(`/api/v1/cases/${id}/funding`)
            .set(await bearer(ui.t, 'auditor'))
            .expect(200)
        ).body as { byDomain: { domainCode: string; pledgedCents: number }[] }
      ).byDomain.find((d) => d.domainCode === 'housing')?.pledgedCents ?? 0;
    expect(await pledged(survivor.id)).toBe(40_000 * EUR);
    expect(await pledged(duplicate.id)).toBe(0);
    await holder.context().close();
  });
});
