import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { repositoriesOf } from '#persistence';
import {
  JOB_CLOSE_EXPIRED,
  JOB_INGEST_SOURCE,
  JOB_RECRUITERS_TICK,
  MAINTENANCE_SCHEDULER_ID,
  RECRUITERS_TICK_SCHEDULER_ID,
  sourceSchedulerId,
  type IngestSourcePayload,
} from './queue-names';

const MAINTENANCE_EVERY_MS = 60 * 60 * 1000;

/**
 * Makes the queue's job schedulers match the enabled sources: one per source at its interval, none for
 * disabled or deleted ones. Idempotent by scheduler id, so every worker may call it at boot, and the
 * API and CLI call it after sources change; each tick still enqueues exactly one job.
 */
export async function syncSourceSchedulers(
  queue: Queue,
  ds: DataSource,
): Promise<{ registered: number; removed: number }> {
  const sources = await repositoriesOf(ds).sources.list();
  const wanted = new Set<string>();
  for (const s of sources.filter((x) => x.enabled)) {
    const id = sourceSchedulerId(s.id);
    wanted.add(id);
    const data: IngestSourcePayload = { sourceId: s.id, trigger: 'schedule' };
    await queue.upsertJobScheduler(
      id,
      { every: s.intervalMinutes * 60_000 },
      { name: JOB_INGEST_SOURCE, data, opts: { removeOnComplete: 1000, removeOnFail: 1000, attempts: 1 } },
    );
  }
  await queue.upsertJobScheduler(
    MAINTENANCE_SCHEDULER_ID,
    { every: MAINTENANCE_EVERY_MS },
    { name: JOB_CLOSE_EXPIRED, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
  );
  wanted.add(MAINTENANCE_SCHEDULER_ID);

  let removed = 0;
  for (const scheduler of await queue.getJobSchedulers(0, -1)) {
    const id = scheduler.key;
    if (!wanted.has(id)) {
      await queue.removeJobScheduler(id);
      removed++;
    }
  }
  return { registered: wanted.size, removed };
}

/** A manual run (admin API): a unique job id, so two clicks are two runs, each leaving a row. */
export async function enqueueManualRun(queue: Queue, sourceId: string): Promise<string> {
  const data: IngestSourcePayload = { sourceId, trigger: 'api' };
  const job = await queue.add(JOB_INGEST_SOURCE, data, {
    jobId: `manual:${sourceId}:${Date.now()}`,
    removeOnComplete: 1000,
    removeOnFail: 1000,
    attempts: 1,
  });
  return job.id!;
}

const RECRUITERS_TICK_EVERY_MS = 5 * 60 * 1000;

/** The recruiters' tick (expiry and renewal reminders), every five minutes; idempotent by its id. */
export async function syncRecruitersScheduler(queue: Queue): Promise<void> {
  await queue.upsertJobScheduler(
    RECRUITERS_TICK_SCHEDULER_ID,
    { every: RECRUITERS_TICK_EVERY_MS },
    { name: JOB_RECRUITERS_TICK, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
  );
}
