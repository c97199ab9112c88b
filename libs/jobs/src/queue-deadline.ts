import type { Queue } from 'bullmq';

/** Codes the jobs lib fails with, mapped to HTTP statuses at the API's edge. */
export type JobsErrorCode = 'QUEUE_UNAVAILABLE';

/** The queue backend did not take the operation in time: nothing was queued. */
export class QueueUnavailableError extends Error {
  override name = 'QueueUnavailableError';
  readonly code: JobsErrorCode = 'QUEUE_UNAVAILABLE';
}

/** How long a request waits on the queue backend before it answers 503 (QUEUE_TIMEOUT_MS). */
export const DEFAULT_QUEUE_TIMEOUT_MS = 5000;

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new QueueUnavailableError(`the job queue did not answer within ${ms} ms (${what})`)),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Runs a queue operation with a deadline, so a request never hangs on a queue backend that is down
 * (a Redis client otherwise holds commands until it reconnects, for as long as that takes). A Redis
 * connection that is not up fails at once, before anything is sent, so no command waits in the
 * client to be sent later, after the caller was told it failed.
 */
export async function withQueueDeadline<T>(
  queue: Queue,
  what: string,
  operation: () => Promise<T>,
  ms = DEFAULT_QUEUE_TIMEOUT_MS,
): Promise<T> {
  const backend = queue.getBackend() as unknown as { client?: Promise<{ status?: string }> };
  if ('client' in backend) {
    const client = await within(backend.client!, ms, what);
    if (client.status !== 'ready') {
      throw new QueueUnavailableError(`the job queue is not connected to Redis (${what})`);
    }
  }
  return within(operation(), ms, what);
}
