import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#config';
import { closeExpiredListings, isPermanentFailure, type IngestionService } from '#ingestion';
import {
  INGESTION_QUEUE,
  JOB_CLOSE_EXPIRED,
  JOB_INGEST_SOURCE,
  redisConnection,
  syncSourceSchedulers,
  type IngestSourcePayload,
} from '#jobs';

/**
 * Consumes the ingestion queue. Ticks only enqueue; this is where a source is actually run. Registers
 * the job schedulers at boot (idempotent), so any number of replicas can start together.
 */
export class IngestionProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IngestionProcessor.name);
  private worker?: Worker;
  private queue?: Queue;

  constructor(
    private readonly config: AppConfig,
    private readonly ds: DataSource,
    private readonly ingestion: IngestionService,
    private readonly http: { close(): Promise<void> },
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const connection = redisConnection(this.config.REDIS_URL);
    this.queue = new Queue(INGESTION_QUEUE, { connection, prefix: this.config.QUEUE_PREFIX });
    const { registered, removed } = await syncSourceSchedulers(this.queue, this.ds);
    this.logger.log(`job schedulers in sync: ${registered} registered, ${removed} removed`);
    this.worker = new Worker(INGESTION_QUEUE, (job) => this.process(job), {
      connection,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: 2,
    });
    this.worker.on('failed', (job, err) => this.logger.warn(`job ${job?.id} failed: ${err.message}`));
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === JOB_CLOSE_EXPIRED) {
      const closed = await closeExpiredListings(this.ds);
      this.logger.log(`closed ${closed} expired listings`);
      return { closed };
    }
    if (job.name !== JOB_INGEST_SOURCE) throw new UnrecoverableError(`unknown job ${job.name}`);
    const { sourceId, trigger } = job.data as IngestSourcePayload;
    const summary = await this.ingestion
      .runSource(sourceId, trigger)
      .catch((err: Error & { permanent?: boolean }) => {
        if (err.permanent) throw new UnrecoverableError(err.message);
        throw err;
      });
    // The HTTP client already retried the requests, and failing sources cool down; a permanent
    // failure is marked so the queue never retries it.
    if (summary.status === 'failed' && isPermanentFailure(summary)) {
      throw new UnrecoverableError(`${sourceId}: ${summary.errorCode} ${summary.errorMessage}`);
    }
    return summary;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
    await this.http.close();
    await this.ds.destroy();
  }
}
