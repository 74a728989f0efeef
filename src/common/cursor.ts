import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidCursor } from './errors';

/**
 * Opaque, tamper-checked keyset cursors: base64url(JSON) plus an HMAC over it and the query
 * it belongs to, so a cursor cannot be forged or moved to another query. Decoding a bad cursor
 * throws InvalidCursor (a 400), never anything that would become a 500.
 */
export class CursorCodec {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('brug:cursor:v1').digest();
  }

  encode(position: unknown[], scope: string): string {
    const body = Buffer.from(JSON.stringify(position)).toString('base64url');
    return `${body}.${this.sign(body, scope)}`;
  }

  decode(cursor: string, scope: string): unknown[] {
    const [body, mac, ...rest] = cursor.split('.');
    if (!body || !mac || rest.length > 0 || cursor.length > 2048) throw new InvalidCursor();
    const expected = Buffer.from(this.sign(body, scope));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new InvalidCursor();
    }
    try {
      const position: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      if (!Array.isArray(position)) throw new InvalidCursor();
      return position;
    } catch {
      throw new InvalidCursor();
    }
  }

  private sign(body: string, scope: string): string {
    return createHmac('sha256', this.key)
      .update(scope)
      .update('\0')
      .update(body)
      .digest('base64url');
  }
}
