import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * What kind of network an address belongs to. Only 'public' is a clearly public unicast
 * address; 'reserved' gathers every special-purpose range that is none of the others
 * (documentation, benchmarking, IETF protocol assignments, 240/4, anycast services, ORCHID,
 * discard-only, NAT64 local-use prefixes, IPv6 outside 2000::/3, anything unparseable).
 */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'reserved';

/** ipaddr.js's IPv4 range names; those not listed are 'reserved'. */
const IPV4_KINDS: Record<string, AddressKind> = {
  unicast: 'public',
  loopback: 'loopback',
  private: 'private',
  carrierGradeNat: 'private', // 100.64.0.0/10: internal to an operator, as private as RFC 1918
  linkLocal: 'link-local', // incl. cloud metadata 169.254.169.254
  unspecified: 'unspecified', // 0.0.0.0/8: 0.0.0.0 reaches the local host on Linux
  multicast: 'multicast',
  broadcast: 'broadcast',
};

/** ipaddr.js's IPv6 range names without an embedded IPv4; those not listed are 'reserved'. */
const IPV6_KINDS: Record<string, AddressKind> = {
  unicast: 'public',
  loopback: 'loopback',
  uniqueLocal: 'private', // fc00::/7
  deprecatedSiteLocal: 'private', // fec0::/10, the old private range
  linkLocal: 'link-local',
  unspecified: 'unspecified',
  multicast: 'multicast',
};

const cidr = (text: string) => ipaddr.IPv6.parseCIDR(text);

/** IPv6 ranges whose last 32 bits are an IPv4 address that the packet ends up at. */
const LAST_32_BITS_IPV4 = [
  cidr('::ffff:0:0/96'), // IPv4-mapped
  cidr('::ffff:0:0:0/96'), // IPv4-translated (RFC 6145)
  cidr('64:ff9b::/96'), // NAT64 well-known prefix (RFC 6052)
  cidr('::/96'), // IPv4-compatible (deprecated; :: and ::1 are taken out before)
];
const SIX_TO_FOUR = cidr('2002::/16'); // the IPv4 is bits 16–47
const TEREDO = cidr('2001::/32'); // server IPv4 in bits 32–63, client IPv4 (inverted) in the last 32
/** Local-use NAT64 (RFC 8215): where the IPv4 sits depends on the site's prefix length. */
const NAT64_LOCAL = cidr('64:ff9b:1::/48');
const GLOBAL_UNICAST = cidr('2000::/3');

function ipv4FromWords(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

function ipv4Kind(ip: ipaddr.IPv4): AddressKind {
  return IPV4_KINDS[ip.range()] ?? 'reserved';
}

function ipv6Kind(ip: ipaddr.IPv6): AddressKind {
  const range: string = ip.range();
  // Before the embedded forms: :: and ::1 lie inside ::/96 but are IPv6's own.
  if (range === 'unspecified' || range === 'loopback') return IPV6_KINDS[range]!;
  const p = ip.parts as [number, number, number, number, number, number, number, number];
  if (LAST_32_BITS_IPV4.some((net) => ip.match(net))) return ipv4Kind(ipv4FromWords(p[6], p[7]));
  if (ip.match(SIX_TO_FOUR)) return ipv4Kind(ipv4FromWords(p[1], p[2]));
  if (ip.match(TEREDO)) {
    // Two IPv4 addresses travel in a Teredo address; both must be public.
    const server = ipv4Kind(ipv4FromWords(p[2], p[3]));
    return server !== 'public' ? server : ipv4Kind(ipv4FromWords(~p[6] & 0xffff, ~p[7] & 0xffff));
  }
  if (ip.match(NAT64_LOCAL)) return 'reserved';
  const kind = IPV6_KINDS[range] ?? 'reserved';
  // ipaddr.js calls anything it has no name for 'unicast'; public is only what IANA hands out.
  return kind === 'public' && !ip.match(GLOBAL_UNICAST) ? 'reserved' : kind;
}

/**
 * What kind of network an IP address belongs to. Any spelling getaddrinfo accepts is read as
 * the address it means (`0x7f.1`, `2130706433`, `0177.0.0.1`), an IPv6 address carrying an
 * IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) as the IPv4 address it carries, and
 * anything ipaddr.js cannot parse as 'reserved' (refused).
 */
export function addressKind(ip: string): AddressKind {
  const text = ip.replace(/^\[(.*)\]$/, '$1');
  if (!ipaddr.isValid(text)) return 'reserved';
  const parsed = ipaddr.parse(text);
  return parsed.kind() === 'ipv4'
    ? ipv4Kind(parsed as ipaddr.IPv4)
    : ipv6Kind(parsed as ipaddr.IPv6);
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
    case 'broadcast':
    case 'reserved':
      return false;
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Turns a host name into its addresses (replaceable in tests). */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, order: 'verbatim' })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** A URL that may be called, with the only addresses it may be called at. */
export type CheckedTarget =
  { ok: true; url: URL; addresses: ResolvedAddress[] } | { ok: false; problem: string };

/**
 * Parses a webhook URL and resolves its host once: an IP literal is its own address, a name
 * is looked up. Every address must be allowed (a name with one private address is refused:
 * which one a connection would take is not ours to choose). The caller connects to these
 * addresses and no others, so what was checked is what is reached.
 */
export async function checkTarget(
  url: string,
  policy: AddressPolicy,
  resolve: Resolver = systemResolver,
): Promise<CheckedTarget> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, problem: 'is not a valid URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { ok: false, problem: 'must be an http(s) URL' };
  }
  if (parsed.username || parsed.password) {
    return { ok: false, problem: 'must not contain credentials' };
  }
  // The WHATWG parser has already turned numeric IPv4 spellings into dotted form and IPv6
  // literals into their compressed form in brackets.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = ipaddr.isValid(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    const ip = ipaddr.parse(host);
    addresses = [{ address: ip.toString(), family: ip.kind() === 'ipv4' ? 4 : 6 }];
  } else {
    try {
      addresses = await resolve(host);
    } catch {
      return { ok: false, problem: `host ${host} does not resolve` };
    }
    if (addresses.length === 0) return { ok: false, problem: `host ${host} does not resolve` };
  }
  const refused = addresses.find((a) => !addressAllowed(a.address, policy));
  if (refused) {
    const kind = addressKind(refused.address);
    return {
      ok: false,
      problem: literal
        ? `is a ${kind} address, which is not allowed`
        : `resolves to a ${kind} address, which is not allowed`,
    };
  }
  return { ok: true, url: parsed, addresses };
}

/** The problem with a webhook URL, or null when Brug may call it (at registration). */
export async function urlProblem(
  url: string,
  policy: AddressPolicy,
  resolve: Resolver = systemResolver,
): Promise<string | null> {
  const target = await checkTarget(url, policy, resolve);
  return target.ok ? null : target.problem;
}
