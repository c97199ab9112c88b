import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { classifyAddress, describeRange } from './address-ranges';
import type { AllowList } from './allow-hosts';

// Where the client may connect, decided on the address it is about to connect to: after DNS, for
// every connection (so for every redirect hop and robots.txt too). Checking a URL's host name before
// the request would not be enough: a name can resolve to a public address when checked and to
// 127.0.0.1 a second later (DNS rebinding). Here the DNS answer that is checked is the one the socket
// connects to, and nothing is sent to a refused address, not even a TCP handshake.

/** A DNS lookup with the signature of node:dns lookup (what net.connect calls). */
export type LookupFunction = (
  hostname: string,
  options: LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

/** The connection was refused before it was opened: the address is internal and not allow-listed. */
export class BlockedAddressError extends Error {
  readonly code = 'BLOCKED_ADDRESS';

  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(
      hostname === address
        ? `${reason} is an internal address; not fetched (HTTP_ALLOW_HOSTS can allow it)`
        : `${hostname} resolves to ${reason}, an internal address; not fetched (HTTP_ALLOW_HOSTS can allow it)`,
    );
    this.name = 'BlockedAddressError';
  }
}

/** Why an address may not be connected to (null when it may), given the allow-list. */
export function refusal(address: string, allow: AllowList): string | null {
  const range = classifyAddress(address);
  if (range === null || allow.allowsAddress(address)) return null;
  return describeRange(address, range);
}

/** A lookup that answers only with addresses the client may connect to; any other fails the connection. */
export function guardedLookup(
  allow: AllowList,
  lookup: LookupFunction = dnsLookup as LookupFunction,
): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, answer) => {
      if (err) return callback(err, '');
      const addresses = answer as LookupAddress[];
      // One internal address among public ones refuses the name: which one the socket picks is
      // not ours to choose, and a public board has no reason to list an internal address.
      for (const { address } of addresses) {
        const why = refusal(address, allow);
        if (why)
          return callback(new BlockedAddressError(hostname, address, why) as NodeJS.ErrnoException, '');
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

export interface GuardedConnectorOptions {
  allow: AllowList;
  /** Connect timeout in ms. */
  timeout: number;
  lookup?: LookupFunction;
}

/**
 * An undici connector that refuses internal destinations: an IP in the URL is checked as it is, a
 * name through guardedLookup. A host the allow-list names (with its port, if the entry has one)
 * connects to whatever it resolves to.
 */
export function guardedConnector({
  allow,
  timeout,
  lookup,
}: GuardedConnectorOptions): buildConnector.connector {
  const listed = buildConnector({ timeout, ...(lookup ? { lookup } : {}) });
  const checked = buildConnector({ timeout, lookup: guardedLookup(allow, lookup) });
  return (options, callback) => {
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    if (allow.allowsHost(options.hostname, port)) return listed(options, callback);
    if (isIP(options.hostname) !== 0) {
      const why = refusal(options.hostname, allow);
      if (why) {
        callback(new BlockedAddressError(options.hostname, options.hostname, why), null);
        return;
      }
    }
    return checked(options, callback);
  };
}
