import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Queue, UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { closeExpiredListings, isPermanentFailure, IngestionService } from '#ingestion';
import {
  INGESTION_QUEUE,
  JOB_CLOSE_EXPIRED,
  JOB_INGEST_SOURCE,
  syncSourceSchedulers,
  type IngestSourcePayload,
} from '#jobs';

/**
 * Consumes the ingestion queue. Ticks only enqueue; this is where a source is actually run. Registers
 * the job schedulers at boot (idempotent), so any number of replicas can start together.
 */
@Processor(INGESTION_QUEUE, { concurrency: 2 })
export class IngestionProcessor
  extends WorkerHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(IngestionProcessor.name);
  /** The runs in progress: each can be told to stop, and says when it has. */
  private readonly active = new Set<{ controller: AbortController; done: Promise<unknown> }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(IngestionService) private readonly ingestion: IngestionService,
    @InjectQueue(INGESTION_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const { registered, removed } = await syncSourceSchedulers(this.queue, this.ds);
    this.logger.log(`job schedulers in sync: ${registered} registered, ${removed} removed`);
  }

  /**
   * Before the queue's worker closes (which waits for active jobs however long they take): take no
   * new job, give active runs WORKER_SHUTDOWN_GRACE_MS, then tell them to stop; each ends at its next
   * write, recorded as INTERRUPTED with what it wrote, and the worker closes.
   */
  async beforeApplicationShutdown(): Promise<void> {
    // Not fetching more work; a backend that cannot pause is closed by the queue module next anyway.
    await Promise.resolve()
      .then(() => this.worker.pause(true))
      .catch(() => undefined);
    if (this.active.size === 0) return;
    const runs = [...this.active];
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), this.config.WORKER_SHUTDOWN_GRACE_MS);
    });
    const finished = Promise.allSettled(runs.map((r) => r.done)).then(() => false);
    const late = await Promise.race([finished, graceOver]);
    clearTimeout(timer);
    if (!late) return;
    this.logger.warn(`shutting down: stopping ${runs.length} run(s) still going after the grace period`);
    for (const run of runs) run.controller.abort();
    await Promise.allSettled(runs.map((r) => r.done));
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn(`job ${job?.id} failed: ${err.message}`);
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === JOB_CLOSE_EXPIRED) {
      const closed = await closeExpiredListings(this.ds);
      this.logger.log(`closed ${closed} expired listings`);
      return { closed };
    }
    if (job.name !== JOB_INGEST_SOURCE) throw new UnrecoverableError(`unknown job ${job.name}`);
    const { sourceId, trigger } = job.data as IngestSourcePayload;
    const controller = new AbortController();
    const done = this.ingestion.runSource(sourceId, trigger, controller.signal);
    const run = { controller, done };
    this.active.add(run);
    const summary = await done
      .catch((err: Error & { permanent?: boolean }) => {
        if (err.permanent) throw new UnrecoverableError(err.message);
        throw err;
      })
      .finally(() => this.active.delete(run));
    // The HTTP client already retried the requests, and failing sources cool down; a permanent
    // failure is marked so the queue never retries it.
    if (summary.status === 'failed' && isPermanentFailure(summary)) {
      throw new UnrecoverableError(`${sourceId}: ${summary.errorCode} ${summary.errorMessage}`);
    }
    return summary;
  }
}
