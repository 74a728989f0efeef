import { fileProblem } from './documents.errors';
import { extensionOf } from './media-types';

/** At most this many bytes (UTF-8) in a stored file name: what file systems allow. */
export const FILE_NAME_MAX_BYTES = 255;

// Control characters (C0, DEL, C1) and bidi controls that could make a name lie about itself.
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * The name a file is stored and served under: NFC, no path parts, no control characters, at
 * most 255 bytes, with an extension. A name that breaks this is refused (400), never silently
 * changed, so what the uploader sees is what others download.
 */
export function sanitiseFileName(raw: string | undefined): string {
  const name = (raw ?? '').normalize('NFC').trim();
  const refuse = (reason: string, message: string) =>
    fileProblem({ code: 'invalid_file_name', message, params: { reason } });
  if (name === '') throw refuse('empty', 'the file part must name its file');
  if (/[/\\]/.test(name) || name === '.' || name === '..') {
    throw refuse('path', 'a file name may not hold a path');
  }
  if (UNSAFE.test(name)) throw refuse('control', 'a file name may not hold control characters');
  if (Buffer.byteLength(name, 'utf8') > FILE_NAME_MAX_BYTES) {
    throw refuse('too_long', `a file name may hold at most ${FILE_NAME_MAX_BYTES} bytes`);
  }
  if (extensionOf(name) === '') throw refuse('extension', 'a file name must end in its extension');
  return name;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the exact name (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.normalize('NFKD').replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
