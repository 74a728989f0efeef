import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DocumentCleanup } from '../src/documents/document-cleanup';
import { DocumentStore, type StoredObject } from '../src/documents/document-store';
import { bearer, fileCase } from './support/factories';
import {
  download,
  exeBytes,
  pdfBytes,
  rawMultipart,
  sha256,
  tempDir,
  upload,
} from './support/documents';
import { expectProblem } from './support/problem';
import { TestS3Server } from './support/s3-server';
import { startTestApp, type TestApp } from './support/test-app';

const MAX_BYTES = 1024 * 1024;

interface StoreUnderTest {
  env: Record<string, string>;
  /** Makes the store fail for the next upload (of content with this hash); `repair` undoes it. */
  break: (sha256: string) => Promise<void>;
  repair: () => Promise<void>;
  close: () => Promise<void>;
}

async function fsStore(): Promise<StoreUnderTest> {
  const dir = await tempDir('documents');
  let broken: string | undefined;
  return {
    env: { DOCUMENT_STORE: 'fs', DOCUMENT_DIR: dir },
    // Tests run as root, where a read-only mode stops no write: a directory where the content
    // must go does. The upload streams in whole, then cannot be kept under its hash.
    break: async (hash) => {
      broken = join(dir, 'sha256', hash.slice(0, 2), hash);
      await mkdir(join(broken, 'in-the-way'), { recursive: true });
    },
    repair: async () => {
      if (broken) await rm(broken, { recursive: true, force: true });
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

async function s3Store(): Promise<StoreUnderTest> {
  const s3 = await TestS3Server.start();
  let stopped: Promise<void> | undefined;
  return {
    env: s3.env(),
    // The server stops (its connections cut) when the upload's first request reaches it.
    break: () => {
      stopped = s3.stopOnNextRequest();
      return Promise.resolve();
    },
    repair: async () => {
      await stopped;
      await s3.resume();
    },
    close: () => s3.destroy(),
  };
}

describe.each([
  ['fs', fsStore],
  ['s3', s3Store],
] as const)('documents on cases (%s store)', (_name, makeStore) => {
  let store: StoreUnderTest;
  let t: TestApp;
  let db: DataSource;
  let caseId: string;
  let uploadDir: string;

  beforeAll(async () => {
    store = await makeStore();
    uploadDir = await tempDir('uploads');
    t = await startTestApp({
      env: { ...store.env, DOCUMENT_UPLOAD_DIR: uploadDir, DOCUMENT_MAX_BYTES: String(MAX_BYTES) },
    });
    db = t.app.get(DataSource);
    caseId = (await fileCase(t, 'buyer')).id;
  });
  afterAll(async () => {
    await t.close();
    await store.close();
    await rm(uploadDir, { recursive: true, force: true });
  });

  const stored = async (): Promise<StoredObject[]> => {
    const out: StoredObject[] = [];
    for await (const o of t.app.get(DocumentStore).list()) out.push(o);
    return out;
  };
  const rowCount = async () =>
    Number((await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM document_versions`))[0]!.n);
  const auditOf = async (documentId: string) =>
    db.query<{ action: string; actor_role: string; data: string }[]>(
      `SELECT action, actor_role, data FROM audit_events WHERE subject_id = $1 ORDER BY seq`,
      [documentId],
    );
  const docs = (id = caseId) => `/api/v1/cases/${id}/documents`;

  it('acceptance 1: bestek shared by the buyer, memo internal by staff; versions; audited bytes', async () => {
    const bestek = pdfBytes('bestek v1');
    const created = await upload(t, 'buyer', caseId, {
      content: bestek,
      fileName: 'Bestek v1.pdf',
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      title: 'Bestek energiebespaarservice',
      kind: 'specification',
      direction: 'incoming',
      visibility: 'shared',
      versionCount: 1,
      latest: {
        number: 1,
        fileName: 'Bestek v1.pdf',
        mediaType: 'application/pdf',
        sizeBytes: bestek.length,
        sha256: sha256(bestek),
      },
    });
    const pdfId = created.body.id as string;

    const memo = Buffer.from('Interne notitie: de raming lijkt te laag.\n');
    const memoUpload = await upload(t, 'staff', caseId, {
      title: 'Memo raming',
      kind: 'correspondence',
      direction: 'internal',
      visibility: 'internal',
      fileName: 'memo.txt',
      content: memo,
    });
    expect(memoUpload.status).toBe(201);
    expect(memoUpload.body.latest.mediaType).toBe('text/plain; charset=utf-8');
    const memoId = memoUpload.body.id as string;

    // The buyer lists the PDF only; downloads it; gets 404 on the memo.
    const buyerList = await t
      .http()
      .get(docs())
      .set(await bearer(t, 'buyer'))
      .expect(200);
    expect(buyerList.body.items.map((d: { id: string }) => d.id)).toEqual([pdfId]);
    const got = await download(t, 'buyer', `${docs()}/${pdfId}/versions/1/content`);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body, bestek)).toBe(0);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-length']).toBe(String(bestek.length));
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Bestek v1.pdf"; filename*=UTF-8''Bestek%20v1.pdf`,
    );
    expect(got.headers.etag).toBe(`"${sha256(bestek)}"`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expectProblem(await download(t, 'buyer', `${docs()}/${memoId}/versions/1/content`), 404);
    expectProblem(
      await t
        .http()
        .get(`${docs()}/${memoId}`)
        .set(await bearer(t, 'buyer')),
      404,
    );

    // Staff see both; buyer2 (another unit) sees neither.
    const staffList = await t
      .http()
      .get(docs())
      .set(await bearer(t, 'staff'))
      .expect(200);
    expect(staffList.body.items).toHaveLength(2);
    for (const id of [pdfId, memoId]) {
      expectProblem(await download(t, 'buyer2', `${docs()}/${id}/versions/1/content`), 404);
    }
    expectProblem(
      await t
        .http()
        .get(docs())
        .set(await bearer(t, 'buyer2')),
      404,
    );

    // A new version keeps version 1 downloadable.
    const bestek2 = pdfBytes('bestek v2');
    const second = await t
      .http()
      .post(`${docs()}/${pdfId}/versions`)
      .set({ ...(await bearer(t, 'buyer')), 'If-Match': '"1"' })
      .attach('file', bestek2, 'Bestek v2.pdf');
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ versionCount: 2, version: 2, latest: { number: 2 } });
    const v1 = await download(t, 'buyer', `${docs()}/${pdfId}/versions/1/content`);
    const v2 = await download(t, 'buyer', `${docs()}/${pdfId}/versions/2/content`);
    expect(Buffer.compare(v1.body, bestek)).toBe(0);
    expect(Buffer.compare(v2.body, bestek2)).toBe(0);
    const versions = await t
      .http()
      .get(`${docs()}/${pdfId}/versions`)
      .set(await bearer(t, 'buyer'))
      .expect(200);
    expect(versions.body.items.map((v: { number: number }) => v.number)).toEqual([2, 1]);

    // The trail: the uploads with their SHA-256 (equal to the downloaded bytes'), every read.
    const trail = await auditOf(pdfId);
    expect(trail.map((e) => e.action)).toEqual([
      'document.uploaded',
      'document.downloaded',
      'document.version_added',
      'document.downloaded',
      'document.downloaded',
    ]);
    const data = trail.map((e) => JSON.parse(e.data) as Record<string, unknown>);
    expect(data[0]).toMatchObject({ versionNumber: 1, sha256: sha256(v1.body) });
    expect(data[2]).toMatchObject({ versionNumber: 2, sha256: sha256(v2.body) });
    expect(data[1]).toMatchObject({ versionNumber: 1, sha256: sha256(bestek) });
    expect((await auditOf(memoId)).map((e) => e.action)).toEqual(['document.uploaded']);

    // Verify: the stored bytes read back agree with the row and the trail.
    const verified = await t
      .http()
      .get(`${docs()}/${pdfId}/versions/1/verify`)
      .set(await bearer(t, 'auditor'))
      .expect(200);
    expect(verified.body).toEqual({
      number: 1,
      recordedSha256: sha256(bestek),
      auditedSha256: sha256(bestek),
      storedSha256: sha256(bestek),
      intact: true,
    });
  });

  it('serves one byte range, refuses one past the end, and audits auditors with their reason', async () => {
    const bytes = pdfBytes('ranges');
    const id = (await upload(t, 'staff', caseId, { content: bytes })).body.id as string;
    const path = `${docs()}/${id}/versions/1/content`;
    const part = await download(t, 'staff', path, { Range: 'bytes=5-14' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 5-14/${bytes.length}`);
    expect(Buffer.compare(part.body, bytes.subarray(5, 15))).toBe(0);
    const tail = await download(t, 'staff', path, { Range: 'bytes=-6' });
    expect(Buffer.compare(tail.body, bytes.subarray(bytes.length - 6))).toBe(0);
    const past = await download(t, 'staff', path, { Range: `bytes=${bytes.length}-` });
    expectProblem(past, 416);
    expect(past.headers['content-range']).toBe(`bytes */${bytes.length}`);

    const noReason = await download(t, 'auditor', path);
    expect(expectProblem(noReason, 400).errors).toEqual([
      expect.objectContaining({ field: 'reason', code: 'required' }),
    ]);
    const read = await download(
      t,
      'auditor',
      `${path}?reason=${encodeURIComponent('Wob-verzoek 2026-17')}`,
    );
    expect(read.status).toBe(200);
    const last = (await auditOf(id)).at(-1)!;
    expect(last).toMatchObject({ action: 'document.downloaded', actor_role: 'auditor' });
    expect(JSON.parse(last.data)).toMatchObject({ reason: 'Wob-verzoek 2026-17' });
  });

  it('withdraws with a reason: hidden from the list, kept, audited; no new versions', async () => {
    const id = (await upload(t, 'staff', caseId, { title: 'Verkeerd bestand' })).body.id as string;
    const withdrawn = await t
      .http()
      .post(`${docs()}/${id}/withdrawal`)
      .set({ ...(await bearer(t, 'staff')), 'If-Match': '"1"' })
      .send({ reason: 'Verkeerd bestand geüpload' })
      .expect(200);
    expect(withdrawn.body.withdrawal).toMatchObject({ reason: 'Verkeerd bestand geüpload' });
    const list = await t
      .http()
      .get(docs())
      .set(await bearer(t, 'staff'))
      .expect(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).not.toContain(id);
    const all = await t
      .http()
      .get(`${docs()}?withdrawn=true`)
      .set(await bearer(t, 'staff'));
    expect(all.body.items.map((d: { id: string }) => d.id)).toContain(id);
    expect((await download(t, 'staff', `${docs()}/${id}/versions/1/content`)).status).toBe(200);
    const again = await t
      .http()
      .post(`${docs()}/${id}/versions`)
      .set({ ...(await bearer(t, 'staff')), 'If-Match': '"2"' })
      .attach('file', pdfBytes(), 'nieuw.pdf');
    expect(expectProblem(again, 409).code).toBe('document_withdrawn');
    expect((await auditOf(id)).map((e) => e.action)).toContain('document.withdrawn');
  });

  describe('acceptance 3: bad uploads leave no row and no content', () => {
    let before: { rows: number; objects: number };
    beforeEach(async () => {
      before = { rows: await rowCount(), objects: (await stored()).length };
    });
    afterEach(async () => {
      expect(await rowCount()).toBe(before.rows);
      expect((await stored()).length).toBe(before.objects);
    });

    it('an empty file: 400 on the file', async () => {
      const r = await upload(t, 'buyer', caseId, { content: Buffer.alloc(0) });
      expect(expectProblem(r, 400).errors).toEqual([
        expect.objectContaining({ field: 'file', code: 'empty_file' }),
      ]);
    });

    it('an .exe renamed to .pdf: 415 naming what the content is', async () => {
      const r = await upload(t, 'buyer', caseId, { content: exeBytes(), fileName: 'offerte.pdf' });
      expect(expectProblem(r, 415)).toMatchObject({
        code: 'document_type_not_allowed',
        params: { extension: 'pdf', detected: 'application/x-msdownload' },
      });
    });

    it('HTML, named .html or .txt: 415', async () => {
      const html = Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>');
      expectProblem(await upload(t, 'buyer', caseId, { content: html, fileName: 'a.html' }), 415);
      const r = await upload(t, 'buyer', caseId, { content: html, fileName: 'a.txt' });
      expect(expectProblem(r, 415).params).toMatchObject({ detected: 'text/html' });
    });

    it.each([
      ['../../etc/passwd.pdf', 'path'],
      ['map\\bestek.pdf', 'path'],
      ['bestek\u0007.pdf', 'control'],
      ['bestek\u0000.pdf', 'control'],
      ['bestek\u202egpj.pdf', 'control'],
      [`${'é'.repeat(126)}.pdf`, 'too_long'],
      ['bestek', 'extension'],
    ])('a file name %j: 400 (%s)', async (fileName, reason) => {
      const { contentType, body } = rawMultipart(
        { title: 'Naam', kind: 'other', direction: 'incoming', visibility: 'shared' },
        fileName,
        pdfBytes(),
      );
      const r = await t
        .http()
        .post(docs())
        .set({ ...(await bearer(t, 'buyer')), 'Content-Type': contentType })
        .send(body);
      expect(expectProblem(r, 400).errors).toEqual([
        expect.objectContaining({ field: 'file', code: 'invalid_file_name', params: { reason } }),
      ]);
    });

    it('no file part: 400', async () => {
      const r = await t
        .http()
        .post(docs())
        .set(await bearer(t, 'buyer'))
        .field('title', 'Zonder bestand')
        .field('kind', 'other')
        .field('direction', 'incoming')
        .field('visibility', 'shared');
      expect(expectProblem(r, 400).errors).toEqual([
        expect.objectContaining({ field: 'file', code: 'required' }),
      ]);
    });

    it('bad fields: 400 naming each, before the file is stored', async () => {
      const r = await upload(t, 'buyer', caseId, { kind: 'poster', title: '' });
      const fields = (expectProblem(r, 400).errors as { field: string }[]).map((e) => e.field);
      expect(fields.sort()).toEqual(['kind', 'title']);
      const internal = await upload(t, 'buyer', caseId, { visibility: 'internal' });
      expect(expectProblem(internal, 403).code).toBe('forbidden');
    });

    it('not multipart: 415', async () => {
      const r = await t
        .http()
        .post(docs())
        .set(await bearer(t, 'buyer'))
        .send({ title: 'JSON', kind: 'other' });
      expect(expectProblem(r, 415).code).toBe('unsupported_content_type');
    });

    it('a case that does not exist, or another unit’s: 404', async () => {
      expectProblem(await upload(t, 'buyer', '00000000-0000-4000-8000-000000000000'), 404);
      expectProblem(await upload(t, 'buyer2', caseId), 404);
      expectProblem(await upload(t, 'budgetEnergy', caseId), 403);
    });

    it('over the limit: 413 while the body is still coming, without reading the rest', async () => {
      const total = 64 * MAX_BYTES;
      const { status, body, written } = await sendUntilAnswered(t, caseId, total);
      expect(status).toBe(413);
      expect(JSON.parse(body)).toMatchObject({
        code: 'document_too_large',
        params: { maxBytes: MAX_BYTES },
      });
      // The server answered after about the limit, not after the 64 MiB sent in all.
      expect(written).toBeLessThan(total / 4);
    });
  });

  it('acceptance 4: the store fails mid-upload: 503, no row, nothing left after the clean-up', async () => {
    const rows = await rowCount();
    const big = Buffer.concat([pdfBytes('big'), Buffer.alloc(MAX_BYTES - 4096, 7)]);
    await store.break(sha256(big));
    try {
      const r = await upload(t, 'staff', caseId, { content: big, fileName: 'groot.pdf' });
      expect(expectProblem(r, 503).code).toBe('service_unavailable');
    } finally {
      await store.repair();
    }
    expect(await rowCount()).toBe(rows);
    await t.app.get(DocumentCleanup).run(new Date(Date.now() + 60_000));
    const named = new Set(
      (await db.query<{ sha256: string }[]>(`SELECT sha256 FROM document_versions`)).map(
        (r) => r.sha256,
      ),
    );
    const left = await stored();
    expect(left.filter((o) => o.kind === 'temporary')).toEqual([]);
    expect(left.map((o) => o.name).sort()).toEqual([...named].sort());
  });

  it('the clean-up job removes content no row names and keeps what rows name', async () => {
    const storeApi = t.app.get(DocumentStore);
    const { Readable } = await import('node:stream');
    const orphan = await storeApi.writeTemporary(Readable.from([Buffer.from('orphan bytes')]));
    await storeApi.promote(orphan, sha256(Buffer.from('orphan bytes')));
    const young = await t.app.get(DocumentCleanup).run();
    expect(young.removed).toBe(0);
    const result = await t.app.get(DocumentCleanup).run(new Date(Date.now() + 60_000));
    expect(result.removed).toBe(1);
    const names = (await stored()).map((o) => o.name);
    expect(names).not.toContain(sha256(Buffer.from('orphan bytes')));
    expect(names.length).toBeGreaterThan(0);
  });
});

/**
 * Streams a multipart upload of `total` bytes (chunked, as a browser streaming a file would),
 * writing only as fast as the connection takes it, until the server answers; returns how many
 * bytes were written by then.
 */
function sendUntilAnswered(
  t: TestApp,
  caseId: string,
  total: number,
): Promise<{ status: number; body: string; written: number }> {
  return (async () => {
    const token = await t.token('buyer');
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const boundary = 'brugboundary42';
    const head = Buffer.from(
      ['title', 'kind', 'direction', 'visibility']
        .map(
          (name, i) =>
            `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${['Groot', 'other', 'incoming', 'shared'][i]}\r\n`,
        )
        .join('') +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="groot.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    return new Promise((resolve, reject) => {
      let written = 0;
      let answered = false;
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/cases/${caseId}/documents`,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Transfer-Encoding': 'chunked',
        },
      });
      req.on('response', (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), written }),
        );
        res.on('error', reject);
      });
      req.on('error', (error) => {
        if (!answered) reject(error);
      });
      const chunk = Buffer.alloc(64 * 1024, 1);
      const first = Buffer.concat([head, pdfBytes('groot')]);
      const pump = () => {
        while (!answered && written < total) {
          const next = written === 0 ? first : chunk;
          written += next.length;
          if (!req.write(next)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
  })();
}
