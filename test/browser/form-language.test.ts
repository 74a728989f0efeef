import type { Page } from 'playwright-core';
import { fileCase } from '../support/factories';
import {
  asUser,
  expectAccessible,
  type Language,
  move,
  recordFunding,
  routeCase,
  startUiApp,
  type UiApp,
} from '../support/browser';
import { DEMO, DEMO_PASSWORD, type DemoUserKey } from '../support/test-app';

/**
 * What a person reads, as in web/src/common/locales (the root type check cannot import them: they
 * are the web build's modules).
 */
const TEXT = {
  nl: {
    'signIn.submit': 'Inloggen',
    'signIn.fillBoth': 'Vul uw e-mailadres en uw wachtwoord in.',
    'signIn.wrongCredentials': 'Het e-mailadres of het wachtwoord klopt niet.',
    'nav.fileCase': 'Zaak indienen',
    'fileCase.submit': 'Zaak indienen',
    'fileCase.addLine': 'Financieringsregel toevoegen',
    'fileCase.fundingLine': 'Financieringsregel {{number}}',
    'case.estimatedValue': 'Geschatte waarde',
    'errors.field.required': 'Vul dit in.',
    'errors.field.not_an_amount':
      'Vul een bedrag in euro’s in, bijvoorbeeld 1.200.000 of 450000,50.',
    'errors.field.length_between': 'Gebruik {{min}} tot {{max}} tekens.',
    'funding.amount': 'Bedrag',
    'funding.submit': 'Vastleggen',
    'funding.refused': 'Dit kan niet volgens de regels van het financieringslog',
    'transition.confirm': '{{action}}: bevestigen',
    'transition.decline': 'Zaak afwijzen',
    'transition.takeOn': 'Zaak oppakken',
    'transition.propose': 'Oplossing voorstellen',
    'transition.acceptProposal': 'Voorstel aannemen',
    'transition.withdraw': 'Zaak intrekken',
    'common.cancel': 'Annuleren',
    'actions.done': 'De zaak staat nu op “{{status}}”.',
    'status.accepted': 'Opgepakt',
    'notes.submit': 'Notitie opslaan',
    'notes.bodyError': 'Schrijf een notitie van hoogstens 10.000 tekens.',
    'outcome.summary': 'Samenvatting van de uitkomst',
    'outcome.supplierName': 'Naam van de leverancier',
    'outcome.supplierType': 'Soort leverancier',
    'outcome.awardedValue': 'Gegunde waarde',
    'password.submit': 'Wachtwoord wijzigen',
    'errors.problem.forbidden_wrong_current_password': 'Uw huidige wachtwoord klopt niet.',
    'verify.submit': 'Log controleren',
    'verify.expectHeadError': 'Vul een kop in als <nummer>:<64 hexadecimale tekens>.',
    'errors.chain.missed_head': 'de keten loopt niet door de kop die u eerder noteerde.',
  },
  en: {
    'signIn.submit': 'Sign in',
    'signIn.fillBoth': 'Enter your email address and your password.',
    'signIn.wrongCredentials': 'The email address or the password is wrong.',
    'nav.fileCase': 'File a case',
    'fileCase.submit': 'File the case',
    'fileCase.addLine': 'Add a funding line',
    'fileCase.fundingLine': 'Funding line {{number}}',
    'case.estimatedValue': 'Estimated value',
    'errors.field.required': 'Fill this in.',
    'errors.field.not_an_amount': 'Enter an amount in euros, for example 1,200,000 or 450000.50.',
    'errors.field.length_between': 'Use {{min}} to {{max}} characters.',
    'funding.amount': 'Amount',
    'funding.submit': 'Record',
    'funding.refused': 'The funding log’s rules do not allow this',
    'transition.confirm': '{{action}}: confirm',
    'transition.decline': 'Decline the case',
    'transition.takeOn': 'Take the case on',
    'transition.propose': 'Propose a solution',
    'transition.acceptProposal': 'Accept the proposal',
    'transition.withdraw': 'Withdraw the case',
    'common.cancel': 'Cancel',
    'actions.done': 'The case is now “{{status}}”.',
    'status.accepted': 'Taken on',
    'notes.submit': 'Save the note',
    'notes.bodyError': 'Write a note of at most 10,000 characters.',
    'outcome.summary': 'Summary of the outcome',
    'outcome.supplierName': 'Supplier name',
    'outcome.supplierType': 'Kind of supplier',
    'outcome.awardedValue': 'Awarded value',
    'password.submit': 'Change password',
    'errors.problem.forbidden_wrong_current_password': 'Your current password is not right.',
    'verify.submit': 'Verify the log',
    'verify.expectHeadError': 'Enter a head as <number>:<64 hexadecimal digits>.',
    'errors.chain.missed_head': 'the chain does not pass through the head you wrote down.',
  },
};

