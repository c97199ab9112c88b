import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Global, Inject, Injectable, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#config';
import { DIGESTS_QUEUE, INGESTION_QUEUE, RECRUITERS_QUEUE } from './queue-names';
import { queueBackend, queueOptions, type QueueBackendKind } from './queue-options';

/** Readiness of the queue backend, for /health/ready. */
@Injectable()
export class QueueHealth {
  /** What readiness calls the check: the queue. */
  readonly name = 'queue';
  /** Which backend holds the queues: `redis` or `postgres`. */
  readonly backend: QueueBackendKind;

  constructor(
    @InjectQueue(INGESTION_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.backend = queueBackend(config);
  }

  /** A cheap read through the backend itself (whichever it is), so a dropped connection shows. */
  async ping(): Promise<void> {
    await this.queue.getJobCounts('waiting');
  }
}

/**
 * The job queues for a Nest application: the API produces jobs on them, the worker consumes them
 * (its processors declare which queue). Closed on shutdown by @nestjs/bullmq.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => queueOptions(config),
    }),
    BullModule.registerQueue({ name: INGESTION_QUEUE }),
    BullModule.registerQueue({ name: RECRUITERS_QUEUE }),
    BullModule.registerQueue({ name: DIGESTS_QUEUE }),
  ],
  providers: [QueueHealth],
  exports: [BullModule, QueueHealth],
})
export class QueueModule {}
