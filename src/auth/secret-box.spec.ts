import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('k'.repeat(40));
  const user = '0b7e6c1e-4b7a-4d59-9a57-2f7f7d1d2c11';

  it('opens what it sealed, for the same id only', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', user);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, user)).toBe('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, 'another-user')).toBeNull();
  });

  it('seals the same secret differently each time (fresh IV)', () => {
    expect(box.seal('same', user)).not.toBe(box.seal('same', user));
  });

  it('refuses another key, a changed ciphertext and malformed text', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', user);
    expect(new SecretBox('x'.repeat(40)).open(sealed, user)).toBeNull();
    const parts = sealed.split('.');
    const data = Buffer.from(parts[3]!, 'base64url');
    data[0] = data[0]! ^ 1;
    parts[3] = data.toString('base64url');
    expect(box.open(parts.join('.'), user)).toBeNull();
    for (const bad of ['', 'v1', 'v2.a.b.c', 'v1.a.b']) expect(box.open(bad, user)).toBeNull();
  });
});
