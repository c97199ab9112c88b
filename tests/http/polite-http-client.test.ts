import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import { brotliCompressSync, createGzip, deflateRawSync, gzipSync } from 'node:zlib';
import type { HttpRequestEvent } from '#http';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { failure, TEST_BOT, useTestHttpClients } from '../support/test-http-clients';

// The polite client against a real HTTP server on this machine: every rule is checked by what the
// server actually received (paths, headers, timestamps, concurrency), not by inspecting the client.

const USER_AGENT = TEST_BOT;
const MiB = 1024 * 1024;

let server: FixtureServer;

// Every server of this suite is a loopback fixture; destinations are tested in destinations.test.ts.
const client = useTestHttpClients({ allowHosts: ['127.0.0.1', 'localhost'] });

const requestsTo = (path: string) => server.requests.filter((r) => r.path === path);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A route that records when each request arrived and how many were in flight at once. */
function timedRoute(path: string, holdMs: number) {
  const seen = { at: [] as number[], inFlight: 0, maxInFlight: 0 };
  server.route('GET', path, async (_req, res) => {
    seen.at.push(Date.now());
    seen.inFlight++;
    seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
    await sleep(holdMs);
    seen.inFlight--;
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  return seen;
}

/** Streams `total` bytes in 64 KiB chunks with backpressure, stopping when the client hangs up. */
function streamBytes(res: ServerResponse, total: number, headers: Record<string, string | number>) {
  const state = { sent: 0, closed: once(res, 'close') };
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let open = true;
  res.on('close', () => (open = false));
  res.writeHead(200, { 'content-type': 'application/octet-stream', ...headers });
  const pump = (): void => {
    while (open && state.sent < total) {
      state.sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (open) res.end();
  };
  pump();
  return state;
}

/** gzip of `bytes` zero bytes, compressed chunk by chunk so the plain text never exists in memory. */
async function gzipOfZeros(bytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (c: Buffer) => out.push(c));
  const ended = once(gzip, 'end');
  const chunk = Buffer.alloc(MiB);
  for (let written = 0; written < bytes; written += chunk.length) {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  }
  gzip.end();
  await ended;
  return Buffer.concat(out);
}

beforeEach(async () => {
  server = await startFixtureServer();
});

afterEach(async () => {
  await server.close();
});

describe('basic fetching', () => {
  it('sends a User-Agent naming CoderJobs and its contact URL, and reports each exchange', async () => {
    const events: HttpRequestEvent[] = [];
    server.serve('/jobs', '<h1>Coding jobs</h1>', 'text/html; charset=utf-8');
    const res = await client({ onRequest: (e) => events.push(e) }).request({ url: `${server.origin}/jobs` });

    expect(res).toMatchObject({ status: 200, body: '<h1>Coding jobs</h1>', notModified: false });
    expect(requestsTo('/jobs')[0].headers['user-agent']).toBe(USER_AGENT);
    expect(requestsTo('/robots.txt')[0].headers['user-agent']).toBe(USER_AGENT);
    expect(events.map((e) => [e.purpose, e.status, e.attempt])).toEqual([
      ['robots', 404, 1],
      ['fetch', 200, 1],
    ]);
    expect(events[1]).toMatchObject({ host: '127.0.0.1', method: 'GET', errorCode: null });
  });

  it('sends a POST with a JSON body', async () => {
    server.route('POST', '/wday/cxs/search', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"total":0,"jobPostings":[]}');
    });
    const res = await client().request({
      url: `${server.origin}/wday/cxs/search`,
      method: 'POST',
      body: { limit: 20, offset: 0, searchText: 'medical coder' },
    });

    expect(JSON.parse(res.body)).toEqual({ total: 0, jobPostings: [] });
    const [received] = requestsTo('/wday/cxs/search');
    expect(received.method).toBe('POST');
    expect(received.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received.body)).toEqual({ limit: 20, offset: 0, searchText: 'medical coder' });
  });

  it('rejects a non-http URL without touching the network', async () => {
    const err = await failure(client().request({ url: 'file:///etc/passwd' }));
    expect(err.code).toBe('UNSUPPORTED_PROTOCOL');
    expect(server.requests).toHaveLength(0);
  });
});