/**
 * Issue 13, items 1 and 2 in the browser: every form of the interface, submitted empty and
 * with wrong values, says what is wrong in the reader's language only (never the API's English
 * sentences, never a field path like `outcome.supplierType`), and names each field at most once
 * in its error summary. Axe stays clean with the errors shown.
 */
describe('forms say what is wrong in the reader’s language', () => {
  let ui: UiApp;
  beforeAll(async () => {
    ui = await startUiApp();
  });
  afterAll(() => ui.close());

  /** What must not appear on a page in each language. */
  const FOREIGN: Record<Language, RegExp[]> = {
    nl: [
      /\bmust\b/i,
      /\bshould not\b/i,
      /\bcharacters\b/i,
      /\bDisbursing\b/,
      /\bReleasing\b/,
      /\bnot valid\b/i,
      /\bis required\b/i,
      /\bhash mismatch\b/,
      /\bdoes not pass\b/,
    ],
    en: [/\bmoet\b/i, /\bverplicht\b/i, /\bongeldig\b/i, /\bVul\b/, /\bKies\b/, /\btekens\b/],
  };
  /** A field path of the API (`outcome.supplierType:`, `initialFunding[2]`). */
  const FIELD_PATH = /\b[a-z]+[A-Z]?\w*\.[a-z]\w*:|\[\d+\]/;

  /** `asUser`, signing in through the sign-in page's own button in that language. */
  const as = (who: DemoUserKey | null, language: Language, work: (page: Page) => Promise<void>) =>
    asUser(ui, null, language, async (page) => {
      if (who) await signInAs(page, who, language);
      await work(page);
    });

  async function signInAs(page: Page, who: DemoUserKey, language: Language): Promise<void> {
    await page.goto('/sign-in');
    await page.locator('#sign-in-email').fill(DEMO[who]);
    await page.locator('#sign-in-password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: TEXT[language]['signIn.submit'] }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await settled(page);
  }

  async function settled(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await page.locator('.brug-loading').first().waitFor({ state: 'detached' });
  }

  /**
   * The page says something went wrong (`shown` appears), only in `language`, with no field path,
   * each control at most once in the error summary; axe finds nothing serious.
   */
  async function expectSaid(
    page: Page,
    language: Language,
    shown: string | RegExp,
    label: string,
  ): Promise<void> {
    const main = page.locator('main');
    await main.getByText(shown).first().waitFor();
    const text = await main.innerText();
    for (const foreign of FOREIGN[language]) {
      expect({ label, found: foreign.exec(text)?.[0] ?? null }).toEqual({ label, found: null });
    }
    expect({ label, path: FIELD_PATH.exec(text)?.[0] ?? null }).toEqual({ label, path: null });
    const links = await page
      .locator('main [class*="invalid-form-alert"] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect({ label, links }).toEqual({ label, links: [...new Set(links)] });
    await expectAccessible(page, `${label} (${language})`);
  }

  /** The summary's entries, as read. */
  const summaryOf = (page: Page) =>
    page.locator('main [class*="invalid-form-alert"] a').allInnerTexts();

  describe.each(['nl', 'en'] as const)('in %s', (language) => {
    const L = TEXT[language];

    it('sign-in: empty, then a wrong password', async () => {
      await as(null, language, async (page) => {
        await page.goto('/sign-in');
        await page.getByRole('button', { name: L['signIn.submit'] }).click();
        await expectSaid(page, language, L['signIn.fillBoth'], 'sign-in empty');
        await page.locator('#sign-in-email').fill('nobody@brug.example');
        await page.locator('#sign-in-password').fill('not the password');
        await page.getByRole('button', { name: L['signIn.submit'] }).click();
        await expectSaid(page, language, L['signIn.wrongCredentials'], 'sign-in wrong');
      });
    });

    it('filing: empty, then a wrong amount and a short title', async () => {
      await as('buyer', language, async (page) => {
        await page.getByRole('link', { name: L['nav.fileCase'] }).first().click();
        await settled(page);
        await page.getByRole('button', { name: L['fileCase.submit'] }).click();
        await expectSaid(page, language, L['errors.field.required'], 'filing empty');
        const empty = await summaryOf(page);
        // The value once, and asked for as an amount (not "must not be greater than …").
        expect(empty.filter((e) => e.startsWith(L['case.estimatedValue']))).toEqual([
          `${L['case.estimatedValue']}: ${L['errors.field.not_an_amount']}`,
        ]);

        await page.locator('#case-title').fill('Kort');
        await page.locator('#case-value').fill('1,2 miljoen');
        await page.locator('#case-lead-domain').selectOption('energy');
        await page.getByRole('button', { name: L['fileCase.addLine'] }).click();
        await page.locator('#funding-0-domain').selectOption('energy');
        await page.locator('#funding-0-amount').fill('veel');
        await page.getByRole('button', { name: L['fileCase.submit'] }).click();
        await expectSaid(
          page,
          language,
          L['errors.field.length_between'].replace('{{min}}', '5').replace('{{max}}', '200'),
          'filing wrong',
        );
        const wrong = await summaryOf(page);
        expect(wrong.filter((e) => e.startsWith(L['case.estimatedValue']))).toHaveLength(1);
        const line = `${L['fileCase.fundingLine'].replace('{{number}}', '1')}: ${L['funding.amount'].toLocaleLowerCase()}`;
        expect(wrong.filter((e) => e.startsWith(line))).toHaveLength(1);
      });
    });

    describe('on a case', () => {
      let routed: { id: string; reference: string };
      let working: { id: string; reference: string };
      let proposed: { id: string; reference: string };
      beforeAll(async () => {
        const file = async () => {
          const c = await fileCase(ui.t, 'buyer', {
            title: `Zaak voor de taal van formulieren (${language})`,
            initialFunding: [{ domainCode: 'energy', amountCents: 45_000_000 }],
          });
          await routeCase(ui.t, c.id);
          return c;
        };
        routed = await file();
        working = await file();
        await move(ui.t, 'staff', working.id, 'accepted');
        await move(ui.t, 'staff', working.id, 'in_progress');
        proposed = await file();
        await move(ui.t, 'staff', proposed.id, 'accepted');
        await move(ui.t, 'staff', proposed.id, 'in_progress');
        await move(ui.t, 'staff', proposed.id, 'proposed', { proposal: 'Een voorstel.' });
        await recordFunding(ui.t, 'budgetEnergy', working.id, {
          domainCode: 'energy',
          kind: 'commit',
          amountCents: 35_000_000,
        });
      });

      const open = async (page: Page, c: { reference: string }) => {
        await page.goto(`/cases/${c.reference}`);
        await settled(page);
      };
      const transitionForm = async (page: Page, button: string) => {
        await page.getByRole('button', { name: button, exact: true }).click();
        await page
          .getByRole('button', { name: L['transition.confirm'].replace('{{action}}', button) })
          .click();
      };

      it('decline without a reason, then take the case on', async () => {
        await as('staff', language, async (page) => {
          await open(page, routed);
          await transitionForm(page, L['transition.decline']);
          await expectSaid(page, language, L['errors.field.required'], 'decline empty');
          await page.getByRole('button', { name: L['common.cancel'] }).click();
          await page.getByRole('button', { name: L['transition.takeOn'], exact: true }).click();
          await expectSaid(
            page,
            language,
            L['actions.done'].replace('{{status}}', L['status.accepted']),
            'take on',
          );
        });
      });

      it('propose without a proposal; an empty note', async () => {
        await as('staff', language, async (page) => {
          await open(page, working);
          await transitionForm(page, L['transition.propose']);
          await expectSaid(page, language, L['errors.field.required'], 'propose empty');
          await page.getByRole('button', { name: L['common.cancel'] }).click();
          await page.getByRole('button', { name: L['notes.submit'] }).click();
          await expectSaid(page, language, L['notes.bodyError'], 'note empty');
        });
      });

      it('accept the proposal with an empty outcome, then a wrong value', async () => {
        await as('buyer', language, async (page) => {
          await open(page, proposed);
          await transitionForm(page, L['transition.acceptProposal']);
          await expectSaid(page, language, L['errors.field.required'], 'outcome empty');
          const summary = await summaryOf(page);
          for (const label of [
            L['outcome.summary'],
            L['outcome.supplierName'],
            L['outcome.supplierType'],
            L['outcome.awardedValue'],
          ]) {
            expect(summary.filter((e) => e.startsWith(`${label}:`))).toHaveLength(1);
          }
          await page.locator('#transition-awardedValueCents').fill('1,2 miljoen');
          await page
            .getByRole('button', {
              name: L['transition.confirm'].replace('{{action}}', L['transition.acceptProposal']),
            })
            .click();
          await expectSaid(page, language, L['errors.field.required'], 'outcome wrong');
        });
      });

      it('withdraw without a reason', async () => {
        await as('buyer', language, async (page) => {
          await open(page, routed);
          await transitionForm(page, L['transition.withdraw']);
          await expectSaid(page, language, L['errors.field.required'], 'withdraw empty');
        });
      });

      it('a funding entry: empty, then more paid out than committed', async () => {
        await as('budgetEnergy', language, async (page) => {
          await open(page, working);
          await page.getByRole('button', { name: L['funding.submit'] }).click();
          await expectSaid(page, language, L['errors.field.not_an_amount'], 'funding empty');
          await page.locator('#entry-kind').selectOption('disburse');
          await page.locator('#entry-amount').fill(language === 'nl' ? '350.000,01' : '350,000.01');
          await page.getByRole('button', { name: L['funding.submit'] }).click();
          await expectSaid(page, language, L['funding.refused'], 'funding refused');
          const refusal = await page.locator('main [role="alert"]').first().innerText();
          expect(refusal).toMatch(language === 'nl' ? /350\.000,01/ : /350,000\.01/);
        });
      });
    });

    it('password change: empty, then a wrong current password', async () => {
      await as('buyer2', language, async (page) => {
        await page.goto('/me');
        await settled(page);
        await page.getByRole('button', { name: L['password.submit'] }).click();
        await expectSaid(page, language, L['errors.field.required'], 'password empty');
        expect(await summaryOf(page)).toHaveLength(2);
        await page.locator('#password-currentPassword').fill('not my password');
        await page.locator('#password-newPassword').fill('a-new-password-long-enough');
        await page.getByRole('button', { name: L['password.submit'] }).click();
        await expectSaid(
          page,
          language,
          L['errors.problem.forbidden_wrong_current_password'],
          'password wrong',
        );
      });
    });

    it('the chain check: a wrong head, then a head the chain does not pass', async () => {
      await as('auditor', language, async (page) => {
        await page.goto('/audit/verify');
        await settled(page);
        await page.locator('#verify-expect-head').fill('12:zz');
        await page.getByRole('button', { name: L['verify.submit'] }).click();
        await expectSaid(page, language, L['verify.expectHeadError'], 'verify wrong head');
        await page.locator('#verify-expect-head').fill(`999999:${'0'.repeat(64)}`);
        await page.getByRole('button', { name: L['verify.submit'] }).click();
        await expectSaid(page, language, L['errors.chain.missed_head'], 'verify missed head');
      });
    });
  });
});
