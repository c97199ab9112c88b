import { createPostgresBackend, setDefaultBackendFactory, type QueueOptions } from 'bullmq';
import type { AppConfig } from '#config';
import { resolveDatabase } from '#persistence';
import { redisConnection } from './redis-connection';

/** Where the job queues live: Redis when REDIS_URL is set, else PostgreSQL (the service's database). */
export type QueueBackendKind = 'redis' | 'postgres';

export function queueBackend(config: AppConfig): QueueBackendKind {
  return config.REDIS_URL ? 'redis' : 'postgres';
}

/** The PostgreSQL schema holding a prefix's queues: Redis keys carry the prefix, tables a schema. */
export function queueSchema(prefix: string): string {
  return `bullmq_${prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
}

/**
 * Where queues live, from the configuration: the one place that decides the queue backend, used by
 * the queue module of both apps and by the CLI. Processors, schedulers and producers only see BullMQ's
 * Queue and Worker, on either backend.
 *
 * BullMQ takes the backend from a process-wide default when a Queue or Worker is built (@nestjs/bullmq
 * builds them with no factory argument), so it is set here, right before they are: every process
 * has one configuration, hence one backend.
 */
export function queueOptions(config: AppConfig): QueueOptions {
  if (config.REDIS_URL) {
    setDefaultBackendFactory();
    return { connection: redisConnection(config.REDIS_URL), prefix: config.QUEUE_PREFIX };
  }
  setDefaultBackendFactory(createPostgresBackend);
  const connection = {
    connectionString: resolveDatabase(config).url,
    schema: queueSchema(config.QUEUE_PREFIX),
    // Creates or upgrades the queue tables (idempotent, under an advisory lock) on first connect.
    migrate: true,
    max: 4,
    application_name: 'coderjobs-queue',
  };
  // QueueOptions is typed for Redis connections; the backend set above reads this pool config.
  return { connection: connection as unknown as QueueOptions['connection'], prefix: config.QUEUE_PREFIX };
}
