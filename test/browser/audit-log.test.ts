import type { BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { bearer } from '../support/factories';
import {
  eventually,
  expectAccessible,
  newContext,
  seedShowcase,
  signIn,
  startUiApp,
  type UiApp,
} from '../support/browser';
import { DEMO } from '../support/test-app';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * Issue 13, item 20 in the browser, in Dutch and English: an auditor finds the model case's
 * events by its reference and by an action chosen by name, and reads them as an accountant
 * would: statuses in words, amounts in euros, people, teams and domains by name, no UUIDs and
 * no JSON unless asked for ("stored data").
 */
describe('the audit log, readable', () => {
  let ui: UiApp;
  let model: string;
  beforeAll(async () => {
    ui = await startUiApp();
    ({ model } = await seedShowcase(ui.t));
    // An assignee: a person named by id in the event's data.
    const t = ui.t;
    const [staff2] = await t.app
      .get(DataSource)
      .query<{ id: string }[]>('SELECT id FROM users WHERE email = $1', [DEMO.staff2]);
    const staff = await bearer(t, 'staff');
    const current = await t.http().get(`/api/v1/cases/${model}`).set(staff).expect(200);
    await t
      .http()
      .patch(`/api/v1/cases/${model}`)
      .set({ ...staff, 'If-Match': `"${(current.body as { version: number }).version}"` })
      .send({ assigneeId: staff2!.id })
      .expect(200);
  });
  afterAll(() => ui.close());

  async function asAuditor(language: 'nl' | 'en', work: (page: Page) => Promise<void>) {
    const context: BrowserContext = await newContext(ui, { language });
    try {
      const page = await context.newPage();
      await signIn(page, 'auditor');
      await work(page);
    } finally {
      await context.close();
    }
  }

  async function settled(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await page.locator('.brug-loading').first().waitFor({ state: 'detached' });
  }

  const rowsOf = (page: Page) => page.locator('.brug-audit-table tbody tr');

  /** The rows' text once the table shows `count` rows (the previous page stays while loading). */
  function rowTexts(page: Page, count?: number): Promise<string[]> {
    return eventually(async () => {
      const texts = (await rowsOf(page).allInnerTexts()).map((s) => s.replace(/\u00a0/g, ' '));
      if (count !== undefined) expect(texts).toHaveLength(count);
      return texts;
    });
  }

  const WORDS = {
    nl: {
      reference: 'Zaakkenmerk',
      action: 'Handeling',
      apply: 'Filter toepassen',
      statusChanged: 'Status gewijzigd',
      transitions: ['Status: Doorgezet → Opgepakt', 'Status: Opgepakt → In behandeling'],
      funding: 'Financiering vastgelegd',
      amounts: ['Bedrag: € 450.000,00', 'Bedrag: € 300.000,00', 'Bedrag: € 200.000,00'],
      domains: ['Domein: Schone energie', 'Domein: Wonen en wooncoöperaties'],
      kinds: ['Soort: Toezegging', 'Soort: Vastlegging'],
      people: [
        'Behandelaar: leeg → Samir Koppel',
        'Koppel (MeentCoop): Sanne Meent',
        'Team: MeentCoop Energie',
      ],
      raw: 'Opgeslagen gegevens',
    },
    en: {
      reference: 'Case reference',
      action: 'Action',
      apply: 'Apply filter',
      statusChanged: 'Status changed',
      transitions: ['Status: Routed → Taken on', 'Status: Taken on → In progress'],
      funding: 'Funding recorded',
      amounts: ['Amount: €450,000.00', 'Amount: €300,000.00', 'Amount: €200,000.00'],
      domains: ['Domain: Clean energy', 'Domain: Housing and housing cooperatives'],
      kinds: ['Kind: Pledge', 'Kind: Commitment'],
      people: [
        'Assignee: empty → Samir Koppel',
        'Koppel (MeentCoop): Sanne Meent',
        'Team: MeentCoop Energie',
      ],
      raw: 'Stored data',
    },
  } as const;

  it.each(['nl', 'en'] as const)(
    'filters by the case reference and by "status changed", and reads in words (%s)',
    async (language) => {
      const w = WORDS[language];
      await asAuditor(language, async (page) => {
        await page.goto('/audit');
        await settled(page);
        await page.getByLabel(w.reference).fill(model.toLowerCase());
        await page.getByLabel(w.action).selectOption({ label: w.statusChanged });
        await page.getByRole('button', { name: w.apply }).click();
        await page.waitForURL(/caseReference=/);
        const url = new URL(page.url());
        expect(url.searchParams.get('caseReference')).toBe(model.toLowerCase());
        expect(url.searchParams.get('action')).toBe('case.transitioned');
        await settled(page);
        const rows = rowsOf(page);
        // Routing is a status change like the others since issue 14 (by Brug): three rows.
        const texts = await rowTexts(page, 3);
        for (const text of texts) {
          expect(text).toContain(w.statusChanged);
          expect(text).toContain(model); // the subject: the reference, as a link
          expect(text).toContain('Sanne Meent');
          expect(text).not.toMatch(UUID);
          expect(text).not.toMatch(/[{}"]|in_progress|accepted|case\.transitioned/);
        }
        const all = texts.join('\n');
        for (const line of w.transitions) expect(all).toContain(line);
        await expect(
          rows.first().getByRole('link', { name: model }).getAttribute('href'),
        ).resolves.toBe(`/cases/${model}`);
        await expectAccessible(page, `${language} audit log filtered`);

        // The stored data stays one click away, for auditors.
        await rows.first().getByText(w.raw).click();
        expect(await rows.first().locator('pre').innerText()).toMatch(
          /"to": "(accepted|in_progress)"/,
        );
        await expectAccessible(page, `${language} audit log with stored data`);
      });
    },
  );

  it.each(['nl', 'en'] as const)(
    'shows funding in euros, domains and people by name, from a deep link (%s)',
    async (language) => {
      const w = WORDS[language];
      await asAuditor(language, async (page) => {
        await page.goto(`/audit?caseReference=${model}&action=funding.entry_recorded`);
        await settled(page);
        // The filters show the address's choice.
        await expect(page.getByLabel(w.reference).inputValue()).resolves.toBe(model);
        await expect(page.getByLabel(w.action).inputValue()).resolves.toBe(
          'funding.entry_recorded',
        );
        const texts = await rowTexts(page, 3);
        const all = texts.join('\n');
        for (const line of [...w.amounts, ...w.domains, ...w.kinds]) expect(all).toContain(line);
        expect(all).toContain(w.funding);
        expect(all).not.toMatch(UUID);
        expect(all).not.toMatch(/Cents|45000000|funding\.entry_recorded/);

        // Everything about the case: the people named by id in the data are named.
        await page.goto(`/audit?caseReference=${model}`);
        await settled(page);
        const everything = (
          await eventually(async () => {
            const texts = await rowTexts(page);
            expect(texts.length).toBeGreaterThan(3);
            return texts;
          })
        ).join('\n');
        for (const line of w.people) expect(everything).toContain(line);
        expect(everything).not.toMatch(UUID);
        await expectAccessible(page, `${language} audit log of one case`);
      });
    },
  );

  it('the case page’s trail reads the same and links to the log (nl)', async () => {
    await asAuditor('nl', async (page) => {
      await page.goto(`/cases/${model}`);
      await settled(page);
      const trail = page.locator('#case-audit-heading ~ div table');
      await trail.waitFor();
      const text = (await trail.innerText()).replace(/\u00a0/g, ' ');
      expect(text).toContain('Status: Doorgezet → Opgepakt');
      expect(text).toContain('Bedrag: € 450.000,00');
      expect(text).not.toMatch(UUID);
      await page.getByRole('link', { name: `Alles over ${model} in de auditlog` }).click();
      await page.waitForURL(/\/audit\?caseReference=/);
      await settled(page);
      await expect(rowsOf(page).count()).resolves.toBeGreaterThan(5);
    });
  });
});
