// Serves samples/demo-feeds/ so the demo sources in samples/sources.yaml work on a fresh machine with no
// internet: `node scripts/demo-feed-server.mjs` (127.0.0.1:${DEMO_FEEDS_PORT:-4010}), or import
// startDemoFeedServer({ port }) and close() it when done.
//
// Request paths map onto files through samples/demo-feeds/routes.json:
//   "GET /v1/boards/mercy-valley/jobs": "greenhouse/mercy-valley.json"
//   "GET /feeds/redbud-staffing/jobs.rss": { "file": "rss/redbud-staffing.xml", "contentType": "..." }
// The query string is ignored (Greenhouse's ?content=true, Lever's ?mode=json&skip=0&limit=100), so a
// paged source gets the same document for every page: keep its page size above the demo's job count.
// A trailing slash is optional. Besides the routes: /robots.txt allows everything, and / lists the routes.
// The service refuses loopback and private destinations by default: `npm start` allow-lists this
// server (HTTP_ALLOW_HOSTS=127.0.0.1:4010); set that yourself when running the two apart.
//
// Files are templates, so the demo stays current on any day and behind any host name:
//   {{origin}}                   the origin the request was sent to, e.g. http://127.0.0.1:4010
//   {{date:-3}}                  the UTC date 3 days ago: 2026-11-19
//   {{datetime:-3@09:15-06:00}}  that date at a wall-clock time and offset: 2026-11-19T09:15:00-06:00
//                                (without an offset the time is UTC and written with Z)
//   {{rfc822:-3@09:15}}          the same instant for RSS: Thu, 19 Nov 2026 09:15:00 +0000
//   {{epochms:-3@09:15}}         milliseconds since 1970 (Lever's createdAt); written inside quotes in
//                                a JSON file, the quotes are dropped so the value is a number
// Every response carries a strong ETag of the rendered body and answers If-None-Match with 304, so the
// service's conditional requests are exercised. The body changes once a day, when the dates move.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DEFAULT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'samples', 'demo-feeds');

const CONTENT_TYPES = {
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const ROBOTS_TXT = 'User-agent: *\nAllow: /\n';

/** Reads routes.json into a map from "METHOD /path" to { file, contentType }, checking every file exists. */
function loadRoutes(root) {
  const table = JSON.parse(readFileSync(join(root, 'routes.json'), 'utf8'));
  const routes = new Map();
  for (const [key, value] of Object.entries(table)) {
    const match = /^(GET) (\/\S*)$/.exec(key);
    if (!match) throw new Error(`routes.json: "${key}" must look like "GET /path"`);
    const entry = typeof value === 'string' ? { file: value } : value;
    const file = resolve(root, entry.file ?? '');
    if (!file.startsWith(root + sep)) {
      throw new Error(`routes.json: "${key}" points outside ${root}`);
    }
    if (!existsSync(file)) throw new Error(`routes.json: "${key}" points at a missing file ${entry.file}`);
    const contentType = entry.contentType ?? CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    routes.set(`${match[1]} ${trimSlash(match[2])}`, { path: match[2], file, contentType });
  }
  return routes;
}

function trimSlash(path) {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

const TOKEN =
  /\{\{(origin|date|datetime|rfc822|epochms)(?::([+-]?\d{1,4}))?(?:@(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?)?\}\}/g;
const QUOTED_EPOCH = /"(\{\{epochms:[^"{}]*\}\})"/g;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n) => String(n).padStart(2, '0');

/** Fills the template tokens described at the top of this file. Unknown shapes are left as written. */
export function renderTemplate(text, { origin, now }) {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return text.replace(QUOTED_EPOCH, '$1').replace(TOKEN, (whole, kind, days, hh, mm, zone) => {
    if (kind === 'origin') return days === undefined && hh === undefined ? origin : whole;
    const day = new Date(today.getTime() + Number(days ?? 0) * 86_400_000);
    const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
    if (kind === 'date') return hh === undefined ? date : whole;
    const time = `${hh ?? '00'}:${mm ?? '00'}:00`;
    const offset = zone && zone !== 'Z' ? zone : null;
    const offsetMinutes = offset
      ? (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)))
      : 0;
    const instant = day.getTime() + (Number(hh ?? 0) * 60 + Number(mm ?? 0) - offsetMinutes) * 60_000;
    switch (kind) {
      case 'datetime':
        return `${date}T${time}${offset ?? 'Z'}`;
      case 'epochms':
        return String(instant);
      case 'rfc822': {
        const zoneText = offset ? offset.replace(':', '') : '+0000';
        return `${DAYS[day.getUTCDay()]}, ${pad(day.getUTCDate())} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()} ${time} ${zoneText}`;
      }
      default:
        return whole;
    }
  });
}

