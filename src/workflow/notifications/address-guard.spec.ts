import {
  addressAllowed,
  addressKind,
  checkTarget,
  urlProblem,
  type AddressKind,
  type Resolver,
} from './address-guard';

const strict = { allowLoopback: false, allowPrivate: false };
const noDns: Resolver = () => Promise.reject(new Error('no DNS in this test'));

/** The host as the service sees it: through WHATWG URL parsing, brackets off. */
const hostOf = (url: string) => new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');

describe('webhook address guard', () => {
  // Each spelling goes through URL parsing as a registration or a delivery does.
  it.each<[string, AddressKind]>([
    // IPv4, and the spellings WHATWG URL parsing folds into dotted form
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.255.255.254/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://127.0.0.1./', 'loopback'],
    ['http://%31%32%37.0.0.1/', 'loopback'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://0/', 'unspecified'],
    ['http://10.0.0.1/', 'private'],
    ['http://172.16.3.4/', 'private'],
    ['http://192.168.1.20/', 'private'],
    ['http://100.64.0.1/', 'private'], // carrier-grade NAT
    ['http://169.254.169.254/', 'link-local'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://239.255.255.250/', 'multicast'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://240.0.0.1/', 'reserved'],
    ['http://192.0.2.10/', 'reserved'], // documentation
    ['http://198.51.100.7/', 'reserved'], // documentation
    ['http://203.0.113.5/', 'reserved'], // documentation
    ['http://198.18.0.1/', 'reserved'], // benchmarking
    ['http://192.0.0.8/', 'reserved'], // IETF protocol assignments
    // IPv6
    ['http://[::1]/', 'loopback'],
    ['http://[0:0:0:0:0:0:0:1]/', 'loopback'],
    ['http://[::]/', 'unspecified'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[fd00::1]/', 'private'],
    ['http://[fc00::5]/', 'private'],
    ['http://[fec0::1]/', 'private'], // deprecated site-local
    ['http://[ff02::1]/', 'multicast'],
    ['http://[2001:db8::1]/', 'reserved'], // documentation
    ['http://[3fff::1]/', 'reserved'], // documentation (RFC 9637)
    ['http://[2001:2::1]/', 'reserved'], // benchmarking
    ['http://[100::1]/', 'reserved'], // discard-only
    ['http://[4000::1]/', 'reserved'], // outside 2000::/3, not handed out
    // IPv6 carrying an IPv4 address: classified as the IPv4 it carries
    ['http://[::ffff:127.0.0.1]:18080/', 'loopback'],
    ['http://[::ffff:7f00:1]/', 'loopback'],
    ['http://[0:0:0:0:0:ffff:7f00:1]/', 'loopback'],
    ['http://[::127.0.0.1]/', 'loopback'], // IPv4-compatible
    ['http://[::ffff:169.254.169.254]/', 'link-local'],
    ['http://[::ffff:10.0.0.1]/', 'private'],
    ['http://[::ffff:0.0.0.0]/', 'unspecified'],
    ['http://[::ffff:0:127.0.0.1]/', 'loopback'], // IPv4-translated (RFC 6145)
    ['http://[64:ff9b::127.0.0.1]/', 'loopback'], // NAT64
    ['http://[64:ff9b::a9fe:a9fe]/', 'link-local'], // NAT64 of 169.254.169.254
    ['http://[64:ff9b:1::7f00:1]/', 'reserved'], // local-use NAT64
    ['http://[2002:7f00:1::]/', 'loopback'], // 6to4 of 127.0.0.1
    ['http://[2002:c0a8:101::1]/', 'private'], // 6to4 of 192.168.1.1
    ['http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/', 'loopback'], // Teredo, client 127.0.0.1
    ['http://[2001:0:a00:1::1]/', 'private'], // Teredo, server 10.0.0.1
    // clearly public
    ['http://8.8.8.8/', 'public'],
    ['http://172.32.0.1/', 'public'],
    ['http://100.128.0.1/', 'public'],
    ['http://[2606:4700:4700::1111]/', 'public'],
    ['http://[::ffff:8.8.8.8]/', 'public'],
    ['http://[64:ff9b::808:808]/', 'public'],
    ['http://[2002:808:808::1]/', 'public'],
    ['http://[2001:0:4136:e378:8000:63bf:f7f7:f7f7]/', 'public'], // Teredo, client 8.8.8.8
  ])('%s is %s', async (url, kind) => {
    expect(addressKind(hostOf(url))).toBe(kind);
    const problem = await urlProblem(url, strict, noDns);
    if (kind === 'public') expect(problem).toBeNull();
    else expect(problem).toBe(`is a ${kind} address, which is not allowed`);
  });

  it('reads addresses given outside a URL the same way', () => {
    expect(addressKind('0x7f.1')).toBe('loopback');
    expect(addressKind('2130706433')).toBe('loopback');
    expect(addressKind('[::ffff:7f00:1]')).toBe('loopback');
    expect(addressKind('fe80::1%eth0')).toBe('link-local');
    expect(addressKind('not-an-address')).toBe('reserved');
  });

  it('allows loopback and private addresses only when configured; the rest never', () => {
    expect(addressAllowed('127.0.0.1', strict)).toBe(false);
    expect(addressAllowed('::ffff:7f00:1', strict)).toBe(false);
    expect(addressAllowed('127.0.0.1', { ...strict, allowLoopback: true })).toBe(true);
    expect(addressAllowed('::ffff:7f00:1', { ...strict, allowLoopback: true })).toBe(true);
    expect(addressAllowed('10.0.0.1', strict)).toBe(false);
    expect(addressAllowed('10.0.0.1', { ...strict, allowPrivate: true })).toBe(true);
    expect(addressAllowed('fd00::1', { ...strict, allowPrivate: true })).toBe(true);
    const open = { allowLoopback: true, allowPrivate: true };
    for (const ip of ['169.254.169.254', '0.0.0.0', '::', '224.0.0.1', '255.255.255.255']) {
      expect(addressAllowed(ip, open)).toBe(false);
    }
    expect(addressAllowed('192.0.2.1', open)).toBe(false);
  });

  it('refuses URLs by what their name resolves to, every address of it', async () => {
    const resolver =
      (...addresses: string[]): Resolver =>
      () =>
        Promise.resolve(addresses.map((address) => ({ address, family: 4 as const })));
    const policy = { allowLoopback: true, allowPrivate: false };
    expect(await urlProblem('http://hook.example/', strict, resolver('8.8.8.8'))).toBeNull();
    expect(await urlProblem('http://hook.example/', strict, resolver('8.8.8.8', '10.0.0.1'))).toBe(
      'resolves to a private address, which is not allowed',
    );
    expect(await urlProblem('http://localhost:9000/hook', policy)).toBeNull();
    expect(await urlProblem('http://localhost:9000/hook', strict)).toMatch(/loopback/);
    expect(await urlProblem('http://nowhere.invalid/', strict)).toBe(
      'host nowhere.invalid does not resolve',
    );
    expect(await urlProblem('ftp://example.org/x', policy)).toMatch(/http/);
    expect(await urlProblem('http://user:pw@127.0.0.1/', policy)).toMatch(/credentials/);
    expect(await urlProblem('not a url', policy)).toBe('is not a valid URL');
  });

  it('answers the checked addresses for the caller to connect to', async () => {
    const target = await checkTarget('http://[::ffff:8.8.8.8]:8080/x', strict, noDns);
    expect(target).toMatchObject({
      ok: true,
      addresses: [{ address: '::ffff:808:808', family: 6 }],
    });
  });
});
