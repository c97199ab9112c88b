import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

// Which IP addresses a fetch must not reach: everything that is not ordinary public unicast
// (the IANA IPv4 and IPv6 special-purpose address registries). A source URL, a redirect or a DNS
// answer pointing at one of these reaches this machine, its network or its cloud's metadata service,
// not a job board. Pure, so every range is tested without sending a packet.

export type AddressRangeName =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'unique-local'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'broadcast'
  | 'benchmarking'
  | 'documentation'
  | 'nat64'
  | 'reserved';

export interface SpecialRange {
  name: AddressRangeName;
  /** The registry block the address falls in, e.g. "127.0.0.0/8". */
  cidr: string;
  /** For an IPv6 form carrying an IPv4 address (IPv4-mapped, NAT64, 6to4): that IPv4 address. */
  embeddedIpv4?: string;
}

type Block = readonly [AddressRangeName, string];

// First match wins: a narrow block is listed before the wider one holding it.
const IPV4_BLOCKS: readonly Block[] = [
  ['unspecified', '0.0.0.0/8'], // "this network" (RFC 791); 0.0.0.0 reaches the local host on Linux
  ['private', '10.0.0.0/8'], // RFC 1918
  ['cgnat', '100.64.0.0/10'], // RFC 6598, shared address space
  ['loopback', '127.0.0.0/8'],
  ['link-local', '169.254.0.0/16'], // RFC 3927; cloud metadata services live here
  ['private', '172.16.0.0/12'],
  ['reserved', '192.0.0.0/24'], // IETF protocol assignments
  ['documentation', '192.0.2.0/24'], // TEST-NET-1
  ['reserved', '192.88.99.0/24'], // former 6to4 relay anycast
  ['private', '192.168.0.0/16'],
  ['benchmarking', '198.18.0.0/15'], // RFC 2544
  ['documentation', '198.51.100.0/24'], // TEST-NET-2
  ['documentation', '203.0.113.0/24'], // TEST-NET-3
  ['multicast', '224.0.0.0/4'],
  ['broadcast', '255.255.255.255/32'],
  ['reserved', '240.0.0.0/4'], // "future use"
];

const IPV6_BLOCKS: readonly Block[] = [
  ['unspecified', '::/128'],
  ['loopback', '::1/128'],
  ['nat64', '64:ff9b:1::/48'], // RFC 8215, local-use translation: always some local network
  ['reserved', '100::/64'], // RFC 6666, discard-only
  ['benchmarking', '2001:2::/48'], // RFC 5180
  ['documentation', '2001:db8::/32'], // RFC 3849
  ['reserved', '2001::/23'], // IETF protocol assignments: Teredo, ORCHID and the like
  ['documentation', '3fff::/20'], // RFC 9637
  ['unique-local', 'fc00::/7'], // RFC 4193, the IPv6 private range
  ['link-local', 'fe80::/10'],
  ['unique-local', 'fec0::/10'], // former site-local (RFC 3879)
  ['multicast', 'ff00::/8'],
];

/**
 * IPv6 forms that carry an IPv4 address and reach it: the IPv4 address decides. An IPv4-mapped
 * address (::ffff:127.0.0.1) is how a dual-stack socket connects to IPv4; NAT64 and 6to4 gateways
 * translate to the address inside.
 */
const EMBEDDING_BLOCKS: readonly (readonly [string, (bytes: number[]) => number[]])[] = [
  ['::ffff:0:0/96', (b) => b.slice(12, 16)], // IPv4-mapped (RFC 4291)
  ['::ffff:0:0:0/96', (b) => b.slice(12, 16)], // IPv4-translated (RFC 6145)
  ['64:ff9b::/96', (b) => b.slice(12, 16)], // NAT64 well-known prefix (RFC 6052)
  ['2002::/16', (b) => b.slice(2, 6)], // 6to4 (RFC 3056)
];

/** Ordinary IPv6 unicast lives in 2000::/3; outside it (and the forms above) nothing is public. */
const GLOBAL_UNICAST_V6 = '2000::/3';

type Parsed = [ipaddr.IPv4 | ipaddr.IPv6, number];
const parsedBlocks = new Map<string, Parsed>();

function block(cidr: string): Parsed {
  let parsed = parsedBlocks.get(cidr);
  if (!parsed) {
    parsed = ipaddr.parseCIDR(cidr);
    parsedBlocks.set(cidr, parsed);
  }
  return parsed;
}

function firstBlock(address: ipaddr.IPv4 | ipaddr.IPv6, blocks: readonly Block[]): SpecialRange | null {
  for (const [name, cidr] of blocks) {
    const range = block(cidr);
    if (address.kind() === range[0].kind() && address.match(range)) return { name, cidr };
  }
  return null;
}

/**
 * The special-purpose range an IP address falls in, or null for an ordinary public address.
 * `address` is a plain IPv4 dotted quad or an IPv6 address (brackets and a zone index allowed), as
 * DNS answers and URL host names give them; anything else throws a TypeError.
 */
export function classifyAddress(address: string): SpecialRange | null {
  const parsed = parseAddress(address);
  if (parsed.kind() === 'ipv4') return firstBlock(parsed, IPV4_BLOCKS);
  const v6 = parsed as ipaddr.IPv6;
  const named = firstBlock(v6, IPV6_BLOCKS);
  if (named) return named;
  for (const [cidr, extract] of EMBEDDING_BLOCKS) {
    if (!v6.match(block(cidr))) continue;
    const embeddedIpv4 = extract(v6.toByteArray()).join('.');
    const inner = classifyAddress(embeddedIpv4);
    return inner ? { ...inner, embeddedIpv4 } : null;
  }
  if (!v6.match(block(GLOBAL_UNICAST_V6))) return { name: 'reserved', cidr: '::/0 outside 2000::/3' };
  return null;
}

/**
 * Parses a plain IPv4 dotted quad or an IPv6 address (brackets and a zone index allowed); anything
 * else, legacy IPv4 spellings included, throws a TypeError.
 */
export function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const plain = address.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(plain);
  if (family === 0) throw new TypeError(`"${address}" is not an IP address`);
  return family === 4 ? ipaddr.IPv4.parse(plain) : ipaddr.IPv6.parse(canonicalIpv6(plain));
}

/**
 * An IPv6 address in hexadecimal groups only, as URLs spell it: the zone index (irrelevant to the
 * range) goes, and a dotted IPv4 tail is rewritten, which ipaddr.js would otherwise read as
 * IPv4-mapped whatever the groups before it say.
 */
function canonicalIpv6(address: string): string {
  return new URL(`http://[${address.replace(/%.*$/, '')}]/`).hostname.slice(1, -1);
}

/** "127.0.0.5 (loopback, 127.0.0.0/8)", "::ffff:7f00:1 (IPv4 127.0.0.1: loopback, 127.0.0.0/8)". */
export function describeRange(address: string, range: SpecialRange): string {
  const where = `${range.name}, ${range.cidr}`;
  return range.embeddedIpv4 ? `${address} (IPv4 ${range.embeddedIpv4}: ${where})` : `${address} (${where})`;
}
