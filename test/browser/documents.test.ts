import { readFile, rm } from 'node:fs/promises';
import type { Page, Route } from 'playwright-core';
import { fileCase } from '../support/factories';
import { exeBytes, pdfBytes, sha256, tempDir } from '../support/documents';
import { expectAccessible, newContext, signIn, startUiApp, type UiApp } from '../support/browser';

/**
 * Issue 16, acceptance 7: on the case page a buyer uploads a file (resumably, with tus), sees
 * its progress bar and cancel button while it goes up, then the new row in the list, and
 * downloads it: the bytes saved are the bytes sent. A file whose content is not what its name
 * says is refused, said at that file in the reader's language. Axe stays clean, in nl and en.
 */
describe('documents on the case page', () => {
  let ui: UiApp;
  let dir: string;
  let uploadDir: string;
  beforeAll(async () => {
    dir = await tempDir('ui-documents');
    uploadDir = await tempDir('ui-uploads');
    ui = await startUiApp({
      env: { DOCUMENT_STORE: 'fs', DOCUMENT_DIR: dir, DOCUMENT_UPLOAD_DIR: uploadDir },
    });
  });
  afterAll(async () => {
    await ui.close();
    await rm(dir, { recursive: true, force: true });
    await rm(uploadDir, { recursive: true, force: true });
  });

  const TEXT = {
    nl: {
      kind: 'Soort document',
      kindOption: 'Bestek',
      direction: 'Richting',
      directionOption: 'Inkomend',
      files: 'Bestanden',
      upload: 'Uploaden',
      progress: /^Voortgang van /,
      cancel: /annuleren$/,
      uploaded: 'Geüpload.',
      cancelled: 'Geannuleerd.',
      shownKind: 'Bestek',
      shownDirection: 'Inkomend',
      download: (title: string) => `${title} downloaden`,
      refused: /^Niet geüpload: De inhoud \(.+\) past niet bij de naam \(\.pdf\)/,
    },
    en: {
      kind: 'Kind of document',
      kindOption: 'Specification',
      direction: 'Direction',
      directionOption: 'Incoming',
      files: 'Files',
      upload: 'Upload',
      progress: /^Progress of /,
      cancel: /^Cancel/,
      uploaded: 'Uploaded.',
      cancelled: 'Cancelled.',
      shownKind: 'Specification',
      shownDirection: 'Incoming',
      download: (title: string) => `Download ${title}`,
      refused: /^Not uploaded: The content \(.+\) does not match the name \(\.pdf\)/,
    },
  } as const;

  /** Holds every tus PATCH until `release` is called, so what shows while it goes up is seen. */
  function holdPatches(page: Page): Promise<{ release: () => void }> {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    return page
      .route('**/documents/uploads/*', async (route: Route) => {
        if (route.request().method() === 'PATCH') await gate;
        await route.continue().catch(() => undefined);
      })
      .then(() => ({ release: open }));
  }

  async function fillFields(page: Page, text: (typeof TEXT)['nl' | 'en']): Promise<void> {
    const section = page.getByTestId('documents');
    await section.getByLabel(text.kind).selectOption({ label: text.kindOption });
    await section.getByLabel(text.direction, { exact: true }).selectOption({
      label: text.directionOption,
    });
  }

  it.each(['nl', 'en'] as const)(
    'in %s: a buyer uploads, sees the progress and the row, and downloads the same bytes',
    async (language) => {
      const text = TEXT[language];
      const c = await fileCase(ui.t, 'buyer', { title: `Documenten in de browser ${language}` });
      const context = await newContext(ui, { language });
      try {
        const page = await context.newPage();
        await signIn(page, 'buyer', `/cases/${c.reference}`);
        const section = page.getByTestId('documents');
        await section.waitFor();
        await expectAccessible(page, `documents, empty (${language})`);

        // 2 MB, so that it is a real stream; a PDF as file-type sees it.
        const content = Buffer.concat([pdfBytes(language), Buffer.alloc(2_000_000, 0x20)]);
        const fileName = `bestek-${language}.pdf`;
        const title = `bestek-${language}`;
        await fillFields(page, text);
        await section
          .getByLabel(text.files, { exact: true })
          .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: content });
        const held = await holdPatches(page);
        await section.getByRole('button', { name: text.upload, exact: true }).click();

        // While the bytes are under way: a progress bar named after the file, and a cancel.
        const item = section.getByTestId('upload-item').filter({ hasText: fileName });
        const bar = item.getByRole('progressbar', { name: text.progress });
        await bar.waitFor();
        expect(await bar.getAttribute('max')).toBe(String(content.length));
        await item.getByRole('button', { name: text.cancel }).waitFor();
        await expectAccessible(page, `documents, uploading (${language})`);
        held.release();

        await item.getByText(text.uploaded).waitFor();
        const row = section.getByTestId('document-row').filter({ hasText: title });
        await row.waitFor();
        const cells = await row.getByRole('cell').allInnerTexts();
        expect(cells.slice(1, 4)).toEqual([text.shownKind, text.shownDirection, '1']);
        expect(cells[5]).toBe('Bo Inkoper');
        await page.unroute('**/documents/uploads/*');

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          row.getByRole('button', { name: text.download(title) }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(fileName);
        const saved = await readFile(await download.path());
        expect(saved.length).toBe(content.length);
        expect(sha256(saved)).toBe(sha256(content));

        // An executable named .pdf: refused at the file, in the reader's language.
        await section
          .getByLabel(text.files, { exact: true })
          .setInputFiles({ name: 'setup.pdf', mimeType: 'application/pdf', buffer: exeBytes() });
        await section.getByRole('button', { name: text.upload, exact: true }).click();
        const bad = section.getByTestId('upload-item').filter({ hasText: 'setup.pdf' });
        await bad.getByRole('alert').getByText(text.refused).waitFor();
        expect(await section.getByTestId('document-row').count()).toBe(1);
        await expectAccessible(page, `documents, refused (${language})`);
      } finally {
        await context.close();
      }
    },
  );

  it('a cancelled upload leaves no document', async () => {
    const text = TEXT.nl;
    const c = await fileCase(ui.t, 'buyer', { title: 'Upload annuleren' });
    const context = await newContext(ui, { language: 'nl' });
    try {
      const page = await context.newPage();
      await signIn(page, 'buyer', `/cases/${c.reference}`);
      const section = page.getByTestId('documents');
      await fillFields(page, text);
      await section
        .getByLabel(text.files, { exact: true })
        .setInputFiles({ name: 'offerte.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
      const held = await holdPatches(page);
      await section.getByRole('button', { name: text.upload, exact: true }).click();
      const item = section.getByTestId('upload-item').filter({ hasText: 'offerte.pdf' });
      await item.getByRole('button', { name: text.cancel }).click();
      await item.getByText(text.cancelled).waitFor();
      held.release();
      await page.reload();
      await section.getByText('Er zijn nog geen documenten bij deze zaak.').waitFor();
    } finally {
      await context.close();
    }
  });
});
