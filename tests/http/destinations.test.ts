import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from '#http';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { failure, useTestHttpClients } from '../support/test-http-clients';

// The client refuses internal destinations unless allow-listed, on the address it actually connects
// to. Every server here listens on a loopback address (127.0.0.0/8): the refused ones stand for
// internal services, and their request logs prove nothing reached them. Other ranges are classified
// in libs/http/src/address-ranges.spec.ts, without sending anything.

const servers: FixtureServer[] = [];
const client = useTestHttpClients();

async function serverOn(address: string, port?: number): Promise<FixtureServer> {
  const server = await startFixtureServer({ address, port });
  server.serve('/robots.txt', 'User-agent: *\nAllow: /\n', 'text/plain');
  server.serve('/jobs', '{"jobs":[]}', 'application/json');
  servers.push(server);
  return server;
}

/** A resolver answering from a table, as a hostile or rebinding DNS server would. */
function fakeDns(answer: (hostname: string, call: number) => string): LookupFunction {
  let calls = 0;
  return (hostname, options, callback) => {
    const address = answer(hostname, ++calls);
    const entry: LookupAddress = { address, family: address.includes(':') ? 6 : 4 };
    if (options.all) callback(null, [entry]);
    else callback(null, entry.address, entry.family);
  };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('internal destinations are refused by default', () => {
  it('refuses a server on 127.0.0.5 that is not allow-listed; nothing reaches it, robots.txt included', async () => {
    const internal = await serverOn('127.0.0.5');
    const err = await failure(client().request({ url: `${internal.origin}/jobs` }));

    expect(err.code).toBe('BLOCKED_ADDRESS');
    expect(err.permanent).toBe(true);
    expect(err.message).toContain(`Not fetching ${internal.origin}/jobs: 127.0.0.5 (loopback, 127.0.0.0/8)`);
    expect(err.message).toContain('HTTP_ALLOW_HOSTS');
    expect(internal.requests).toEqual([]);
  });

  it('is not retried', async () => {
    const internal = await serverOn('127.0.0.5');
    const events: unknown[] = [];
    await failure(client({ onRequest: (e) => events.push(e) }).request({ url: `${internal.origin}/jobs` }));
    expect(events).toHaveLength(1);
  });

  it('refuses the decimal, hex, octal and short spellings of a loopback address', async () => {
    const internal = await serverOn('127.0.0.1');
    const port = new URL(internal.origin).port;
    const http = client();
    for (const host of ['2130706433', '0x7f000001', '0177.0.0.1', '127.1', '[::ffff:127.0.0.1]']) {
      const err = await failure(http.request({ url: `http://${host}:${port}/jobs` }));
      expect(err.code).toBe('BLOCKED_ADDRESS');
    }
    expect(internal.requests).toEqual([]);
  });

  it('refuses a name that resolves to a loopback address', async () => {
    const internal = await serverOn('127.0.0.5');
    const port = new URL(internal.origin).port;
    const http = client({ lookup: fakeDns(() => '127.0.0.5') });
    const err = await failure(http.request({ url: `http://jobs.board.example:${port}/jobs` }));

    expect(err.code).toBe('BLOCKED_ADDRESS');
    expect(err.message).toContain('jobs.board.example resolves to 127.0.0.5');
    expect(internal.requests).toEqual([]);
  });

  it('refuses localhost through the real resolver', async () => {
    const internal = await serverOn('127.0.0.1');
    const err = await failure(
      client().request({ url: `http://localhost:${new URL(internal.origin).port}/jobs` }),
    );
    expect(err.code).toBe('BLOCKED_ADDRESS');
    expect(internal.requests).toEqual([]);
  });

  it('refuses an IPv4-mapped IPv6 answer for a name', async () => {
    const internal = await serverOn('127.0.0.5');
    const port = new URL(internal.origin).port;
    const err = await failure(
      client({ lookup: fakeDns(() => '::ffff:127.0.0.5') }).request({
        url: `http://mapped.example:${port}/jobs`,
      }),
    );
    expect(err.code).toBe('BLOCKED_ADDRESS');
    expect(err.message).toContain('IPv4 127.0.0.5: loopback');
  });
});

describe('HTTP_ALLOW_HOSTS lets listed destinations through', () => {
  it('accepts an allow-listed host:port on a loopback address', async () => {
    const feed = await serverOn('127.0.0.5');
    const res = await client({ allowHosts: [feed.host] }).request({ url: `${feed.origin}/jobs` });

    expect(res.status).toBe(200);
    expect(res.body).toBe('{"jobs":[]}');
    expect(feed.requests.map((r) => r.path)).toEqual(['/robots.txt', '/jobs']);
  });

  it('a host:port entry lets that port through, not another server on the same address', async () => {
    const listed = await serverOn('127.0.0.5');
    const other = await serverOn('127.0.0.5');
    const http = client({ allowHosts: [listed.host] });

    expect((await http.request({ url: `${listed.origin}/jobs` })).status).toBe(200);
    expect((await failure(http.request({ url: `${other.origin}/jobs` }))).code).toBe('BLOCKED_ADDRESS');
    expect(other.requests).toEqual([]);
  });

  it('a CIDR entry lets through any name resolving into the block', async () => {
    const feed = await serverOn('127.0.0.6');
    const http = client({ allowHosts: '127.0.0.6/32', lookup: fakeDns(() => '127.0.0.6') });
    const res = await http.request({
      url: `http://feeds.internal.example:${new URL(feed.origin).port}/jobs`,
    });
    expect(res.status).toBe(200);
  });

  it('a decimal spelling of an allow-listed address is the same destination', async () => {
    const feed = await serverOn('127.0.0.1');
    const port = new URL(feed.origin).port;
    const res = await client({ allowHosts: [feed.host] }).request({ url: `http://2130706433:${port}/jobs` });
    expect(res.status).toBe(200);
  });

  it('rejects a malformed entry naming it', () => {
    expect(() => client({ allowHosts: 'feeds.example:99999' })).toThrow(
      /allowHosts: "feeds.example:99999" has a port/,
    );
  });
});

describe('every hop is checked', () => {
  it('refuses a redirect from an allowed host to one that is not', async () => {
    const allowed = await serverOn('127.0.0.1');
    const internal = await serverOn('127.0.0.5');
    allowed.route('GET', '/moved', (_req, res) => {
      res.writeHead(302, { location: `${internal.origin}/jobs` }).end();
    });
    const err = await failure(
      client({ allowHosts: [allowed.host] }).request({ url: `${allowed.origin}/moved` }),
    );

    expect(err.code).toBe('BLOCKED_ADDRESS');
    expect(err.message).toContain('127.0.0.5');
    expect(allowed.requests.map((r) => r.path)).toEqual(['/robots.txt', '/moved']);
    expect(internal.requests).toEqual([]);
  });

  it('refuses a redirect to a decimal loopback host', async () => {
    const allowed = await serverOn('127.0.0.1');
    const internal = await serverOn('127.0.0.5');
    const decimal = ((127 << 24) + 5) >>> 0;
    allowed.route('GET', '/moved', (_req, res) => {
      res.writeHead(301, { location: `http://${decimal}:${new URL(internal.origin).port}/jobs` }).end();
    });
    const err = await failure(
      client({ allowHosts: [allowed.host] }).request({ url: `${allowed.origin}/moved` }),
    );
    expect(err.code).toBe('BLOCKED_ADDRESS');
    expect(internal.requests).toEqual([]);
  });

  it('checks the address of every connection: DNS rebinding after a first allowed answer is refused', async () => {
    // The name first resolves into the allowed block, then (the rebinding) to an internal address on
    // the same port. The allowed server closes every connection, so the second request must resolve
    // the name again: that answer is the one checked, and refused before connecting.
    const allowed = await serverOn('127.0.0.6');
    const internal = await serverOn('127.0.0.5', Number(new URL(allowed.origin).port));
    allowed.route('GET', '/robots.txt', (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/plain', connection: 'close' })
        .end('User-agent: *\nAllow: /\n');
    });
    const dns = fakeDns((_host, call) => (call === 1 ? '127.0.0.6' : '127.0.0.5'));
    const http = client({ allowHosts: '127.0.0.6/32', lookup: dns });
    const err = await failure(
      http.request({ url: `http://rebind.example:${new URL(allowed.origin).port}/jobs` }),
    );

    expect(err.code).toBe('BLOCKED_ADDRESS');
    expect(err.message).toContain('rebind.example resolves to 127.0.0.5');
    expect(allowed.requests.map((r) => r.path)).toEqual(['/robots.txt']);
    expect(internal.requests).toEqual([]);
  });
});

describe('credentials in URLs', () => {
  it('refuses a URL with a user name and password without sending or repeating them', async () => {
    const feed = await serverOn('127.0.0.1');
    const url = `http://feeduser:s3cret-pass@${feed.host}/jobs`;
    const err = await failure(client({ allowHosts: [feed.host] }).request({ url }));

    expect(err.code).toBe('CREDENTIALS_IN_URL');
    expect(JSON.stringify({ message: err.message, url: err.url })).not.toMatch(/s3cret|feeduser/);
    expect(feed.requests).toEqual([]);
  });

  it('refuses a redirect to a URL with credentials', async () => {
    const feed = await serverOn('127.0.0.1');
    feed.route('GET', '/moved', (_req, res) => {
      res.writeHead(302, { location: `http://admin:hunter2@${feed.host}/jobs` }).end();
    });
    const err = await failure(client({ allowHosts: [feed.host] }).request({ url: `${feed.origin}/moved` }));
    expect(err.code).toBe('CREDENTIALS_IN_URL');
    expect(err.message).not.toContain('hunter2');
    expect(feed.requests.map((r) => r.path)).toEqual(['/robots.txt', '/moved']);
  });
});
