import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { bearer } from './factories';
import type { TestApp } from './test-app';

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** A small but real PDF (what file-type and a PDF reader look for), unique per call. */
export function pdfBytes(text = randomBytes(8).toString('hex')): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

/** A Windows executable's first bytes (the MZ header and PE signature), as a renamed .exe has. */
export function exeBytes(): Buffer {
  const bytes = Buffer.alloc(1024);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

export const tempDir = (name: string): Promise<string> => mkdtemp(join(tmpdir(), `brug-${name}-`));

export interface UploadInput {
  title?: string;
  kind?: string;
  direction?: string;
  visibility?: string;
  fileName?: string;
  content?: Buffer;
}

/** `POST /cases/{id}/documents` as multipart: the fields, then the file. */
export async function upload(
  t: TestApp,
  who: string,
  caseId: string,
  input: UploadInput = {},
): Promise<Response> {
  const request = t
    .http()
    .post(`/api/v1/cases/${caseId}/documents`)
    .set(await bearer(t, who));
  const fields = {
    title: input.title ?? 'Bestek energiebespaarservice',
    kind: input.kind ?? 'specification',
    direction: input.direction ?? 'incoming',
    visibility: input.visibility ?? 'shared',
  };
  for (const [name, value] of Object.entries(fields)) void request.field(name, value);
  return request.attach('file', input.content ?? pdfBytes(), input.fileName ?? 'bestek.pdf');
}

/** The bytes of a download (supertest buffers binary bodies with this parser). */
export async function download(
  t: TestApp,
  who: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<Response & { body: Buffer }> {
  const response = (await t
    .http()
    .get(path)
    .set({ ...(await bearer(t, who)), ...headers })
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })) as Response & { body: Buffer };
  // A refusal is problem+json: readable as text too.
  Object.defineProperty(response, 'text', { value: response.body.toString('utf8') });
  return response;
}

/**
 * A multipart body written by hand, so the file name goes out exactly as given (form-data
 * clients strip paths from names), percent-encoded in `filename*` (RFC 7578, 5987).
 */
export function rawMultipart(
  fields: Record<string, string>,
  fileName: string,
  content: Buffer,
): { contentType: string; body: Buffer } {
  const boundary = `brug${randomBytes(8).toString('hex')}`;
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(fileName)}\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([
      Buffer.from(parts.join('') + head, 'utf8'),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}
