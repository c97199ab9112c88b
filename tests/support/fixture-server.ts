import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP server on 127.0.0.1 for integration tests: fixtures are served over the wire, so the
// polite client, redirects, timeouts and conditional requests are exercised for real.

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

export interface FixtureServer {
  /** e.g. http://127.0.0.1:43123 */
  readonly origin: string;
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

export async function startFixtureServer(): Promise<FixtureServer> {
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
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
