import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignature } from './webhook-signature';

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256', () => {
    const at = new Date('2026-11-28T10:00:00Z');
    const header = signatureHeader('s3cret', '{"a":1}', at);
    const t = at.getTime() / 1000;
    expect(header).toBe(
      `t=${t},v1=${createHmac('sha256', 's3cret').update(`${t}.{"a":1}`).digest('hex')}`,
    );
    expect(verifySignature('s3cret', '{"a":1}', header)).toBe(true);
  });

  it('fails for another body, secret or a mangled header', () => {
    const header = signatureHeader('s3cret', 'body');
    expect(verifySignature('s3cret', 'body2', header)).toBe(false);
    expect(verifySignature('other', 'body', header)).toBe(false);
    expect(verifySignature('s3cret', 'body', 'v1=abc')).toBe(false);
    expect(verifySignature('s3cret', 'body', header.replace(/v1=../, 'v1=00'))).toBe(false);
  });
});
