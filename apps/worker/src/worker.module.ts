import { Module } from '@nestjs/common';
import { AppConfigModule } from '#config';
import { QueueModule } from '#jobs';
import { MailModule } from '#mail';
import { PersistenceModule } from '#persistence';
import { DigestsModule } from './digests/digests.module';
import { IngestionModule } from './ingestion/ingestion.module';
import { MailboxModule } from './mailbox/mailbox.module';
import { RecruitersWorkerModule } from './recruiters/recruiters.module';

/**
 * The worker: no HTTP server, an application context that consumes jobs. It never migrates.
 * Platform modules first (configuration, database, queues, mail), then one module per kind of job.
 */
@Module({
  imports: [
    AppConfigModule,
    PersistenceModule,
    QueueModule,
    MailModule,
    IngestionModule,
    RecruitersWorkerModule,
    DigestsModule,
    MailboxModule,
  ],
})
export class WorkerModule {}
