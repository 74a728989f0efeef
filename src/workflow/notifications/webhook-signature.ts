import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `Brug-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, the scheme receivers
 * check to know a delivery is Brug's and recent (compare t with their clock).
 */
export function signatureHeader(secret: string, body: string, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** What a receiver does: true when the header signs this body with this secret. */
export function verifySignature(secret: string, body: string, header: string): boolean {
  const parts = Object.fromEntries(
    header.split(',').map((p) => p.trim().split('=', 2) as [string, string]),
  );
  if (!parts.t || !parts.v1 || !/^\d+$/.test(parts.t)) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
