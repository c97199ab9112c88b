// Creates a throwaway database, so migration generation and the drift check compare entities against
// exactly the committed migrations, never against a developer's data. On DATABASE_URL's server when
// set; else on the machine's PostgreSQL at 127.0.0.1:5432 when it answers; else on an embedded
// PostgreSQL started for the occasion in a temporary folder (a machine with Node alone). Expects a
// fresh build in dist/.
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

const localServerAnswers = () =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port: 5432 });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

async function withServer(fn) {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  if (await localServerAnswers()) return fn(LOCAL_SERVER);
  const { startEmbeddedServer } = (await import(join(root, 'dist/libs/persistence/src/index.js'))).default;
  const dataDir = mkdtempSync('/tmp/cj-scratch-pg-');
  const server = await startEmbeddedServer({ dataDir, durable: false });
  try {
    return await fn(server.urlFor('postgres'));
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function withScratchDatabase(fn) {
  return withServer(async (baseUrl) => {
    const name = `coderjobs_scratch_${process.pid}_${Date.now()}`;
    const admin = new URL(baseUrl);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    try {
      return await fn(url.toString());
    } finally {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    }
  });
}
