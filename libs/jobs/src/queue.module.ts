import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Global, Injectable, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#config';
import { INGESTION_QUEUE } from './queue-names';
import { queueOptions } from './queue-options';

/** Readiness of the queue backend, for /health/ready. */
@Injectable()
export class QueueHealth {
  /** What readiness calls the backend. */
  readonly name = 'redis';

  constructor(@InjectQueue(INGESTION_QUEUE) private readonly queue: Queue) {}

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
  ],
  providers: [QueueHealth],
  exports: [BullModule, QueueHealth],
})
export class QueueModule {}
