import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export type AddressKind =
  'public' | 'loopback' | 'private' | 'link-local' | 'unspecified' | 'multicast' | 'reserved';

function ipv4Kind(ip: string): AddressKind {
  const [a, b] = ip.split('.').map(Number) as [number, number, number, number];
  if (a === 127) return 'loopback';
  if (a === 0) return 'unspecified';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // carrier-grade NAT
  if (a === 169 && b === 254) return 'link-local'; // incl. cloud metadata 169.254.169.254
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved';
  return 'public';
}

/** What kind of network an IP address belongs to (IPv4, IPv6, and IPv4-mapped IPv6). */
export function addressKind(ip: string): AddressKind {
  if (isIP(ip) === 4) return ipv4Kind(ip);
  const v6 = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  if (mapped) return ipv4Kind(mapped[1]!);
  if (v6 === '::1') return 'loopback';
  if (v6 === '::') return 'unspecified';
  if (/^fe[89ab]/.test(v6)) return 'link-local';
  if (/^f[cd]/.test(v6)) return 'private';
  if (v6.startsWith('ff')) return 'multicast';
  return 'public';
}

export interface AddressPolicy {
  allowLoopback: boolean;
  allowPrivate: boolean;
}

/** Whether Brug may send a webhook to this address under the configured policy. */
export function addressAllowed(ip: string, policy: AddressPolicy): boolean {
  switch (addressKind(ip)) {
    case 'public':
      return true;
    case 'loopback':
      return policy.allowLoopback;
    case 'private':
      return policy.allowPrivate;
    case 'link-local':
    case 'unspecified':
    case 'multicast':
    case 'reserved':
      return false;
  }
}

/**
 * Resolves a URL's host and returns the problem with it, or null when every address it resolves
 * to is allowed (all of them: a name with one private address is refused).
 */
export async function urlProblem(url: string, policy: AddressPolicy): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a valid URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must be an http(s) URL';
  if (parsed.username || parsed.password) return 'must not contain credentials';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return `host ${host} does not resolve`;
  }
  const refused = addresses.find((a) => !addressAllowed(a, policy));
  return refused
    ? `resolves to a ${addressKind(refused)} address (${refused}), which is not allowed`
    : null;
}
