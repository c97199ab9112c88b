import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { loadConfig } from '#config';
import { INGESTION_QUEUE, queueOptions, type QueueBackendKind } from '#jobs';

/**
 * Redis for the queue suites: TEST_REDIS_URL, set by the global setup when 127.0.0.1:6379 answers
 * (tests/support/global-setup.mjs); empty when there is none, as on a machine with only Node.
 */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || undefined;

/** The backends queue suites run on: PostgreSQL always, Redis too when one is reachable. */
export const QUEUE_BACKENDS: QueueBackendKind[] = TEST_REDIS_URL ? ['postgres', 'redis'] : ['postgres'];

/** The settings that select a backend (an empty REDIS_URL means none, even if the shell has one). */
export function queueEnv(backend: QueueBackendKind): { REDIS_URL: string } {
  return { REDIS_URL: backend === 'redis' ? TEST_REDIS_URL! : '' };
}

/** A Queue (the ingestion queue unless named) as the apps see it with these settings, to inspect from a test. */
export function ingestionQueue(
  backend: QueueBackendKind,
  databaseUrl: string,
  prefix: string,
  name = INGESTION_QUEUE,
): Queue {
  const config = loadConfig({ DATABASE_URL: databaseUrl, QUEUE_PREFIX: prefix, ...queueEnv(backend) });
  return new Queue(name, queueOptions(config));
}

/**
 * Deletes a suite's queue keys (its QUEUE_PREFIX) from Redis. Without Redis (an empty URL) the queues
 * were in the test database, which the suite drops.
 */
export async function dropQueueKeys(redisUrl: string | undefined, prefix: string): Promise<void> {
  if (!redisUrl) return;
  const redis = new Redis(redisUrl);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
