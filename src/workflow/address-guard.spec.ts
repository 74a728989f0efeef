import { addressAllowed, addressKind, urlProblem } from './address-guard';

describe('webhook address guard', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fd00::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['2001:db8::1', 'public'],
  ])('%s is %s', (ip, kind) => {
    expect(addressKind(ip)).toBe(kind);
  });

  it('allows loopback and private addresses only when configured; link-local never', () => {
    const strict = { allowLoopback: false, allowPrivate: false };
    expect(addressAllowed('127.0.0.1', strict)).toBe(false);
    expect(addressAllowed('127.0.0.1', { ...strict, allowLoopback: true })).toBe(true);
    expect(addressAllowed('10.0.0.1', { allowLoopback: true, allowPrivate: true })).toBe(true);
    expect(addressAllowed('169.254.169.254', { allowLoopback: true, allowPrivate: true })).toBe(
      false,
    );
  });

  it('refuses URLs by what they resolve to', async () => {
    const policy = { allowLoopback: true, allowPrivate: false };
    expect(await urlProblem('http://127.0.0.1:9000/hook', policy)).toBeNull();
    expect(await urlProblem('http://localhost:9000/hook', policy)).toBeNull();
    expect(await urlProblem('http://10.0.0.5/hook', policy)).toMatch(/private/);
    expect(await urlProblem('http://[fe80::1]/hook', policy)).toMatch(/link-local/);
    expect(await urlProblem('ftp://example.org/x', policy)).toMatch(/http/);
    expect(await urlProblem('http://user:pw@127.0.0.1/', policy)).toMatch(/credentials/);
  });
});
