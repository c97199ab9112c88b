import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Queue, UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
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
export class IngestionProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(IngestionProcessor.name);

  constructor(
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
}
