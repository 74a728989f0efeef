import { fileTypeFromBuffer } from 'file-type';

/**
 * What each accepted extension must hold, read from the content (`file-type`, ADR 31), and the
 * media type Brug stores and serves for it. Text has no signature: it must be UTF-8 without
 * control characters, and must not look like markup a browser would run.
 */
const RULES: Record<string, { mediaType: string; detected: string | null }> = {
  pdf: { mediaType: 'application/pdf', detected: 'application/pdf' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    detected: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    detected: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    detected: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  },
  odt: {
    mediaType: 'application/vnd.oasis.opendocument.text',
    detected: 'application/vnd.oasis.opendocument.text',
  },
  ods: {
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    detected: 'application/vnd.oasis.opendocument.spreadsheet',
  },
  odp: {
    mediaType: 'application/vnd.oasis.opendocument.presentation',
    detected: 'application/vnd.oasis.opendocument.presentation',
  },
  csv: { mediaType: 'text/csv; charset=utf-8', detected: null },
  txt: { mediaType: 'text/plain; charset=utf-8', detected: null },
  png: { mediaType: 'image/png', detected: 'image/png' },
  jpg: { mediaType: 'image/jpeg', detected: 'image/jpeg' },
  jpeg: { mediaType: 'image/jpeg', detected: 'image/jpeg' },
  zip: { mediaType: 'application/zip', detected: 'application/zip' },
};

/** How much of the start of a file is read before its type is judged (zip-based formats need more). */
export const SAMPLE_BYTES = 64 * 1024;

/** Markup a browser would render or run, even from a file named `.txt`. */
const MARKUP =
  /^\s*<(?:!doctype|html|head|body|script|iframe|svg|\?xml|!--|meta|style|object|embed)\b|<(?:script|html|svg|iframe)\b/i;
/** Control characters no text document holds (tab, line feed, form feed, carriage return may). */
const TEXT_CONTROLS = /(?![\t\n\f\r])\p{Cc}/u;

export type Verdict =
  { ok: true; mediaType: string } | { ok: false; extension: string; detected: string | null };

export const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
};

/** Whether the start of a file is what its extension says, and on the allowed list. */
export async function judgeContent(
  sample: Buffer,
  fileName: string,
  allowed: readonly string[],
  complete: boolean,
): Promise<Verdict> {
  const extension = extensionOf(fileName);
  const found = await fileTypeFromBuffer(sample).catch(() => undefined);
  const detected = found?.mime ?? null;
  const rule = allowed.includes(extension) ? RULES[extension] : undefined;
  if (!rule) return { ok: false, extension, detected: detected ?? describeText(sample, complete) };
  if (rule.detected === null) {
    const text = detected === null ? describeText(sample, complete) : detected;
    return text === 'text/plain'
      ? { ok: true, mediaType: rule.mediaType }
      : { ok: false, extension, detected: text };
  }
  return detected === rule.detected
    ? { ok: true, mediaType: rule.mediaType }
    : { ok: false, extension, detected };
}

/** `text/plain` for UTF-8 text, `text/html` for markup, null for bytes that are neither. */
function describeText(sample: Buffer, complete: boolean): string | null {
  let text: string;
  try {
    // Unless the sample is the whole file, its last character may be cut in two.
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
  } catch {
    return null;
  }
  if (MARKUP.test(text)) return 'text/html';
  if (TEXT_CONTROLS.test(text)) return null;
  return 'text/plain';
}
