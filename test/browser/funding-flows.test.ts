import { bearer, fileCase } from '../support/factories';
import { EUR, recordEntry } from '../support/funding';
import { asUser, expectAccessible, startUiApp, type UiApp } from '../support/browser';

/**
 * Issue 18, acceptance 6: the dashboard draws whose money pays for whose goals as a Sankey
 * diagram (recharts) with the numbers in a table beside it, axe clean, in Dutch and English.
 * The model case: shares energy 40 %, energy poverty 30 %, housing 20 %, care 10 %; energy
 * commits EUR 1,200,000 (and disburses 100,000); housing pays EUR 50,000 for itself on a
 * second case it leads.
 */
describe('the funding flows on the dashboard', () => {
  let ui: UiApp;
  beforeAll(async () => {
    ui = await startUiApp();
    const t = ui.t;
    const model = await fileCase(t);
    await t
      .http()
      .put(`/api/v1/cases/${model.id}/benefit-shares`)
      .set({ ...(await bearer(t, 'staff')), 'If-Match': '"0"' })
      .send({
        shares: [
          { domainCode: 'energy', basisPoints: 4000 },
          { domainCode: 'energy-poverty', basisPoints: 3000 },
          { domainCode: 'housing', basisPoints: 2000 },
          { domainCode: 'care', basisPoints: 1000 },
        ],
        reasoning: 'Verdeling uit de koppeltafel',
      })
      .expect(200);
    await recordEntry(t, 'budgetEnergy', model.id, {
      domainCode: 'energy',
      kind: 'commit',
      amountCents: 1_200_000 * EUR,
    });
    await recordEntry(t, 'budgetEnergy', model.id, {
      domainCode: 'energy',
      kind: 'disburse',
      amountCents: 100_000 * EUR,
    });
    const housing = await fileCase(t, 'buyer', {
      title: 'Woningisolatie',
      domains: [{ code: 'housing', role: 'lead' }],
    });
    await recordEntry(t, 'budgetHousing', housing.id, {
      domainCode: 'housing',
      kind: 'commit',
      amountCents: 50_000 * EUR,
    });
  });
  afterAll(() => ui.close());

  it.each([
    {
      language: 'nl' as const,
      heading: 'Wie betaalt voor wiens doelen',
      // energy → energy poverty 360,000 committed, 30,000 of the 100,000 disbursed.
      poverty: ['Schone energie', 'Betaalbare energierekening', '€ 360.000,00', '€ 30.000,00'],
      total: ['Totaal', '€ 1.250.000,00', '€ 100.000,00'],
      label: 'Schone energie (betaalt)',
      short: 'Wonen en wooncoöper… (baat)',
    },
    {
      language: 'en' as const,
      heading: 'Who pays for whose goals',
      poverty: ['Clean energy', 'Affordable energy bills', '€360,000.00', '€30,000.00'],
      total: ['Total', '€1,250,000.00', '€100,000.00'],
      label: 'Clean energy (pays)',
      short: 'Housing and housing… (benefits)',
    },
  ])('draws the flows with their table ($language)', async (c) => {
    await asUser(ui, 'staff', c.language, async (page) => {
      await page.goto('/dashboard');
      await page.getByRole('heading', { name: c.heading }).waitFor();
      const chart = page.getByTestId('funding-flows-chart');
      await chart.locator('path.brug-flow-link').first().waitFor();
      // Two payers (energy, housing), four beneficiaries; five links: energy to each of the
      // model case's four domains, housing to itself.
      expect(await chart.locator('path.brug-flow-link').count()).toBe(5);
      expect(await chart.locator('rect.brug-flow-node').count()).toBe(6);
      const labels = await chart.locator('text').allTextContents();
      expect(labels).toContain(c.label);
      expect(labels).toContain(c.short);
      // One image with a text alternative naming the largest flow.
      const name = await chart.getAttribute('aria-labelledby');
      expect(name).toBe('funding-flows-title funding-flows-desc');
      expect(await page.locator('#funding-flows-desc').textContent()).toMatch(/480[.,]000/);

      const table = page.getByTestId('funding-flows-table');
      const cells = async (flow: string) =>
        (await table.locator(`tr[data-flow="${flow}"]`).locator('th, td').allInnerTexts()).map(
          (s) => s.replace(/\u00a0/g, ' ').trim(),
        );
      expect(await cells('energy>energy-poverty')).toEqual(c.poverty);
      expect(await table.locator('tbody tr').count()).toBe(6);
      const totals = (await table.locator('tbody tr').last().locator('th, td').allInnerTexts()).map(
        (s) => s.replace(/\u00a0/g, ' ').trim(),
      );
      expect(totals).toEqual(c.total);
      await expectAccessible(page, `${c.language} dashboard, funding flows`);
    });
  });
});
