import type { QueueOptions } from 'bullmq';
import type { AppConfig } from '#config';
import { redisConnection } from './redis-connection';

/**
 * Where queues live, from the configuration: the one place that decides the queue backend, used by
 * the queue module of both apps and by the CLI.
 */
export function queueOptions(config: AppConfig): QueueOptions {
  return { connection: redisConnection(config.REDIS_URL), prefix: config.QUEUE_PREFIX };
}
