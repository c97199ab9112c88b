import { Redis } from 'ioredis';
import { Client } from 'pg';
import type { AppConfig } from '#config';
import { DatabaseUnavailableError, describeDatabase, resolveDatabase } from '#persistence';

/** A configured service cannot be reached: one line saying what, where and what to do. */
export class BackendUnavailableError extends Error {
  override name = 'BackendUnavailableError';
}

const reason = (err: unknown) => {
  const e = err as NodeJS.ErrnoException & { errors?: Error[] };
  // Node reports a refused dual-stack connect as an AggregateError with an empty message.
  if (e.code && /^E[A-Z]+$/.test(e.code)) return e.code;
  return e.errors?.[0]?.message ?? (e.message || String(err));
};

function redisAddress(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}:${u.port || 6379}`;
}

/** Connects once to the database, with a deadline, and asks it for `SELECT 1`. */
async function checkDatabase(config: AppConfig, timeoutMs: number): Promise<void> {
  const location = resolveDatabase(config);
  const client = new Client({ connectionString: location.url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    const fix =
      location.kind === 'server'
        ? 'start it, or unset DATABASE_URL to use the embedded PostgreSQL'
        : 'restart `npm start`';
    throw new BackendUnavailableError(
      `cannot reach PostgreSQL at ${describeDatabase(location)}${location.kind === 'server' ? ' (DATABASE_URL)' : ''}: ${reason(err)}; ${fix}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Connects once to Redis, with a deadline and no retries, and pings it. */
async function checkRedis(url: string, timeoutMs: number): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // The connection's own error (ECONNREFUSED) says more than the rejection ("Connection is closed").
  let connectionError: unknown;
  redis.on('error', (err) => (connectionError ??= err));
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new BackendUnavailableError(
      `cannot reach Redis at ${redisAddress(url)} (REDIS_URL): ${reason(connectionError ?? err)}; start it, or unset REDIS_URL ` +
        'to keep the job queues in PostgreSQL',
    );
  } finally {
    redis.disconnect();
  }
}

/**
 * Checks, before an app boots, that its database and queue backend answer, so a missing service is
 * one clear line and a quick exit instead of a reconnect loop. Each check has its own deadline.
 */
export async function checkBackends(config: AppConfig, timeoutMs = 5000): Promise<void> {
  try {
    await checkDatabase(config, timeoutMs);
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) throw new BackendUnavailableError(err.message);
    throw err;
  }
  if (config.REDIS_URL) await checkRedis(config.REDIS_URL, timeoutMs);
}
