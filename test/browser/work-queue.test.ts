import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CasesService } from '../../src/cases/cases.service';
import { QueueService } from '../../src/workflow/queues/queue.service';
import {
  eventually,
  expectAccessible,
  PHONE,
  SCREENSHOT_DIR,
  signedInPage,
  startUiApp,
  type UiApp,
} from '../support/browser';
import { bearer, fileCase } from '../support/factories';

/**
 * Issue 13, items 9-11 in the browser, with the workflow's workers on (they route every case):
 * the work queue's columns, sorts, total and default team, its action at 375 px; the case page
 * right after filing (one answer for status, team and timeline, refreshed until routed); and
 * the reason of a priority raised by an SLA breach.
 */
describe('the work queue and the case page (issue 13, items 9-11)', () => {
  let ui: UiApp;
  const titles = {
    big: 'Wachtrij zonnepanelen scholen',
    small: 'Wachtrij laadpalen buurthuis',
    housing: 'Wachtrij woningisolatie corporaties',
  };

  beforeAll(async () => {
    ui = await startUiApp({ env: { WORKERS: 'on', RELAY_POLL_MS: '200' } });
    // Three cases, routed by the workers: two to the energy team, one to the housing team.
    const filed = [
      await fileCase(ui.t, 'buyer', {
        title: titles.big,
        estimatedValueCents: 900_000_000,
        priority: 'normal',
      }),
      await fileCase(ui.t, 'buyer2', {
        title: titles.small,
        estimatedValueCents: 5_000_000,
        priority: 'high',
      }),
      await fileCase(ui.t, 'buyer', {
        title: titles.housing,
        estimatedValueCents: 40_000_000,
        domains: [{ code: 'housing', role: 'lead' }],
      }),
    ];
    const auth = await bearer(ui.t, 'staff');
    for (const c of filed) {
      await eventually(async () => {
        const response = await ui.t.http().get(`/api/v1/cases/${c.id}`).set(auth).expect(200);
        expect(response.body.status).toBe('routed');
      });
    }
  });
  afterAll(async () => {
    await ui.close();
  });

  /** The estimated values of the queue's rows, top to bottom, in euros. */
  async function values(page: Page): Promise<number[]> {
    const cells = await page
      .locator('[data-testid="queue-row"] td.brug-queue-value')
      .allInnerTexts();
    return cells.map((text) => Number(text.replace(/[^\d]/g, '')));
  }

  const WORDS = {
    nl: {
      headers: ['Prioriteit', 'Leidend domein', 'Geschatte waarde', 'Koper'],
      value: 'Geschatte waarde',
      total: /^(\d+) zaken?$/,
      allTeams: 'Alle teams',
      apply: 'Filter toepassen',
      energyTeam: 'MeentCoop Energie',
      updating: 'De lijst wordt bijgewerkt…',
    },
    en: {
      headers: ['Priority', 'Lead domain', 'Estimated value', 'Buyer'],
      value: 'Estimated value',
      total: /^(\d+) cases?$/,
      allTeams: 'All teams',
      apply: 'Apply filter',
      energyTeam: 'MeentCoop Energie',
      updating: 'Updating the list…',
    },
  } as const;

  describe.each(['nl', 'en'] as const)('in %s', (language) => {
    const w = WORDS[language];

    it('opens on one’s own team with the new columns and the total; sorts by value; all teams on request', async () => {
      const page = await signedInPage(ui, 'staff', language, { path: '/queue', loaded: true });
      // Own team by default: the energy team's cases, not the housing team's.
      await page
        .locator('#queue-team option[value="meentcoop-energy"]')
        .waitFor({ state: 'attached' });
      expect(await page.locator('#queue-team').inputValue()).toBe('meentcoop-energy');
      await page.getByRole('link', { name: /BRUG-/ }).first().waitFor();
      const rows = page.locator('[data-testid="queue-row"]');
      await expect(rows.filter({ hasText: titles.big }).count()).resolves.toBe(1);
      await expect(rows.filter({ hasText: titles.housing }).count()).resolves.toBe(0);
      for (const header of w.headers) {
        await expect(
          page.getByRole('columnheader', { name: header, exact: true }).count(),
        ).resolves.toBe(1);
      }
      // The buyer: the person who filed, and their unit.
      const small = rows.filter({ hasText: titles.small });
      expect(await small.innerText()).toContain('Bram de Vries');

      // The total is the API's, for the same filters.
      const api = await ui.t
        .http()
        .get(
          '/api/v1/cases?team=meentcoop-energy&status=routed&status=accepted&status=in_progress&status=proposed',
        )
        .set(await bearer(ui.t, 'staff'))
        .expect(200);
      const total = await page.getByTestId('queue-total').innerText();
      expect(Number(w.total.exec(total)?.[1])).toBe(api.body.total);
      await expectAccessible(page, `queue (${language})`);

      // Sorting by value: highest first, then lowest first; the header says which.
      const header = page.getByRole('columnheader', { name: w.value, exact: true });
      await header.getByRole('button').click();
      await page.waitForURL(/sort=-estimatedValue/);
      // The header follows the address once the page has drawn the new order.
      await eventually(async () =>
        expect(await header.getAttribute('aria-sort')).toBe('descending'),
      );
      await eventually(async () => {
        const got = await values(page);
        expect(got).toEqual([...got].sort((a, b) => b - a));
        expect(got.length).toBeGreaterThanOrEqual(2);
      });
      await header.getByRole('button').click();
      await page.waitForURL(/sort=estimatedValue/);
      // The header follows the address once the page has drawn the new order.
      await eventually(async () =>
        expect(await header.getAttribute('aria-sort')).toBe('ascending'),
      );
      await eventually(async () => {
        const got = await values(page);
        expect(got).toEqual([...got].sort((a, b) => a - b));
      });
      await expectAccessible(page, `queue sorted by value (${language})`);

      // Every team, when asked for.
      await page.locator('#queue-team').selectOption({ label: w.allTeams });
      await page.getByRole('button', { name: w.apply }).click();
      await page.waitForURL(/team=all/);
      await rows.filter({ hasText: titles.housing }).waitFor();
    });

    it('marks the list it still shows as updating while the list for new filters loads', async () => {
      const page = await signedInPage(ui, 'staff', language, { path: '/queue', loaded: true });
      const rows = page.locator('[data-testid="queue-row"]');
      await rows.filter({ hasText: titles.big }).waitFor();
      const results = page.locator('[aria-busy]').filter({ has: rows.first() });
      expect(await results.getAttribute('aria-busy')).toBe('false');

      // Every team's list (asked for without a team) is held back until the test has seen what
      // the page shows meanwhile.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(
        (url) => url.pathname === '/api/v1/cases' && !url.searchParams.has('team'),
        async (route) => {
          await held;
          await route.continue().catch(() => undefined);
        },
      );
      await page.locator('#queue-team').selectOption({ label: w.allTeams });
      await page.getByRole('button', { name: w.apply }).click();
      await page.waitForURL(/team=all/);

      // The energy team's rows stay on screen, marked busy, with the bar, announced as updating.
      await page.locator('[aria-busy="true"]').first().waitFor();
      expect(await results.getAttribute('aria-busy')).toBe('true');
      expect(await results.getAttribute('class')).toContain('brug-updating');
      await expect(page.getByRole('status').filter({ hasText: w.updating }).count()).resolves.toBe(
        1,
      );
      await expect(rows.filter({ hasText: titles.housing }).count()).resolves.toBe(0);
      await expectAccessible(page, `queue updating (${language})`);

      release();
      await rows.filter({ hasText: titles.housing }).waitFor();
      await eventually(async () => expect(await results.getAttribute('aria-busy')).toBe('false'));
      await expect(page.getByRole('status').filter({ hasText: w.updating }).count()).resolves.toBe(
        0,
      );
    });

    it('keeps “take on” reachable at 375 px: each row a card with its action', async () => {
      const page = await signedInPage(ui, 'staff', language, {
        path: '/queue?sort=-estimatedValue',
        viewport: PHONE,
        loaded: true,
      });
      const card = page.locator('[data-testid="queue-row"]').filter({ hasText: titles.big });
      await card.waitFor();
      const action = card.getByRole('button', { name: /Oppakken|Take on/ });
      const box = await action.boundingBox();
      expect(box).not.toBeNull();
      // Inside the screen's width, without scrolling sideways.
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
      // The sort select stands in for the header buttons.
      await page.locator('#queue-sort').selectOption('deadline');
      await page.waitForURL(/sort=deadline/);
      await expectAccessible(page, `queue at 375 px (${language})`);
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `queue-375-${language}.png`),
        fullPage: true,
      });
    });

    it('explains a priority raised by an SLA breach on the case page', async () => {
      const filed = await fileCase(ui.t, 'buyer', {
        title: `Termijn verlopen ${language}`,
        priority: 'high',
      });
      const auth = await bearer(ui.t, 'staff');
      await eventually(async () => {
        const response = await ui.t.http().get(`/api/v1/cases/${filed.id}`).set(auth).expect(200);
        expect(response.body.status).toBe('routed');
      });
      // As the SLA job records a breach of the accept stage.
      const breached = await ui.t.app
        .get(CasesService)
        .recordSlaBreach(filed.id, 'accept', new Date(Date.now() - 60_000));
      expect(breached).toBe(true);
      const page = await signedInPage(ui, 'staff', language, {
        path: `/cases/${filed.reference}`,
        loaded: true,
      });
      const reason = page.getByTestId('priority-raised');
      await reason.waitFor();
      expect(await reason.innerText()).toMatch(
        language === 'nl'
          ? /^Prioriteit verhoogd van hoog naar spoed: de termijn voor oppakken is overschreden op \d+ \S+ \d{4}/
          : /^Priority raised from high to urgent: the deadline to take the case on passed on \d+ \S+ \d{4}/,
      );
      await expectAccessible(page, `case with a raised priority (${language})`);
    });
  });

  it('shows one truth right after filing, and follows the routing without a reload', async () => {
    // Routing held back until the page has shown the filed case (workers on, queue paused).
    const routing = ui.t.app.get(QueueService).queues.routing;
    await routing.pause();
    let resumed = false;
    try {
      const page = await signedInPage(ui, 'buyer', 'nl', { path: '/cases/new', loaded: true });
      await page.getByLabel('Titel').fill('Direct na indienen');
      await page.locator('#case-value').fill('250.000');
      await page.locator('#case-lead-domain').selectOption('energy');
      await page.getByRole('button', { name: 'Zaak indienen' }).click();
      await page.getByText(/^Zaak BRUG-\d{4}-\d{6} is ingediend$/).waitFor();

      /** Badge, team and the timeline's last step, as the page shows them now. */
      const facts = async () => ({
        badge: (
          await page.getByTestId('case-status').locator('.ams-badge').first().innerText()
        ).trim(),
        team: await page
          .locator('section[aria-labelledby="details-heading"] dt', { hasText: 'MeentCoop-team' })
          .locator('xpath=following-sibling::dd[1]')
          .innerText(),
        // Each step's heading without its "completed"/"current" text for screen readers.
        steps: await page.evaluate<string[]>(
          `[...document.querySelectorAll('section[aria-labelledby="timeline-heading"] .ams-progress-list__heading')].map((h) => h.lastChild.textContent.trim())`,
        ),
      });
      const filed = await facts();
      expect(filed).toEqual({
        badge: 'Ingediend',
        team: 'Nog niet doorgezet',
        steps: ['Ingediend'],
      });
      await expectAccessible(page, 'case page right after filing');

      await routing.resume();
      resumed = true;
      // Without a reload: the page reads the case again while it is being routed.
      const routed = await eventually(async () => {
        const now = await facts();
        // Whatever moment it is caught at, the three agree.
        if (now.badge === 'Ingediend') {
          expect(now).toEqual(filed);
        }
        expect(now.badge).toBe('Doorgezet');
        return now;
      });
      expect(routed).toEqual({
        badge: 'Doorgezet',
        team: 'MeentCoop Energie',
        steps: ['Ingediend', 'Doorgezet'],
      });
    } finally {
      if (!resumed) await routing.resume();
    }
  });
});
