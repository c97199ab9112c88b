import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

// The pages' styles and scripts, served by the app itself (no CDN: the pages work offline and in the
// embedded start). Each file is read once at boot, compressed once, and addressed by a hash of its
// content, so browsers may keep it for a year and a new build is fetched at once.

export interface Asset {
  /** The address pages link to: /assets/<name>.<hash><ext> */
  url: string;
  type: string;
  body: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  hash: string;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** Files beside the source (apps/api/src/web/assets), or found from the build (dist/...). */
function ownAsset(name: string): string {
  const besideSource = resolve(__dirname, '..', 'assets', name);
  if (existsSync(besideSource)) return besideSource;
  return resolve(__dirname, '..', '..', '..', '..', '..', '..', 'apps', 'api', 'src', 'web', 'assets', name);
}

/** Name served -> file on disk. htmx comes from its package, unchanged. */
const FILES: Record<string, () => string> = {
  'site.css': () => ownAsset('site.css'),
  'icon.svg': () => ownAsset('icon.svg'),
  'htmx.js': () => require.resolve('htmx.org/dist/htmx.min.js'),
};

export type AssetName = keyof typeof FILES;

let catalog: Map<string, Asset> | undefined;

function load(): Map<string, Asset> {
  const out = new Map<string, Asset>();
  for (const [name, path] of Object.entries(FILES)) {
    const body = readFileSync(path());
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const ext = extname(name);
    out.set(name, {
      url: `/assets/${name.slice(0, -ext.length)}.${hash}${ext}`,
      type: TYPES[ext] ?? 'application/octet-stream',
      body,
      gzip: gzipSync(body, { level: 9 }),
      brotli: brotliCompressSync(body),
      hash,
    });
  }
  return out;
}

export function assets(): Map<string, Asset> {
  catalog ??= load();
  return catalog;
}

/** The hashed address of an asset, for <link> and <script> elements. */
export function assetUrl(name: AssetName): string {
  return assets().get(name)!.url;
}

/** "site.3fa2c1d0e9ab.css" -> the asset and whether the hash is the current one. */
export function findAsset(file: string): { asset: Asset; current: boolean } | null {
  const m = /^([a-z0-9-]+)(?:\.([0-9a-f]{12}))?(\.[a-z]+)$/.exec(file);
  if (!m) return null;
  const asset = assets().get(`${m[1]}${m[3]}`);
  return asset ? { asset, current: m[2] === asset.hash } : null;
}
