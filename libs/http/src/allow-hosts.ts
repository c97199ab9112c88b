import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { parseAddress } from './address-ranges';

// The operator's allow-list (HTTP_ALLOW_HOSTS): destinations let through although their address is
// one the client refuses by default (address-ranges.ts). Three kinds of entry:
//   feeds.internal.example      that host name in a URL, on any port; whatever it resolves to
//   127.0.0.1:4010              that host (name or IP, as a URL names it) on that port only
//   10.20.0.0/16                any destination whose address is in the block (after DNS)
// An IP written without a port also counts as its /32 (or /128) block, so a name resolving to it is
// let through too.

export type AllowEntry =
  | { kind: 'host'; host: string; port: number | null; text: string }
  | { kind: 'cidr'; range: [ipaddr.IPv4 | ipaddr.IPv6, number]; text: string };

/** A malformed entry; the message names it and what an entry looks like. */
export class AllowHostsError extends Error {
  constructor(entry: string, why: string) {
    super(`"${entry}" ${why}; an entry is a host, host:port or CIDR block (e.g. 10.0.0.0/8)`);
    this.name = 'AllowHostsError';
  }
}

/** Reads a comma-separated list (or a list) of entries; empty entries are ignored. */
export function parseAllowHosts(input: string | readonly string[]): AllowEntry[] {
  const items = typeof input === 'string' ? input.split(',') : input;
  return items
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map(parseEntry);
}

function parseEntry(text: string): AllowEntry {
  if (text.includes('/')) return parseCidr(text);
  let host = text;
  let port: number | null = null;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    host = bracketed[1];
    if (bracketed[2] !== undefined) port = parsePort(text, bracketed[2]);
    if (isIP(host) !== 6)
      throw new AllowHostsError(text, 'has brackets around something that is not an IPv6 address');
  } else if (isIP(text) !== 6) {
    const colon = text.lastIndexOf(':');
    if (colon >= 0) {
      host = text.slice(0, colon);
      port = parsePort(text, text.slice(colon + 1));
    }
  }
  return { kind: 'host', host: normalizeHost(text, host), port, text };
}

function parseCidr(text: string): AllowEntry {
  const [address, bits] = text.split('/');
  if (isIP(address) === 0 || !/^\d{1,3}$/.test(bits ?? '')) {
    throw new AllowHostsError(text, 'is not a CIDR block');
  }
  try {
    return { kind: 'cidr', range: ipaddr.parseCIDR(text), text };
  } catch {
    throw new AllowHostsError(text, 'has a prefix length too long for its address');
  }
}

function parsePort(text: string, digits: string): number {
  const port = /^\d{1,5}$/.test(digits) ? Number(digits) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new AllowHostsError(text, 'has a port that is not 1-65535');
  return port;
}

/** The host as a URL's hostname spells it (lower case, IPv4 in dotted quads, IPv6 compressed). */
function normalizeHost(text: string, host: string): string {
  if (host === '' || /[\s@/?#\\]/.test(host)) throw new AllowHostsError(text, 'is not a host name');
  let hostname: string;
  try {
    hostname = new URL(`http://${isIP(host) === 6 ? `[${host}]` : host}/`).hostname;
  } catch {
    throw new AllowHostsError(text, 'is not a host name');
  }
  return hostname.replace(/^\[(.*)\]$/, '$1');
}

/** The allow-list, asked at connect time. */
export class AllowList {
  private readonly hosts: Extract<AllowEntry, { kind: 'host' }>[];
  private readonly blocks: [ipaddr.IPv4 | ipaddr.IPv6, number][];

  constructor(entries: readonly AllowEntry[]) {
    this.hosts = entries.filter((e) => e.kind === 'host');
    this.blocks = entries.flatMap((e) => {
      if (e.kind === 'cidr') return [e.range];
      if (e.port !== null || isIP(e.host) === 0) return [];
      const address = ipaddr.parse(e.host);
      return [[address, address.kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number]];
    });
  }

  get empty(): boolean {
    return this.hosts.length === 0 && this.blocks.length === 0;
  }

  /** Whether a URL's host (without brackets) and port are listed: then any address it has is accepted. */
  allowsHost(hostname: string, port: number): boolean {
    const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    return this.hosts.some((e) => e.host === host && (e.port === null || e.port === port));
  }

  /** Whether an address (as DNS answers it) falls in a listed block. */
  allowsAddress(address: string): boolean {
    if (this.blocks.length === 0) return false;
    let parsed: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      parsed = parseAddress(address);
    } catch {
      return false;
    }
    // An IPv4-mapped address reaches the IPv4 address: IPv4 blocks decide.
    if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
      parsed = (parsed as ipaddr.IPv6).toIPv4Address();
    }
    return this.blocks.some((range) => parsed.kind() === range[0].kind() && parsed.match(range));
  }
}
