import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP server on a loopback address (127.0.0.1 unless told another of 127.0.0.0/8) for
// integration tests: fixtures are served over the wire, so the polite client, redirects, timeouts and
// conditional requests are exercised for real. The client refuses loopback destinations unless
// allow-listed: give it `allowHosts: [server.host]`.

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

export interface FixtureServer {
  /** e.g. http://127.0.0.1:43123 */
  readonly origin: string;
  /** e.g. 127.0.0.1:43123: the allow-list entry for this server alone. */
  readonly host: string;
  /** Every request received, in order: method, path with query, headers and body. */
  readonly requests: { method: string; path: string; headers: IncomingMessage['headers']; body: string }[];
  route(method: string, path: string, handler: RouteHandler): void;
  /** Serve a static body with a content type (200), with ETag support for conditional requests. */
  serve(
    path: string,
    body: string | Buffer,
    contentType: string,
    opts?: { etag?: string; method?: string },
  ): void;
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  /** A loopback address to listen on. Default 127.0.0.1. */
  address?: string;
  /** Default: any free port. */
  port?: number;
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const address = options.address ?? '127.0.0.1';
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address)) {
    throw new Error(`fixture servers listen on loopback only, not ${address}`);
  }
  const routes = new Map<string, RouteHandler>();
  const requests: FixtureServer['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      const handler =
        routes.get(`${req.method} ${path}`) ?? routes.get(`${req.method} ${path.split('?')[0]}`) ?? null;
      if (!handler) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      Promise.resolve(handler(req, res, body)).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(err));
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, address, resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://${address}:${port}`,
    host: `${address}:${port}`,
    requests,
    route(method, path, handler) {
      routes.set(`${method.toUpperCase()} ${path}`, handler);
    },
    serve(path, body, contentType, opts = {}) {
      routes.set(`${(opts.method ?? 'GET').toUpperCase()} ${path}`, (req, res) => {
        if (opts.etag && req.headers['if-none-match'] === opts.etag) {
          res.writeHead(304, { etag: opts.etag }).end();
          return;
        }
        res
          .writeHead(200, { 'content-type': contentType, ...(opts.etag ? { etag: opts.etag } : {}) })
          .end(body);
      });
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
