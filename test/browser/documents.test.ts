import { readFile, rm } from 'node:fs/promises';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { fileCase } from '../support/factories';
import { DataSource } from 'typeorm';
import { exeBytes, pdfBytes, sha256, tempDir, upload } from '../support/documents';
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

  it('each role sees the actions it may do: staff add a version and withdraw; auditors read with a reason', async () => {
    const c = await fileCase(ui.t, 'buyer', { title: 'Documenten per rol' });
    const first = await upload(ui.t, 'buyer', c.id, { title: 'Bestek per rol' });
    expect(first.status).toBe(201);
    const second = await upload(ui.t, 'buyer', c.id, {
      title: 'Offerte per rol',
      kind: 'offer',
      fileName: 'offerte.pdf',
    });
    expect(second.status).toBe(201);
    const context = await newContext(ui, { language: 'nl' });
    let auditorContext: BrowserContext | undefined;
    try {
      const page = await context.newPage();
      await signIn(page, 'staff', `/cases/${c.reference}`);
      const section = page.getByTestId('documents');
      await section.getByRole('button', { name: /^Bestek per rol\s*, versies tonen$/ }).click();
      const versions = page.getByTestId('document-versions');
      // The versions are read when the document opens: wait for them before counting.
      await versions.getByTestId('version-row').first().waitFor();
      expect(await versions.getByTestId('version-row').count()).toBe(1);
      await versions
        .getByLabel('Bestand voor de nieuwe versie')
        .setInputFiles({ name: 'bestek-v2.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
      await versions.getByRole('button', { name: 'Uploaden', exact: true }).click();
      await versions.getByText('Versie 2 is toegevoegd.').waitFor();
      await versions.getByTestId('version-row').nth(1).waitFor();
      expect(await versions.getByTestId('version-row').first().innerText()).toContain(
        'bestek-v2.pdf',
      );
      await expectAccessible(page, 'documents, versions as staff');
      await versions.getByRole('button', { name: 'Intrekken', exact: true }).click();
      await versions.getByText('Vul een reden in van hoogstens 1.000 tekens.').waitFor();
      await versions.getByLabel('Reden van intrekken').fill('Verkeerde versie gedeeld');
      await versions.getByRole('button', { name: 'Intrekken', exact: true }).click();
      await versions.waitFor({ state: 'detached' });
      await section.getByTestId('document-row').filter({ hasText: 'Bestek per rol' }).waitFor({
        state: 'detached',
      });

      // An auditor: no upload, no new version, no withdrawal; content only with a reason.
      // (The session is kept per tab: a new tab signs in afresh.)
      await page.close();
      // Another person, another browser: the staff member's session cookie stays in theirs.
      auditorContext = await newContext(ui, { language: 'nl' });
      const auditor = await auditorContext.newPage();
      await signIn(auditor, 'auditor', `/cases/${c.reference}`);
      const audited = auditor.getByTestId('documents');
      const row = audited.getByTestId('document-row').filter({ hasText: 'Offerte per rol' });
      await row.waitFor();
      expect(await audited.getByRole('heading', { name: 'Documenten toevoegen' }).count()).toBe(0);
      await row.getByRole('button', { name: 'Offerte per rol downloaden' }).click();
      await row.getByRole('alert').getByText('Vul eerst de reden van inzage in.').waitFor();
      await audited.getByLabel('Reden van inzage').fill('Wob-verzoek 2026-17');
      const [download] = await Promise.all([
        auditor.waitForEvent('download'),
        row.getByRole('button', { name: 'Offerte per rol downloaden' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('offerte.pdf');
      await row.getByRole('button', { name: /^Offerte per rol\s*, versies tonen$/ }).click();
      const opened = auditor.getByTestId('document-versions');
      await opened.getByTestId('version-row').first().waitFor();
      expect(await opened.getByRole('heading', { name: 'Document intrekken' }).count()).toBe(0);
      expect(await opened.getByRole('heading', { name: 'Nieuwe versie toevoegen' }).count()).toBe(
        0,
      );
      await expectAccessible(auditor, 'documents as an auditor');
      const [event] = await ui.t.app.get(DataSource).query<{ actor_role: string; data: string }[]>(
        `SELECT actor_role, data FROM audit_events WHERE action = 'document.downloaded'
            AND subject_id = $1 ORDER BY seq DESC LIMIT 1`,
        [(second.body as { id: string }).id],
      );
      expect(event?.actor_role).toBe('auditor');
      expect(JSON.parse(event!.data)).toMatchObject({ reason: 'Wob-verzoek 2026-17' });
    } finally {
      await context.close();
      await auditorContext?.close();
    }
  });
});
