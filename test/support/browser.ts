import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { CasesService } from '../../src/cases/cases.service';
import { WEB_DIST_DIR } from '../../src/web-ui';
import { bearer, fileCase } from './factories';
import { DEMO, DEMO_PASSWORD, startTestApp, type DemoUserKey, type TestApp } from './test-app';

/**
 * Browser tests: the real application (startTestApp, serving the built UI from web/dist) on a
 * real port, driven by Debian's Chromium through playwright-core.
 */
export const CHROMIUM_PATH = process.env.BRUG_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = resolve(__dirname, '..', '..');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');
export const DOCS_SCREENSHOT_DIR = join(ROOT, 'docs', 'screenshots');

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

export interface UiApp {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** `port`: listen there (a test that must know the address first, for an OpenID provider). */
export async function startUiApp(
  options: { env?: Record<string, string>; port?: number } = {},
): Promise<UiApp> {
  if (!existsSync(join(WEB_DIST_DIR, 'index.html'))) {
    throw new Error(`No built UI at ${WEB_DIST_DIR}: run "npm run build" (npm test does).`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (.ci/run does).`);
  }
  const t = await startTestApp({ env: options.env });
  await t.app.listen(options.port ?? 0, '127.0.0.1');
  const address = t.app.getHttpServer().address() as { port: number };
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    t,
    baseUrl: `http://127.0.0.1:${address.port}`,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * A fresh browser context (its own session and storage) in the given language and size. The
 * browser's own locale follows the language unless given (`en-US`: a browser that puts the month
 * first, which Brug's own formats must not follow).
 */
export async function newContext(
  ui: UiApp,
  options: {
    language?: 'nl' | 'en';
    viewport?: { width: number; height: number };
    locale?: string;
  } = {},
): Promise<BrowserContext> {
  const context = await ui.browser.newContext({
    baseURL: ui.baseUrl,
    viewport: options.viewport ?? DESKTOP,
    locale: options.locale ?? (options.language === 'en' ? 'en-GB' : 'nl-NL'),
    timezoneId: 'Europe/Amsterdam',
    reducedMotion: 'reduce',
  });
  if (options.language === 'en') {
    await context.addInitScript({ content: "localStorage.setItem('brug.language', 'en');" });
  }
  // A guard, not a speed check: a loaded 2-core machine running the suite can take seconds per step.
  context.setDefaultTimeout(60_000);
  return context;
}

/** Signs a demo user in through the sign-in page and waits for their home page. */
export async function signIn(page: Page, who: DemoUserKey, path = '/'): Promise<void> {
  await page.goto(`/sign-in?returnTo=${encodeURIComponent(path)}`);
  await page.locator('#sign-in-email').fill(DEMO[who]);
  await page.locator('#sign-in-password').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.locator('main h1').first().waitFor();
}

export type Language = 'nl' | 'en';

export interface PageOptions {
  /** Where the user lands after signing in (default `/`). */
  path?: string;
  viewport?: { width: number; height: number };
  /** The browser's own locale, when it is not the one of the language (see `newContext`). */
  locale?: string;
  /** Wait until the page's loading indicators are gone. */
  loaded?: boolean;
}

async function pageOf(
  context: BrowserContext,
  who: DemoUserKey | null,
  options: PageOptions,
): Promise<Page> {
  const page = await context.newPage();
  if (who) await signIn(page, who, options.path);
  else if (options.path) await page.goto(options.path);
  if (options.loaded) await page.locator('.brug-loading').first().waitFor({ state: 'detached' });
  return page;
}

/**
 * A page of a fresh browser context, a demo user signed in, in the given language. The context
 * lives until the browser closes (`ui.close()`).
 */
export async function signedInPage(
  ui: UiApp,
  who: DemoUserKey,
  language: Language = 'nl',
  options: PageOptions = {},
): Promise<Page> {
  const context = await newContext(ui, {
    language,
    viewport: options.viewport,
    locale: options.locale,
  });
  return pageOf(context, who, options);
}

/**
 * Runs `work` on a page of a fresh browser context, a demo user signed in (`null`: a visitor who
 * has not), in the given language, and closes the context after.
 */
export async function asUser(
  ui: UiApp,
  who: DemoUserKey | null,
  language: Language,
  work: (page: Page) => Promise<void>,
  options: PageOptions = {},
): Promise<void> {
  const context = await newContext(ui, {
    language,
    viewport: options.viewport,
    locale: options.locale,
  });
  try {
    await work(await pageOf(context, who, options));
  } finally {
    await context.close();
  }
}

/** Fails (naming each problem) on any serious or critical WCAG 2.1 A/AA violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Only violations are looked at: skipping the details of passes makes axe much faster.
    .options({ resultTypes: ['violations'] })
    .analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${label}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(serious).toEqual([]);
}

/**
 * Fails (naming each) when visible text on the page is not set in the design system's typeface
 * (Amsterdam Sans): an element outside the design system's components inherits the browser's
 * default serif otherwise. Code and monospace blocks are meant to differ.
 */
export async function expectDesignSystemType(page: Page, label: string): Promise<void> {
  // Runs in the page (a string: the tests are compiled without the DOM's types).
  const strays = await page.evaluate<string[]>(`(() => {
    const found = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (element.closest('pre, code, kbd, samp, svg, .ams-visually-hidden')) continue;
      const text = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
      if (!text || element.getClientRects().length === 0) continue;
      const family = getComputedStyle(element).fontFamily;
      if (!family.startsWith('"Amsterdam Sans"') && !family.includes('monospace'))
        found.push(element.tagName.toLowerCase() + ' “' + text.slice(0, 40) + '” in ' + family);
    }
    return found;
  })()`);
  expect(strays.map((stray) => `${label}: ${stray}`)).toEqual([]);
}

/**
 * Saves a full-page screenshot under test-results/screenshots (ignored by git) and copies it to
 * docs/screenshots, where the README shows it.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await mkdir(DOCS_SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  await copyFile(file, join(DOCS_SCREENSHOT_DIR, `${name}.png`));
  return file;
}

/**
 * Routes a filed case to a MeentCoop team as the workflow would (`CasesService.route`, the
 * cases module's own entry for it), so that tests of the UI do not wait on the workers.
 */
export async function routeCase(
  t: TestApp,
  caseId: string,
  options: { team?: string; koppel?: string; acceptInHours?: number; proposeInHours?: number } = {},
): Promise<void> {
  const db = t.app.get(DataSource);
  const [team] = await db.query<{ id: string }[]>(
    `SELECT id FROM organisation_units WHERE code = $1`,
    [options.team ?? 'meentcoop-energy'],
  );
  const [koppel] = await db.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [
    options.koppel ?? DEMO.staff,
  ]);
  if (!team || !koppel) throw new Error('demo team or staff member missing');
  const hours = (n: number) => new Date(Date.now() + n * 3_600_000);
  const routed = await t.app.get(CasesService).route(caseId, {
    teamId: team.id,
    koppelMeentcoopId: koppel.id,
    acceptBy: hours(options.acceptInHours ?? 72),
    proposeBy: hours(options.proposeInHours ?? 240),
  });
  if (!routed) throw new Error(`case ${caseId} was not filed`);
}

/** Polls until the check holds (or fails after the timeout, with the last error). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Moves a case along the state machine through the API, at its current version. */
export async function move(
  t: TestApp,
  who: DemoUserKey,
  id: string,
  to: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const auth = await bearer(t, who);
  const current = await t.http().get(`/api/v1/cases/${id}`).set(auth).expect(200);
  const response = await t
    .http()
    .post(`/api/v1/cases/${id}/transitions`)
    .set(auth)
    .set('If-Match', `"${(current.body as { version: number }).version}"`)
    .send({ to, ...extra });
  if (response.status !== 200) throw new Error(`${to}: ${response.status} ${response.text}`);
}

export async function recordFunding(
  t: TestApp,
  who: DemoUserKey,
  id: string,
  entry: Record<string, unknown>,
): Promise<void> {
  const response = await t
    .http()
    .post(`/api/v1/cases/${id}/funding-entries`)
    .set(await bearer(t, who))
    .send(entry);
  if (response.status !== 201) throw new Error(`funding: ${response.status} ${response.text}`);
}

export async function addNote(
  t: TestApp,
  who: DemoUserKey,
  id: string,
  body: string,
  visibility: 'internal' | 'shared',
): Promise<void> {
  await t
    .http()
    .post(`/api/v1/cases/${id}/notes`)
    .set(await bearer(t, who))
    .send({ body, visibility })
    .expect(201);
}

/**
 * A small, varied set of cases for pages worth looking at: the model case in progress with
 * notes and pledges, one breached and one due-soon case in the queue, a resolved one (for the
 * commons share) and one still filed.
 */
export async function seedShowcase(t: TestApp): Promise<{ model: string; modelId: string }> {
  const model = await fileCase(t, 'buyer', {
    initialFunding: [
      { domainCode: 'energy', amountCents: 45_000_000, budgetLine: 'KP-ENERGIE-7710' },
    ],
  });
  await routeCase(t, model.id);
  await move(t, 'staff', model.id, 'accepted');
  await move(t, 'staff', model.id, 'in_progress');
  await addNote(
    t,
    'staff',
    model.id,
    'Gesprek met Energiecoöperatie Zuiderlicht gepland.',
    'internal',
  );
  await addNote(t, 'staff', model.id, 'We onderzoeken cofinanciering door Wonen.', 'shared');
  await recordFunding(t, 'staff', model.id, {
    domainCode: 'housing',
    kind: 'pledge',
    amountCents: 30_000_000,
  });
  await recordFunding(t, 'budgetEnergy', model.id, {
    domainCode: 'energy',
    kind: 'commit',
    amountCents: 20_000_000,
  });

  const breached = await fileCase(t, 'buyer2', {
    title: 'Buurtzorg en warme maaltijden voor ouderen',
    estimatedValueCents: 38_000_000,
    priority: 'urgent',
    domains: [
      { code: 'care', role: 'lead' },
      { code: 'food', role: 'affected' },
    ],
    initialFunding: [{ domainCode: 'care', amountCents: 12_000_000 }],
  });
  await routeCase(t, breached.id, {
    team: 'meentcoop-care',
    koppel: DEMO.staff2,
    acceptInHours: -3,
  });

  const dueSoon = await fileCase(t, 'buyer', {
    title: 'Isolatie van corporatiewoningen met bewonerscollectief',
    estimatedValueCents: 250_000_000,
    domains: [
      { code: 'housing', role: 'lead' },
      { code: 'energy', role: 'affected' },
      { code: 'energy-poverty', role: 'affected' },
    ],
  });
  await routeCase(t, dueSoon.id, {
    team: 'meentcoop-housing',
    koppel: DEMO.staff2,
    acceptInHours: 5,
  });

  const resolved = await fileCase(t, 'buyer', {
    title: 'Kledinginzameling en upcycling via buurtcollectieven',
    estimatedValueCents: 60_000_000,
    domains: [
      { code: 'circular', role: 'lead' },
      { code: 'community', role: 'affected' },
    ],
    initialFunding: [{ domainCode: 'circular', amountCents: 60_000_000 }],
  });
  await routeCase(t, resolved.id);
  await move(t, 'staff', resolved.id, 'accepted');
  await move(t, 'staff', resolved.id, 'in_progress');
  await move(t, 'staff', resolved.id, 'proposed', {
    proposal: 'Gunnen aan een coöperatie van buurtcollectieven.',
  });
  await move(t, 'buyer', resolved.id, 'resolved', {
    outcome: {
      summary: 'Gegund aan Coöperatie Kringloop Noord',
      supplierName: 'Coöperatie Kringloop Noord',
      supplierType: 'cooperative',
      awardedValueCents: 58_000_000,
    },
  });

  await fileCase(t, 'buyer2', {
    title: 'Mobiliteit voor mantelzorgers',
    estimatedValueCents: 9_000_000,
    priority: 'low',
    domains: [
      { code: 'mobility', role: 'lead' },
      { code: 'care', role: 'affected' },
    ],
  });
  return { model: model.reference, modelId: model.id };
}
