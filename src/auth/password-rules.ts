import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyDecorators } from '@nestjs/common';
import { IsString, Length, ValidateBy } from 'class-validator';

/**
 * The rules for a new password, as the NCSC advises (ADR 35): long enough, no composition rules
 * (no "one digit, one capital"), any character, and not a password that is known to be common.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/**
 * The first 16 hex digits of the SHA-256 of the lower-cased password: how the list in
 * `common-passwords.txt` is written (scripts/common-passwords.cjs makes it). 64 bits: among
 * ~50,000 digests, a chance of about 1 in 3·10^14 that a password is refused by mistake.
 */
export function commonPasswordDigest(password: string): string {
  return createHash('sha256')
    .update(password.normalize('NFC').toLowerCase(), 'utf8')
    .digest('hex')
    .slice(0, 16);
}

let digests: Set<string> | undefined;

/** The shipped list, read once (the file is beside this module in src/ and in dist/). */
function commonDigests(): Set<string> {
  digests ??= new Set(
    readFileSync(join(__dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.length === 16),
  );
  return digests;
}

/**
 * Whether a password is on the list of common passwords, as it is or with its trailing digits
 * and punctuation taken off ("dragon2026!!!!" is "dragon" with a suffix people commonly add).
 */
export function isCommonPassword(password: string): boolean {
  const list = commonDigests();
  if (list.has(commonPasswordDigest(password))) return true;
  const stem = password.replace(/[\d\s\p{P}\p{S}]+$/u, '');
  return stem.length >= 4 && stem !== password && list.has(commonPasswordDigest(stem));
}

/** A new password: the length rule and not a common password (field error `common_password`). */
export const NewPassword = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    Length(PASSWORD_MIN, PASSWORD_MAX),
    ValidateBy({
      name: 'notACommonPassword',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !isCommonPassword(value),
        defaultMessage: () => 'is a commonly used password; choose another',
      },
    }),
  );
