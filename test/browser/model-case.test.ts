import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { signedInPage, startUiApp, type UiApp } from '../support/browser';

/**
 * Acceptance 1: the model case end to end, through the browser only. The workflow's workers
 * route it (WORKERS=on, the `routing` queue); everything else is clicks and keys in Chromium.
 */
describe('the model case, end to end in the browser', () => {
  let ui: UiApp;
  beforeAll(async () => {
    ui = await startUiApp({ env: { WORKERS: 'on', RELAY_POLL_MS: '200' } });
  });
  afterAll(async () => {
    await ui.close();
  });

  /** Clicks an action and waits for the API's answer to that case. */
  async function act(page: Page, name: string | RegExp): Promise<void> {
    const answered = page.waitForResponse(
      (r) => new URL(r.url()).pathname.startsWith('/api/v1/') && r.request().method() !== 'GET',
    );
    await page.getByRole('button', { name }).click();
    const response = await answered;
    expect(response.status()).toBeLessThan(300);
  }

  it('filed by the buyer, routed, worked by staff, accepted, committed, audited', async () => {
    // 1. The buyer files the energiebespaarservice, with the energy domain's pledge.
    const buyer = await signedInPage(ui, 'buyer');
    await buyer.getByRole('link', { name: 'Zaak indienen' }).first().click();
    await buyer.getByLabel('Titel').fill('Aanbesteding energiebespaarservice 2027');
    await buyer
      .getByLabel('Omschrijving')
      .fill(
        'De energiebespaarservice raakt wonen, energiearmoede en buurtzorg, maar alleen het energiebudget betaalt.',
      );
    await buyer.getByLabel('Kenmerk aanbesteding').fill('TN-2026-0815');
    await buyer.locator('#case-value').fill('1.200.000');
    await buyer.locator('label[for="case-priority-high"]').click();
    await buyer.locator('#case-lead-domain').selectOption('energy');
    for (const domain of ['housing', 'energy-poverty', 'care']) {
      await buyer.locator(`label[for="case-affected-${domain}"]`).click();
    }
    await buyer.getByRole('button', { name: 'Financieringsregel toevoegen' }).click();
    await buyer.locator('#funding-0-domain').selectOption('energy');
    await buyer.locator('#funding-0-amount').fill('450.000');
    await buyer.locator('#funding-0-budget-line').fill('KP-ENERGIE-7710');
    await buyer.getByRole('button', { name: 'Zaak indienen' }).click();
    const filed = buyer.getByText(/^Zaak BRUG-\d{4}-\d{6} is ingediend$/);
    await filed.waitFor();
    const reference = /BRUG-\d{4}-\d{6}/.exec(await filed.innerText())![0];

    // 2. It appears in the staff work queue, routed to the energy team (poll up to 15 s).
    const staff = await signedInPage(ui, 'staff');
    const row = staff.locator('tr', { has: staff.getByRole('link', { name: reference }) });
    const deadline = Date.now() + 15_000;
    for (;;) {
      await staff.goto('/queue');
      await staff.locator('main h1').waitFor();
      await staff.locator('.brug-loading').first().waitFor({ state: 'detached' });
      if ((await row.count()) === 1 && (await row.innerText()).includes('MeentCoop Energie')) break;
      if (Date.now() > deadline)
        throw new Error(`${reference} was not routed to the energy team within 15 s`);
      await staff.waitForTimeout(500);
    }
    expect(await row.innerText()).toContain('Doorgezet');

    // 3. Staff take it on, add an internal and a shared note, pledge for housing, propose.
    await act(staff, `Oppakken ${reference}`);
    await staff.getByText(`Zaak ${reference} is opgepakt en aan u toegewezen.`).waitFor();
    await staff.getByRole('link', { name: reference }).click();
    await staff.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
    await act(staff, 'Beginnen met de zaak');
    await staff.locator('#note-body').fill('Intern: Zuiderlicht kan het hele pakket leveren.');
    await act(staff, 'Notitie opslaan');
    await staff.getByText('Intern: Zuiderlicht kan het hele pakket leveren.').waitFor();
    await staff.locator('#note-body').fill('Gedeeld: we stellen cofinanciering door Wonen voor.');
    await staff.locator('label[for="note-visibility-shared"]').click();
    await act(staff, 'Notitie opslaan');
    await staff.getByText('Gedeeld: we stellen cofinanciering door Wonen voor.').waitFor();
    await staff.locator('#entry-domain').selectOption('housing');
    await staff.locator('#entry-kind').selectOption('pledge');
    await staff.locator('#entry-amount').fill('300.000');
    await act(staff, 'Vastleggen');
    await staff
      .getByText('Toezegging van € 300.000,00 voor Wonen en wooncoöperaties is vastgelegd.')
      .waitFor();
    await staff.getByRole('button', { name: 'Oplossing voorstellen' }).click();
    await staff
      .locator('#transition-proposal')
      .fill('Gunnen aan Energiecoöperatie Zuiderlicht, gefinancierd door Energie en Wonen.');
    await act(staff, 'Oplossing voorstellen: bevestigen');
    await staff.getByText('De zaak staat nu op “Voorstel gedaan”.').waitFor();

    // 4. The buyer sees the shared note, not the internal one, and accepts with an outcome.
    await buyer.reload();
    await buyer.getByTestId('proposal').waitFor();
    const notes = buyer.getByTestId('notes');
    await notes.waitFor();
    await expect(notes.innerText()).resolves.toContain(
      'Gedeeld: we stellen cofinanciering door Wonen voor.',
    );
    await expect(buyer.locator('main').innerText()).resolves.not.toContain('Intern: Zuiderlicht');
    await buyer.getByRole('button', { name: 'Voorstel aannemen' }).click();
    await buyer
      .locator('#transition-summary')
      .fill('Gegund aan Energiecoöperatie Zuiderlicht met buurtzorg.');
    await buyer.locator('#transition-supplierName').fill('Energiecoöperatie Zuiderlicht');
    await buyer.locator('#transition-supplierType').selectOption('cooperative');
    await buyer.locator('#transition-awardedValueCents').fill('1.150.000');
    await act(buyer, 'Voorstel aannemen: bevestigen');
    await buyer.getByText('De zaak staat nu op “Opgelost”.').waitFor();

    // 5. The energy budget holder commits the energy pledge.
    const holder = await signedInPage(ui, 'budgetEnergy');
    await holder.getByRole('link', { name: reference }).click();
    await holder.locator('#entry-amount').waitFor();
    await holder.locator('#entry-kind').selectOption('commit');
    await holder.locator('#entry-amount').fill('450.000');
    await act(holder, 'Vastleggen');
    await holder
      .getByText('Vastlegging van € 450.000,00 voor Schone energie is vastgelegd.')
      .waitFor();

    // 6. The auditor sees the full history and the trail, and verifies the chain.
    const auditor = await signedInPage(ui, 'auditor');
    await auditor.goto(`/cases/${reference}`);
    const timeline = auditor.locator('#timeline-heading + ol, #timeline-heading ~ ol').first();
    await timeline.waitFor();
    const steps = await timeline.locator('h3').allInnerTexts();
    expect(steps.map((s) => s.replace(/^(Afgerond|Huidige status):?\s*/, '').trim())).toEqual([
      'Ingediend',
      'Doorgezet',
      'Opgepakt',
      'In behandeling',
      'Voorstel gedaan',
      'Opgelost',
    ]);
    const trail = auditor.locator('#case-audit-heading ~ div table');
    await trail.waitFor();
    const trailText = await trail.innerText();
    for (const action of [
      'Zaak ingediend',
      // Routing is a status change (issue 14), by Brug.
      'Status: Ingediend → Doorgezet',
      'Status gewijzigd',
      'Notitie toegevoegd',
      'Financiering vastgelegd',
    ]) {
      expect(trailText).toContain(action);
    }
    await auditor.getByRole('link', { name: 'Log controleren' }).first().click();
    await auditor.getByRole('button', { name: 'Log controleren' }).click();
    await auditor.getByText('Het log is in orde').waitFor();
    // The checkpoint to write down: tree size and base64 root (issue 15).
    expect(await auditor.getByTestId('verify-head').innerText()).toMatch(
      /^\d+:[A-Za-z0-9+/]{43}=$/,
    );

    // …and takes the trail home to verify it offline (a download with the bearer token).
    await auditor.getByRole('link', { name: 'Exports' }).first().click();
    const download = auditor.waitForEvent('download');
    await auditor.getByRole('button', { name: 'Audittrail downloaden' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^brug-audit-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const lines = (await readFile(await file.path(), 'utf8')).trim().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({
      leafIndex: lines.length - 1,
      dataHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});
