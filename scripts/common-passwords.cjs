#!/usr/bin/env node
'use strict';
/**
 * Writes src/auth/common-passwords.txt, the list of common passwords that Brug refuses as new
 * passwords (ADR 35), from a JSON array of passwords:
 *
 *   node scripts/common-passwords.cjs <passwords.json>
 *
 * The list shipped was made from `src/passwords.json` of the npm package
 * @zxcvbn-ts/language-common 4.1.3 (MIT; the frequency-ranked common passwords zxcvbn uses).
 * Only hashes are written, never the passwords: each line is the first 16 hex digits (64 bits)
 * of the SHA-256 of the lower-cased password, sorted and unique. `commonPasswordDigest` in
 * src/auth/password-rules.ts computes the same digest; keep the two in step.
 */
const { createHash } = require('node:crypto');
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const OUT = path.resolve(__dirname, '..', 'src', 'auth', 'common-passwords.txt');

const digest = (password) =>
  createHash('sha256')
    .update(password.normalize('NFC').toLowerCase(), 'utf8')
    .digest('hex')
    .slice(0, 16);

const source = process.argv[2];
if (!source) {
  process.stderr.write('usage: node scripts/common-passwords.cjs <passwords.json>\n');
  process.exit(2);
}
const passwords = JSON.parse(readFileSync(source, 'utf8'));
if (!Array.isArray(passwords) || !passwords.every((p) => typeof p === 'string')) {
  process.stderr.write('the file must hold a JSON array of strings\n');
  process.exit(2);
}
const digests = [...new Set(passwords.map(digest))].sort();
writeFileSync(OUT, `${digests.join('\n')}\n`);
process.stdout.write(`${digests.length} digests written to ${path.relative(process.cwd(), OUT)}\n`);
