import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const errorCode = (error: unknown): unknown => (error as NodeJS.ErrnoException | null)?.code;

/**
 * The signing key of a machine without `JWT_SECRET` (development): made once at random and kept
 * in a file only its owner may read, so the API, the workers and the CLI on one machine share
 * it and a restart keeps everyone signed in. The file appears whole or not at all (written
 * aside, then hard-linked into place, which fails when it exists), so two processes starting
 * at once end up with the same key.
 */
export function keptSecret(path: string): string {
  try {
    return readKeptSecret(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(aside, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(aside, path);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  } finally {
    unlinkSync(aside);
  }
  return readKeptSecret(path);
}

function readKeptSecret(path: string): string {
  // Like ssh with a private key: a key others may read is refused, not silently used.
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new Error(`${path} may be read by others (chmod 600 it)`);
  }
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${path} holds no key of at least 32 characters`);
  return secret;
}
