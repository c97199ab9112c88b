import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp, createHttpAdapter } from '../../apps/api/src/configure-app';
import { SearchIndexService } from '#search';

export interface TestApp {
  app: NestFastifyApplication;
  /** The HTTP server, for supertest: request(server).get(...). */
  server: Server;
  close(): Promise<void>;
}

/**
 * The real ApiModule, configured exactly as main.ts configures it (configureApp), on the given
 * database and a queue prefix of its own, so parallel test files share Postgres and Redis safely.
 * `env` adds or overrides settings for this app (e.g. MATCH_EMPLOYER_CAP).
 */
export async function createTestApp(databaseUrl: string, env: Record<string, string> = {}): Promise<TestApp> {
  const settings: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '4',
    QUEUE_PREFIX: `test-${process.pid}-${randomBytes(4).toString('hex')}`,
    // Queues in the test database unless a suite asks for Redis (tests/support/queue-backends.ts).
    REDIS_URL: '',
    LOG_LEVEL: 'error',
    NODE_ENV: 'test',
    ...env,
  };
  // Config is read from the environment when the module boots; restore it once the app is up so
  // other apps in the same file start from a clean slate.
  const previous = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
  Object.assign(process.env, settings);
  let app: NestFastifyApplication;
  try {
    // abortOnError off: a module that fails to boot throws here instead of exiting the test process.
    app = await NestFactory.create<NestFastifyApplication>(ApiModule, createHttpAdapter(), {
      logger: false,
      abortOnError: false,
    });
    configureApp(app);
    await app.init();
    // Fastify registers routes when ready; supertest then talks to its server directly.
    await app.getHttpAdapter().getInstance().ready();
    // Searches answer from the in-memory index once it has loaded: tests start from there.
    await app.get(SearchIndexService).settled();
  } finally {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return {
    app,
    server: app.getHttpServer() as Server,
    close: () => app.close(),
  };
}