describe('robots.txt', () => {
  it('refuses a disallowed path without requesting it', async () => {
    server.serve('/robots.txt', 'User-agent: CoderJobsBot\nDisallow: /private\n', 'text/plain');
    server.serve('/private/jobs', 'secret', 'text/html');
    server.serve('/public/jobs', 'public', 'text/html');
    const http = client();

    const err = await failure(http.request({ url: `${server.origin}/private/jobs` }));
    expect(err.code).toBe('ROBOTS_DISALLOWED');
    expect(err.message).toContain(`${server.origin}/private/jobs`);
    expect(err.permanent).toBe(true);
    expect((await http.request({ url: `${server.origin}/public/jobs` })).body).toBe('public');
    expect(requestsTo('/private/jobs')).toHaveLength(0);
    // Fetched once for the origin, then cached.
    expect(requestsTo('/robots.txt')).toHaveLength(1);
  });

  it('treats a 404 robots.txt as allowing everything', async () => {
    server.serve('/jobs', 'listing', 'text/plain');
    const res = await client().request({ url: `${server.origin}/jobs` });
    expect(res.body).toBe('listing');
    expect(requestsTo('/robots.txt')).toHaveLength(1);
  });

  it('treats a 500 robots.txt as disallowing the whole site', async () => {
    server.route('GET', '/robots.txt', (_req, res) => {
      res.writeHead(500).end('oops');
    });
    server.serve('/jobs', 'listing', 'text/plain');
    const err = await failure(client().request({ url: `${server.origin}/jobs` }));
    expect(err.code).toBe('ROBOTS_DISALLOWED');
    expect(err.message).toContain('500');
    expect(requestsTo('/jobs')).toHaveLength(0);
  });

  it('spaces requests to a host by its Crawl-delay', async () => {
    server.serve('/robots.txt', 'User-agent: *\nCrawl-delay: 0.3\n', 'text/plain');
    const seen = timedRoute('/page', 0);
    const http = client({ minIntervalMs: 0 });
    await Promise.all([1, 2, 3].map(() => http.request({ url: `${server.origin}/page` })));

    expect(seen.at).toHaveLength(3);
    const gaps = seen.at.slice(1).map((t, i) => t - seen.at[i]);
    // 10 ms of slack for timer granularity; without the delay the gaps are ~1 ms.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(290);
  });
});

describe('per-host pacing', () => {
  it('sends one request at a time to a host', async () => {
    const seen = timedRoute('/slow', 40);
    const http = client({ minIntervalMs: 10 });
    await Promise.all([1, 2, 3, 4, 5].map(() => http.request({ url: `${server.origin}/slow` })));

    expect(seen.at).toHaveLength(5);
    expect(seen.maxInFlight).toBe(1);
    const gaps = seen.at.slice(1).map((t, i) => t - seen.at[i]);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(45);
  });

  it('lets different hosts proceed in parallel', async () => {
    const seen = timedRoute('/slow', 500);
    const port = new URL(server.origin).port;
    const http = client();
    const started = Date.now();
    await Promise.all([
      http.request({ url: `http://127.0.0.1:${port}/slow` }),
      http.request({ url: `http://localhost:${port}/slow` }),
    ]);

    expect(seen.maxInFlight).toBe(2);
    // One after the other would take at least 1 s.
    expect(Date.now() - started).toBeLessThan(900);
  });
});

