import { ValidationFailed } from './errors';

/** The ETag of a versioned resource: its version, quoted. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * The version named by an `If-Match` header (`"3"`, `W/"3"` or `3`), or undefined when the header
 * is absent. Anything else is a 400: an unreadable precondition must not pass as a match.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) {
    throw new ValidationFailed(
      [{ field: 'If-Match', message: 'must be the ETag you read, e.g. "3"' }],
      'The If-Match header is not an ETag of this API.',
    );
  }
  return Number(m[1]);
}
