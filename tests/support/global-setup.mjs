// Before every suite: the servers the integration suites use. The machine's PostgreSQL
// (127.0.0.1:5432) and Redis (127.0.0.1:6379) when they answer, as on the development machines and
// in CI; otherwise an embedded PostgreSQL of the run's own in a temporary folder, and the queue
// suites on the PostgreSQL backend alone. TEST_DATABASE_URL and TEST_REDIS_URL, when set, are used
// as they are. TEST_REQUIRE_REDIS=1 (CI) fails the run when no Redis answers, so Redis suites are
// never skipped there. Test processes inherit the variables set here.
import { mkdtempSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

function answers(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export default async function globalSetup() {
  if (!process.env.TEST_DATABASE_URL) {
    if (await answers(5432)) {
      process.env.TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
    } else {
      let persistence;
      try {
        persistence = (await import(join(root, 'dist/libs/persistence/src/index.js'))).default;
      } catch {
        throw new Error(
          'no PostgreSQL on 127.0.0.1:5432 and no build to start an embedded one: run `npm run build`',
        );
      }
      // A short path: the server's socket lives in its data folder.
      const dataDir = mkdtempSync('/tmp/cj-test-pg-');
      const server = await persistence.startEmbeddedServer({ dataDir, durable: false });
      globalThis.__EMBEDDED_TEST_SERVER__ = server;
      process.env.TEST_DATABASE_URL = server.urlFor('postgres');
      process.stderr.write(
        `\nno PostgreSQL on 127.0.0.1:5432: the suites use an embedded one in ${dataDir}\n`,
      );
    }
  }
  if (process.env.TEST_REDIS_URL === undefined) {
    process.env.TEST_REDIS_URL = (await answers(6379)) ? 'redis://127.0.0.1:6379' : '';
    if (!process.env.TEST_REDIS_URL) {
      process.stderr.write('no Redis on 127.0.0.1:6379: queue suites run on the PostgreSQL backend only\n');
    }
  }
  if (process.env.TEST_REQUIRE_REDIS === '1' && !process.env.TEST_REDIS_URL) {
    throw new Error(
      'TEST_REQUIRE_REDIS=1 but no Redis answers on 127.0.0.1:6379: the Redis suites would be skipped',
    );
  }
}
