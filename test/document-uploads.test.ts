import { createHash } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { bearer, fileCase } from './support/factories';
import { pdfBytes, tempDir } from './support/documents';
import { expectProblem } from './support/problem';
import { startTestApp, type TestApp } from './support/test-app';

const SIZE = 200 * 1024 * 1024;
const BLOCK = 64 * 1024;
const HEADER = pdfBytes('tus');

/** Byte block `k` of the generated file: the PDF header first, then hash-filled blocks. */
function block(k: number): Buffer {
  if (k === 0) {
    const first = Buffer.alloc(BLOCK, 0x20);
    HEADER.copy(first);
    return first;
  }
  const seed = createHash('sha256').update(`block ${k}`).digest();
  const out = Buffer.allocUnsafe(BLOCK);
  for (let i = 0; i < BLOCK; i += seed.length) seed.copy(out, i);
  return out;
}

/** The SHA-256 of the whole generated file, computed block by block (never held whole). */
function expectedSha256(): string {
  const hash = createHash('sha256');
  for (let k = 0; k < SIZE / BLOCK; k++) hash.update(block(k));
  return hash.digest('hex');
}

const encode = (meta: Record<string, string>) =>
  Object.entries(meta)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');

describe('resumable uploads (tus, acceptance 6)', () => {
  let t: TestApp;
  let port: number;
  let caseId: string;
  let dirs: string[];

  beforeAll(async () => {
    dirs = [await tempDir('documents'), await tempDir('uploads')];
    t = await startTestApp({
      env: {
        DOCUMENT_DIR: dirs[0]!,
        DOCUMENT_UPLOAD_DIR: dirs[1]!,
        DOCUMENT_MAX_BYTES: String(256 * 1024 * 1024),
      },
    });
    const server = t.app.getHttpServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    caseId = (await fileCase(t, 'buyer')).id;
  });
  afterAll(async () => {
    await t.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  /** One request; `body` streams blocks from..to, and may be cut after `cutAfter` bytes. */
  function send(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: { from: number; cutAfter?: number },
  ): Promise<{ res: IncomingMessage | null; text: string; sent: number }> {
    return new Promise((resolve, reject) => {
      let sent = 0;
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ res, text: Buffer.concat(chunks).toString(), sent }));
      });
      req.on('error', (error) => {
        if (body?.cutAfter !== undefined) resolve({ res: null, text: '', sent });
        else reject(error);
      });
      if (!body) return void req.end();
      let k = Math.floor(body.from / BLOCK);
      let skip = body.from - k * BLOCK;
      const pump = () => {
        while (k < SIZE / BLOCK) {
          if (body.cutAfter !== undefined && sent >= body.cutAfter) {
            // The connection drops in the middle of the upload.
            req.destroy();
            return;
          }
          const chunk = skip ? block(k).subarray(skip) : block(k);
          skip = 0;
          k++;
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
  }

  it('an interrupted 200 MB upload resumes where it stopped and becomes one version', async () => {
    const auth = { ...(await bearer(t, 'buyer')), 'Tus-Resumable': '1.0.0' };
    const base = `/api/v1/cases/${caseId}/documents/uploads`;
    const created = await send('POST', base, {
      ...auth,
      'Upload-Length': String(SIZE),
      'Upload-Metadata': encode({
        filename: 'bestek-groot.pdf',
        title: 'Bestek met bijlagen',
        kind: 'specification',
        direction: 'incoming',
        visibility: 'shared',
      }),
    });
    expect(created.res?.statusCode).toBe(201);
    const location = created.res!.headers.location!;
    expect(location).toMatch(new RegExp(`^${base}/[0-9a-f]{32}$`));

    // Cut after about 80 MB.
    const first = await send(
      'PATCH',
      location,
      { ...auth, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
      { from: 0, cutAfter: 80 * 1024 * 1024 },
    );
    expect(first.res).toBeNull();

    // The server keeps what arrived: ask until its offset stands still (the write may still end).
    let offset = -1;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const head = await send('HEAD', location, auth);
      expect(head.res?.statusCode).toBe(200);
      const now = Number(head.res!.headers['upload-offset']);
      if (now === offset || Date.now() > deadline) break;
      offset = now;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(SIZE);

    const rest = await send(
      'PATCH',
      location,
      {
        ...auth,
        'Upload-Offset': String(offset),
        'Content-Type': 'application/offset+octet-stream',
      },
      { from: offset },
    );
    expect(rest.sent).toBe(SIZE - offset);
    expect(rest.res?.statusCode).toBe(200);
    const document = JSON.parse(rest.text) as {
      id: string;
      versionCount: number;
      latest: { sha256: string; sizeBytes: number; mediaType: string };
    };
    const want = expectedSha256();
    expect(document).toMatchObject({
      versionCount: 1,
      latest: { sha256: want, sizeBytes: SIZE, mediaType: 'application/pdf' },
    });
    const db = t.app.get(DataSource);
    const rows = await db.query<{ sha256: string }[]>(
      `SELECT v.sha256 FROM document_versions v JOIN documents d ON d.id = v.document_id
        WHERE d.case_id = $1`,
      [caseId],
    );
    expect(rows).toEqual([{ sha256: want }]);
    // The parts are gone; the upload is no more.
    const after = await send('HEAD', location, auth);
    expect(after.res?.statusCode).toBe(404);
  });

  it('checks the caller, the case, the fields and the type before a byte is sent', async () => {
    const base = `/api/v1/cases/${caseId}/documents/uploads`;
    const meta = {
      filename: 'memo.pdf',
      title: 'Memo',
      kind: 'other',
      direction: 'internal',
      visibility: 'shared',
    };
    const create = async (who: string, headers: Record<string, string>) =>
      t
        .http()
        .post(base)
        .set({ ...(await bearer(t, who)), 'Tus-Resumable': '1.0.0', ...headers });
    expectProblem(
      await create('buyer2', { 'Upload-Length': '10', 'Upload-Metadata': encode(meta) }),
      404,
    );
    expectProblem(
      await create('budgetEnergy', { 'Upload-Length': '10', 'Upload-Metadata': encode(meta) }),
      403,
    );
    expectProblem(
      await create('buyer', {
        'Upload-Length': String(512 * 1024 * 1024),
        'Upload-Metadata': encode(meta),
      }),
      413,
    );
    expectProblem(
      await create('buyer', {
        'Upload-Length': '10',
        'Upload-Metadata': encode({ ...meta, filename: 'setup.exe' }),
      }),
      415,
    );
    expectProblem(
      await create('buyer', {
        'Upload-Length': '10',
        'Upload-Metadata': encode({ ...meta, visibility: 'internal' }),
      }),
      403,
    );
    // Someone else's upload is not there for them.
    const mine = await create('buyer', { 'Upload-Length': '10', 'Upload-Metadata': encode(meta) });
    expect(mine.status).toBe(201);
    const other = await t
      .http()
      .head(mine.headers.location!)
      .set({ ...(await bearer(t, 'staff')), 'Tus-Resumable': '1.0.0' });
    expect(other.status).toBe(404);
  });

  it('a finished upload whose content is not what its name says is refused (415), and nothing is kept', async () => {
    const auth = { ...(await bearer(t, 'buyer')), 'Tus-Resumable': '1.0.0' };
    const base = `/api/v1/cases/${caseId}/documents/uploads`;
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    const created = await t
      .http()
      .post(base)
      .set({
        ...auth,
        'Upload-Length': String(html.length),
        'Upload-Metadata': encode({
          filename: 'brief.txt',
          title: 'Brief',
          kind: 'correspondence',
          direction: 'incoming',
          visibility: 'shared',
        }),
      });
    expect(created.status).toBe(201);
    const last = await t
      .http()
      .patch(created.headers.location!)
      .set({ ...auth, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' })
      .send(html);
    expect(expectProblem(last, 415).code).toBe('document_type_not_allowed');
    const list = await t
      .http()
      .get(`/api/v1/cases/${caseId}/documents`)
      .set(await bearer(t, 'buyer'));
    expect(list.body.items.map((d: { title: string }) => d.title)).not.toContain('Brief');
  });
});
