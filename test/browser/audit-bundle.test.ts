import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { noteSigner } from '../../src/audit/signed-note';
import { waitUntilSequenced } from '../support/audit';
import {
  addNote,
  eventually,
  expectAccessible,
  newContext,
  PHONE,
  seedShowcase,
  signIn,
  startUiApp,
  type UiApp,
} from '../support/browser';

/**
 * Issue 15, item 6: the auditor's pages. An auditor keeps the latest checkpoint as a file,
 * downloads the model case's bundle (with the consistency proof from the kept checkpoint) and
 * checks it in the page with Web Crypto, against the published key: every event in order and
 * the log only grew. A copy with one byte of one event's data changed names that event and the
 * `dataHash` check; another key fails the signature. In real Chromium, nl and en, axe clean.
 */
describe('the auditor checks a case bundle in the browser', () => {
  let ui: UiApp;
  let model: string;
  let modelId: string;
  let db: DataSource;
  const dir = mkdtempSync(join(tmpdir(), 'brug-bundle-'));

  beforeAll(async () => {
    ui = await startUiApp();
    ({ model, modelId } = await seedShowcase(ui.t));
    db = ui.t.app.get(DataSource);
    await waitUntilSequenced(db);
  });
  afterAll(async () => {
    await ui.close();
    rmSync(dir, { recursive: true, force: true });
  });

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

  async function downloaded(page: Page, click: () => Promise<void>) {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  }

  const rows = (page: Page) => page.locator('.brug-bundle-table tbody tr');

  /** Chooses the files, checks, and waits for a result whose text has `expected`. */
  async function verify(
    page: Page,
    expected: string,
    files: { bundle: string; key?: string; earlier?: string },
  ): Promise<string> {
    await page.locator('#bundle-file').setInputFiles(files.bundle);
    if (files.earlier) await page.locator('#bundle-earlier').setInputFiles(files.earlier);
    if (files.key !== undefined) await page.locator('#bundle-key').fill(files.key);
    await page.locator('#bundle-verify-heading ~ form button[type="submit"]').click();
    return eventually(async () => {
      const text = await page.getByTestId('bundle-result').innerText();
      expect(text).toContain(expected);
      return text;
    });
  }

  it('keeps a checkpoint, downloads the bundle, finds it valid; one changed byte is named (nl)', async () => {
    await asAuditor('nl', async (page) => {
      // The latest checkpoint: size, root, time and the note, downloaded as a file to keep.
      await page.goto('/audit/verify');
      const note = page.getByTestId('checkpoint-note');
      await note.waitFor();
      const noteText = await note.innerText();
      expect(noteText).toMatch(/^\S+\n\d+\n[A-Za-z0-9+/]{43}=\n\n\u2014 \S+ \S+\n?$/);
      // At 375 px the note's long signature line scrolls inside the note, not the page.
      await page.setViewportSize(PHONE);
      expect(
        await page.evaluate<number>('document.documentElement.scrollWidth'),
      ).toBeLessThanOrEqual(PHONE.width);
      await page.setViewportSize({ width: 1280, height: 900 });
      const kept = await downloaded(page, () =>
        page.getByRole('button', { name: 'Checkpoint downloaden' }).click(),
      );
      const keptSize = Number(kept.text.split('\n')[1]);
      expect(kept.name).toBe(`brug-audit-checkpoint-${keptSize}.txt`);
      expect(kept.text.trimEnd()).toBe(noteText.trimEnd());
      const keptFile = join(dir, kept.name);
      writeFileSync(keptFile, kept.text);

      // The log grows after the auditor kept the checkpoint.
      await addNote(ui.t, 'staff', modelId, 'Na het bewaarde checkpoint.', 'internal');
      await waitUntilSequenced(db);

      await page
        .getByRole('link', { name: 'Een bundel van een zaak downloaden of controleren' })
        .click();
      await page.waitForURL('**/audit/bundle');
      // The key is filled in from GET /audit/public-key, and stays editable.
      const published = (await ui.t.http().get('/api/v1/audit/public-key').expect(200)).body as {
        verifierKey: string;
      };
      await eventually(async () =>
        expect(await page.locator('#bundle-key').inputValue()).toBe(published.verifierKey),
      );

      await page.getByLabel('Zaakkenmerk').fill(model);
      await page.locator('#bundle-since').fill(String(keptSize));
      const bundle = await downloaded(page, () =>
        page.getByRole('button', { name: 'Bundel downloaden' }).click(),
      );
      const parsed = JSON.parse(bundle.text) as {
        treeSize: number;
        events: { data: Record<string, unknown> | null }[];
        consistency?: { fromSize: number };
      };
      expect(parsed.treeSize).toBeGreaterThan(keptSize);
      expect(parsed.consistency?.fromSize).toBe(keptSize);
      const count = parsed.events.length;
      expect(count).toBeGreaterThanOrEqual(8);
      const bundleFile = join(dir, 'bundle.json');
      writeFileSync(bundleFile, bundle.text);

      const valid = await verify(page, 'De bundel is in orde', {
        bundle: bundleFile,
        earlier: keptFile,
      });
      expect(valid).toContain(
        `De log is alleen gegroeid sinds uw checkpoint van ${keptSize} bladen.`,
      );
      expect(await rows(page).count()).toBe(count);
      for (const text of await rows(page).allInnerTexts()) expect(text).toMatch(/In orde$/);
      expect(await rows(page).first().innerText()).toContain('Zaak ingediend');
      await expectAccessible(page, 'nl bundle valid');

      // One byte of one event's data changed: that event, and only it, fails on dataHash.
      const target = parsed.events.findIndex((e, i) => i >= 2 && e.data !== null);
      const dataText = JSON.stringify(parsed.events[target]!.data);
      const at = bundle.text.indexOf(dataText);
      expect(at).toBeGreaterThan(0);
      const flip = at + dataText.search(/[0-9a-z](?=[^"]*"[,}])/);
      const changedChar = bundle.text[flip] === 'a' ? 'b' : 'a';
      const tampered = bundle.text.slice(0, flip) + changedChar + bundle.text.slice(flip + 1);
      expect(tampered.length).toBe(bundle.text.length);
      const tamperedFile = join(dir, 'tampered.json');
      writeFileSync(tamperedFile, tampered);

      await page.reload();
      await page.locator('#bundle-key').waitFor();
      await eventually(async () =>
        expect(await page.locator('#bundle-key').inputValue()).toBe(published.verifierKey),
      );
      const invalid = await verify(page, 'De bundel is niet in orde', { bundle: tamperedFile });
      expect(invalid).toContain(`1 van de ${count} gebeurtenissen kloppen niet.`);
      const texts = await rows(page).allInnerTexts();
      texts.forEach((text, i) => {
        if (i === target) {
          expect(text).toContain(`${target + 1}\t`);
          expect(text).toContain('Niet in orde: dataHash — de gegevens passen niet bij hun hash');
          expect(text).not.toContain('inclusiebewijs');
        } else {
          expect(text).toMatch(/In orde$/);
        }
      });
      expect(await page.locator('.brug-bundle-table tr[data-failed]').count()).toBe(1);
      await expectAccessible(page, 'nl bundle with a changed event');
    });
  });

  it('a key the auditor trusts that did not sign the checkpoint fails the signature (en)', async () => {
    await asAuditor('en', async (page) => {
      await page.goto(`/cases/${model}`);
      const bundle = await downloaded(page, () =>
        page.getByRole('button', { name: 'Download this case’s bundle' }).click(),
      );
      const bundleFile = join(dir, 'bundle-en.json');
      writeFileSync(bundleFile, bundle.text);
      await page.goto('/audit/bundle');
      await page.locator('h1').waitFor();
      await expectAccessible(page, 'en bundle page');

      // Checked with the published key: in order.
      const published = (await ui.t.http().get('/api/v1/audit/public-key').expect(200)).body as {
        verifierKey: string;
      };
      await verify(page, 'The bundle is in order', {
        bundle: bundleFile,
        key: published.verifierKey,
      });

      // Another Ed25519 key under the same name: a valid key, but not the signer.
      const other = noteSigner(published.verifierKey.split('+')[0]!, Buffer.alloc(32, 7));
      const result = await verify(page, 'The bundle is not in order', {
        bundle: bundleFile,
        key: other.verifierKey,
      });
      expect(result).toContain('Not in order: checkpoint signature — does not verify with the key');
      expect(await rows(page).count()).toBe(0);
      await expectAccessible(page, 'en bundle with another key');
    });
  });
});