function etagOf(body) {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match holds the current ETag (weak comparison, as RFC 9110 asks for this header), or "*". */
function matchesEtag(header, etag) {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/** The origin a client used, from the Host header when it is a plain host[:port]; the server's own otherwise. */
function requestOrigin(req, fallback) {
  const host = req.headers.host;
  return host && /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host)
    ? `http://${host}`
    : fallback;
}

/**
 * Starts the server. Resolves once it listens, with the origin it answers on and close(), which stops it
 * and drops open connections. port 0 picks a free port (tests).
 */
export async function startDemoFeedServer({
  port = Number(process.env.DEMO_FEEDS_PORT ?? 4010),
  host = process.env.DEMO_FEEDS_HOST ?? '127.0.0.1',
  root = DEFAULT_ROOT,
  log = null,
  now = () => new Date(),
} = {}) {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid demo feed port: ${port}`);
  const feedRoot = resolve(root);
  const routes = loadRoutes(feedRoot);
  let origin = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent)
        send(res, req, 500, 'text/plain; charset=utf-8', `demo feed server error: ${err.message}\n`);
      else res.destroy(err);
    });
  });

  async function handle(req, res) {
    const path = trimSlash(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, req, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    }
    if (path === '/robots.txt') return send(res, req, 200, 'text/plain; charset=utf-8', ROBOTS_TXT);
    if (path === '/') {
      const index = { routes: [...routes.values()].map((r) => r.path), robots: '/robots.txt' };
      return send(res, req, 200, CONTENT_TYPES['.json'], `${JSON.stringify(index, null, 2)}\n`);
    }
    const route = routes.get(`GET ${path}`);
    if (!route) {
      return send(
        res,
        req,
        404,
        CONTENT_TYPES['.json'],
        `${JSON.stringify({ status: 404, error: 'Not found' })}\n`,
      );
    }
    const template = await readFile(route.file, 'utf8');
    const body = renderTemplate(template, { origin: requestOrigin(req, origin), now: now() });
    return send(res, req, 200, route.contentType, body);
  }

  function send(res, req, status, contentType, body) {
    const etag = status === 200 ? etagOf(body) : null;
    if (etag) {
      res.setHeader('ETag', etag);
      res.setHeader('Cache-Control', 'no-cache');
    }
    if (etag && matchesEtag(req.headers['if-none-match'], etag)) {
      res.statusCode = 304;
      res.end();
    } else {
      const bytes = Buffer.from(body, 'utf8');
      res.statusCode = status;
      res.setHeader('Content-Type', contentType);
      res.setHeader('Content-Length', bytes.length);
      res.end(req.method === 'HEAD' ? undefined : bytes);
    }
    log?.(`${req.method} ${req.url} ${res.statusCode}`);
  }

  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const address = server.address();
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${address.port}`;

  return {
    origin,
    port: address.port,
    routes: [...routes.values()].map((r) => r.path),
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

const runDirectly = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (runDirectly) {
  const demo = await startDemoFeedServer({ log: (line) => console.log(line) }).catch((err) => {
    console.error(`demo feed server failed to start: ${err.message}`);
    process.exit(1);
  });
  console.log(`demo feeds on ${demo.origin}`);
  // The service fetches loopback and private addresses only when allow-listed.
  console.log(`the worker and CLI reach it with HTTP_ALLOW_HOSTS=${new URL(demo.origin).host}`);
  for (const path of demo.routes) console.log(`  ${demo.origin}${path}`);
  const stop = () => demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