describe('timeouts and size limits', () => {
  it('times out when the server never answers', async () => {
    server.route('GET', '/hang', () => undefined);
    const started = Date.now();
    const err = await failure(
      client({ readTimeoutMs: 300, maxRetries: 0 }).request({ url: `${server.origin}/hang` }),
    );

    expect(err.code).toBe('TIMEOUT');
    expect(err.message).toContain(`${server.origin}/hang`);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('cuts a server that trickles one byte every 200 ms at the total deadline', async () => {
    server.route('GET', '/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('x'), 200);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const err = await failure(
      client({ readTimeoutMs: 1_000, totalTimeoutMs: 1_000, maxRetries: 0 }).request({
        url: `${server.origin}/trickle`,
      }),
    );

    expect(err.code).toBe('TIMEOUT');
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(2_500);
  });

  it('stops reading a 50 MB streamed response at the cap and hangs up', async () => {
    let stream: ReturnType<typeof streamBytes> | undefined;
    server.route('GET', '/huge', (_req, res) => {
      stream = streamBytes(res, 50 * MiB, {});
    });
    const started = Date.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const err = await failure(client({ maxBytes: MiB }).request({ url: `${server.origin}/huge` }));

    expect(err.code).toBe('TOO_LARGE');
    expect(err.message).toContain(`${server.origin}/huge`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(30 * MiB);
    await stream?.closed;
    // The socket was aborted: the server could not push anywhere near the whole body.
    expect(stream?.sent).toBeLessThan(20 * MiB);
    expect(requestsTo('/huge')).toHaveLength(1);
  });

  it('rejects a declared Content-Length over the cap before reading the body', async () => {
    let stream: ReturnType<typeof streamBytes> | undefined;
    server.route('GET', '/declared', (_req, res) => {
      stream = streamBytes(res, 50 * MiB, { 'content-length': 50 * MiB });
    });
    const err = await failure(client({ maxBytes: MiB }).request({ url: `${server.origin}/declared` }));

    expect(err.code).toBe('TOO_LARGE');
    expect(err.message).toContain(String(50 * MiB));
    await stream?.closed;
    expect(stream?.sent).toBeLessThan(20 * MiB);
  });

  it('honours a per-request maxBytes', async () => {
    server.serve('/medium', 'x'.repeat(2_000), 'text/plain');
    const err = await failure(client().request({ url: `${server.origin}/medium`, maxBytes: 1_000 }));
    expect(err.code).toBe('TOO_LARGE');
  });
});

describe('content encoding and charsets', () => {
  it('decodes a gzip response', async () => {
    const text = '<ul>' + '<li>Medical coder (CPC), remote</li>'.repeat(200) + '</ul>';
    server.route('GET', '/gz', (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(text));
    });
    const res = await client().request({ url: `${server.origin}/gz` });
    expect(res.body).toBe(text);
  });

  it('decodes brotli and raw deflate responses', async () => {
    server.route('GET', '/br', (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync('brotli body'));
    });
    server.route('GET', '/deflate', (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateRawSync('raw deflate body'));
    });
    const http = client();
    expect((await http.request({ url: `${server.origin}/br` })).body).toBe('brotli body');
    expect((await http.request({ url: `${server.origin}/deflate` })).body).toBe('raw deflate body');
  });

  it('caps a gzip bomb by its decompressed size', async () => {
    const bomb = await gzipOfZeros(50 * MiB);
    expect(bomb.length).toBeLessThan(MiB);
    server.route('GET', '/bomb', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(bomb);
    });
    const started = Date.now();
    const err = await failure(client({ maxBytes: MiB }).request({ url: `${server.origin}/bomb` }));

    expect(err.code).toBe('TOO_LARGE');
    expect(err.message).toContain('decompression');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('decodes a latin1 body by the charset in Content-Type', async () => {
    server.route('GET', '/latin1', (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' })
        .end(Buffer.from('Codificación médica', 'latin1'));
    });
    const res = await client().request({ url: `${server.origin}/latin1` });
    expect(res.body).toBe('Codificación médica');
  });
});

describe('redirects', () => {
  const redirect = (from: string, to: string, status = 302) =>
    server.route('GET', from, (_req, res) => {
      res.writeHead(status, { location: to }).end();
    });

  it('follows a chain of 3 redirects, resolving relative Locations', async () => {
    redirect('/old/a', `${server.origin}/old/b`, 301);
    redirect('/old/b', 'c', 302);
    redirect('/old/c', '/new/final', 308);
    server.serve('/new/final', 'landed', 'text/plain');
    const res = await client().request({ url: `${server.origin}/old/a` });

    expect(res.body).toBe('landed');
    expect(res.url).toBe(`${server.origin}/new/final`);
    expect(server.requests.filter((r) => r.path !== '/robots.txt').map((r) => r.path)).toEqual([
      '/old/a',
      '/old/b',
      '/old/c',
      '/new/final',
    ]);
  });

  it('detects a redirect loop', async () => {
    redirect('/loop/1', '/loop/2');
    redirect('/loop/2', '/loop/1');
    const err = await failure(client().request({ url: `${server.origin}/loop/1` }));

    expect(err.code).toBe('TOO_MANY_REDIRECTS');
    expect(err.message).toMatch(/loop/i);
    expect(requestsTo('/loop/1')).toHaveLength(1);
    expect(requestsTo('/loop/2')).toHaveLength(1);
  });

  it('gives up after 5 redirects', async () => {
    for (let i = 0; i < 6; i++) redirect(`/hop/${i}`, `/hop/${i + 1}`);
    server.serve('/hop/6', 'too far', 'text/plain');
    const err = await failure(client().request({ url: `${server.origin}/hop/0` }));

    expect(err.code).toBe('TOO_MANY_REDIRECTS');
    expect(err.permanent).toBe(true);
    expect(requestsTo('/hop/5')).toHaveLength(1);
    expect(requestsTo('/hop/6')).toHaveLength(0);
  });

  it('refuses a redirect to ftp://', async () => {
    redirect('/to-ftp', 'ftp://files.example.org/jobs.csv');
    const err = await failure(client().request({ url: `${server.origin}/to-ftp` }));
    expect(err.code).toBe('UNSUPPORTED_PROTOCOL');
    expect(err.message).toContain('ftp:');
  });

  it('checks robots.txt for every hop', async () => {
    server.serve('/robots.txt', 'User-agent: *\nDisallow: /members\n', 'text/plain');
    redirect('/open', '/members/area');
    const err = await failure(client().request({ url: `${server.origin}/open` }));
    expect(err.code).toBe('ROBOTS_DISALLOWED');
    expect(requestsTo('/members/area')).toHaveLength(0);
  });
});

describe('retries', () => {
  it('retries 503 twice and then succeeds', async () => {
    let calls = 0;
    server.route('GET', '/flaky', (_req, res) => {
      calls++;
      if (calls <= 2) res.writeHead(503).end('busy');
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('finally');
    });
    const events: HttpRequestEvent[] = [];
    const res = await client({ maxRetries: 3, onRequest: (e) => events.push(e) }).request({
      url: `${server.origin}/flaky`,
    });

    expect(res.body).toBe('finally');
    expect(requestsTo('/flaky')).toHaveLength(3);
    expect(
      events.filter((e) => e.purpose === 'fetch').map((e) => [e.attempt, e.status, e.errorCode]),
    ).toEqual([
      [1, 503, 'HTTP_STATUS'],
      [2, 503, 'HTTP_STATUS'],
      [3, 200, null],
    ]);
  });

  it('fails with the status once retries run out', async () => {
    server.route('GET', '/down', (_req, res) => {
      res.writeHead(502).end();
    });
    const err = await failure(client({ maxRetries: 2 }).request({ url: `${server.origin}/down` }));

    expect(err).toMatchObject({ code: 'HTTP_STATUS', status: 502 });
    expect(err.message).toContain(`${server.origin}/down`);
    expect(requestsTo('/down')).toHaveLength(3);
  });

  it('waits for Retry-After: 1 on a 429', async () => {
    const at: number[] = [];
    server.route('GET', '/limited', (_req, res) => {
      at.push(Date.now());
      if (at.length === 1) res.writeHead(429, { 'retry-after': '1' }).end();
      else res.writeHead(200).end('ok');
    });
    const res = await client().request({ url: `${server.origin}/limited` });

    expect(res.body).toBe('ok');
    expect(at).toHaveLength(2);
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(950);
    expect(at[1] - at[0]).toBeLessThan(2_500);
  });

  it('fails at once when Retry-After asks for longer than allowed', async () => {
    server.route('GET', '/later', (_req, res) => {
      res.writeHead(503, { 'retry-after': '3600' }).end();
    });
    const started = Date.now();
    const err = await failure(client({ maxRetryAfterMs: 5_000 }).request({ url: `${server.origin}/later` }));

    expect(err).toMatchObject({ code: 'HTTP_STATUS', status: 503 });
    expect(err.message).toContain('Retry-After');
    expect(requestsTo('/later')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('does not retry a 404', async () => {
    const err = await failure(client({ maxRetries: 3 }).request({ url: `${server.origin}/missing` }));

    expect(err).toMatchObject({ code: 'HTTP_STATUS', status: 404, url: `${server.origin}/missing` });
    expect(err.message).toContain('404');
    expect(err.message).toContain(`${server.origin}/missing`);
    expect(err.permanent).toBe(true);
    expect(requestsTo('/missing')).toHaveLength(1);
  });

  it('retries a dropped connection and reports NETWORK for the failed attempt', async () => {
    let calls = 0;
    server.route('GET', '/drop', (_req, res) => {
      calls++;
      if (calls === 1) res.socket?.destroy();
      else res.writeHead(200).end('second time lucky');
    });
    const events: HttpRequestEvent[] = [];
    const res = await client({ onRequest: (e) => events.push(e) }).request({ url: `${server.origin}/drop` });

    expect(res.body).toBe('second time lucky');
    expect(requestsTo('/drop')).toHaveLength(2);
    expect(
      events.filter((e) => e.purpose === 'fetch').map((e) => [e.attempt, e.status, e.errorCode]),
    ).toEqual([
      [1, null, 'NETWORK'],
      [2, 200, null],
    ]);
  });

  it('treats an unreachable robots.txt as disallowing the site', async () => {
    const gone = await startFixtureServer();
    await gone.close();
    const events: HttpRequestEvent[] = [];
    const err = await failure(
      client({ onRequest: (e) => events.push(e) }).request({ url: `${gone.origin}/jobs` }),
    );

    expect(err.code).toBe('ROBOTS_DISALLOWED');
    expect(err.message).toContain('unreachable');
    expect(events).toEqual([
      expect.objectContaining({ purpose: 'robots', status: null, errorCode: 'NETWORK' }),
    ]);
  });
});

describe('conditional requests', () => {
  it('sends the stored ETag and returns notModified with an empty body on 304', async () => {
    server.serve('/feed.xml', '<rss>jobs</rss>', 'application/rss+xml', { etag: '"v1"' });
    const http = client();

    const first = await http.request({ url: `${server.origin}/feed.xml` });
    expect(first).toMatchObject({ status: 200, body: '<rss>jobs</rss>', etag: '"v1"', notModified: false });

    const second = await http.request({
      url: `${server.origin}/feed.xml`,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second).toMatchObject({ status: 304, body: '', etag: '"v1"', notModified: true });
    const [, again] = requestsTo('/feed.xml');
    expect(again.headers['if-none-match']).toBe('"v1"');
  });

  it('sends If-Modified-Since and returns Last-Modified', async () => {
    const stamp = 'Tue, 03 Jun 2025 10:00:00 GMT';
    server.route('GET', '/list', (req, res) => {
      if (req.headers['if-modified-since'] === stamp) res.writeHead(304).end();
      else res.writeHead(200, { 'last-modified': stamp }).end('list');
    });
    const http = client();
    const first = await http.request({ url: `${server.origin}/list` });
    expect(first.lastModified).toBe(stamp);
    const second = await http.request({ url: `${server.origin}/list`, lastModified: first.lastModified });
    expect(second).toMatchObject({ notModified: true, lastModified: stamp, body: '' });
  });
});

describe('cancellation', () => {
  it('rejects with ABORTED when the caller aborts', async () => {
    server.route('GET', '/hang', () => undefined);
    const controller = new AbortController();
    const pending = client().request({ url: `${server.origin}/hang`, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const err = await failure(pending);
    expect(err.code).toBe('ABORTED');
  });
});
