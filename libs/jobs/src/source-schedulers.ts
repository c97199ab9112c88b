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
  DIGEST_HOUSEKEEPING_SCHEDULER_ID,
  DIGEST_TICK_SCHEDULER_ID,
  JOB_DIGEST_HOUSEKEEPING,
  JOB_DIGEST_TICK,
} from './queue-names';

const MAINTENANCE_EVERY_MS = 60 * 60 * 1000;

interface WantedScheduler {
  id: string;
  every: number;
  template: { name: string; data: object; opts: Record<string, unknown> };
}

/** The schedulers the sources call for: one per enabled source at its interval, and the expiry sweep. */
async function wantedSchedulers(ds: DataSource): Promise<WantedScheduler[]> {
  const sources = await repositoriesOf(ds).sources.list();
  const wanted: WantedScheduler[] = sources
    .filter((s) => s.enabled)
    .map((s) => {
      const data: IngestSourcePayload = { sourceId: s.id, trigger: 'schedule' };
      return {
        id: sourceSchedulerId(s.id),
        every: s.intervalMinutes * 60_000,
        template: {
          name: JOB_INGEST_SOURCE,
          data,
          opts: { removeOnComplete: 1000, removeOnFail: 1000, attempts: 1 },
        },
      };
    });
  wanted.push({
    id: MAINTENANCE_SCHEDULER_ID,
    every: MAINTENANCE_EVERY_MS,
    template: { name: JOB_CLOSE_EXPIRED, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
  });
  return wanted;
}

/** Removes the schedulers no source calls for; returns how many. */
async function removeUnwanted(queue: Queue, wanted: WantedScheduler[]): Promise<number> {
  const ids = new Set(wanted.map((w) => w.id));
  let removed = 0;
  for (const scheduler of await queue.getJobSchedulers(0, -1)) {
    if (!ids.has(scheduler.key)) {
      await queue.removeJobScheduler(scheduler.key);
      removed++;
    }
  }
  return removed;
}

/**
 * Makes the queue's job schedulers match the enabled sources: one per source at its interval, none for
 * disabled or deleted ones. Idempotent by scheduler id, so every worker may call it at boot, and the
 * API and CLI call it after sources change; each tick still enqueues exactly one job.
 */
export async function syncSourceSchedulers(
  queue: Queue,
  ds: DataSource,
): Promise<{ registered: number; removed: number }> {
  const wanted = await wantedSchedulers(ds);
  for (const w of wanted) await queue.upsertJobScheduler(w.id, { every: w.every }, w.template);
  return { registered: wanted.length, removed: await removeUnwanted(queue, wanted) };
}

/**
 * Puts back the schedulers that are missing or out of step (a queue backend that lost its data, such
 * as a Redis restarted empty, has none), leaving those in place untouched so their next tick keeps
 * its time, and removes the ones no source calls for. What each worker runs periodically and when
 * its queue connection comes back.
 */
export async function reconcileSourceSchedulers(
  queue: Queue,
  ds: DataSource,
): Promise<{ restored: number; removed: number }> {
  const wanted = await wantedSchedulers(ds);
  const present = new Map((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
  let restored = 0;
  for (const w of wanted) {
    if (present.get(w.id)?.every === w.every) continue;
    await queue.upsertJobScheduler(w.id, { every: w.every }, w.template);
    restored++;
  }
  return { restored, removed: await removeUnwanted(queue, wanted) };
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

/** Due times are whole (or, in a few zones, half and quarter) hours: a digest tick every 15 minutes. */
const DIGEST_TICK_EVERY_MS = 15 * 60 * 1000;
const DIGEST_HOUSEKEEPING_EVERY_MS = 60 * 60 * 1000;

/** The digests' tick and housekeeping schedulers; idempotent by their ids, so every worker may call it. */
export async function syncDigestSchedulers(queue: Queue): Promise<void> {
  await queue.upsertJobScheduler(
    DIGEST_TICK_SCHEDULER_ID,
    { every: DIGEST_TICK_EVERY_MS },
    { name: JOB_DIGEST_TICK, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
  );
  await queue.upsertJobScheduler(
    DIGEST_HOUSEKEEPING_SCHEDULER_ID,
    { every: DIGEST_HOUSEKEEPING_EVERY_MS },
    { name: JOB_DIGEST_HOUSEKEEPING, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
  );
}
