import { commonPasswordDigest, isCommonPassword } from './password-rules';

describe('common passwords', () => {
  it('finds listed passwords whatever their case, and with a common suffix', () => {
    for (const p of ['qwertyuiop', 'QwertyUIOP', '1q2w3e4r5t6y', 'monkey2026!', 'letmein 123']) {
      expect([p, isCommonPassword(p)]).toEqual([p, true]);
    }
  });

  it('lets other passwords through, a short stem does not count', () => {
    for (const p of ['correct horse battery staple', 'brug-demo-2026', 'ab12345678901']) {
      expect([p, isCommonPassword(p)]).toEqual([p, false]);
    }
  });

  it('writes digests as scripts/common-passwords.cjs does: 16 hex digits of SHA-256', () => {
    expect(commonPasswordDigest('Password')).toBe(commonPasswordDigest('password'));
    expect(commonPasswordDigest('password')).toBe('5e884898da280471');
  });
});
