import { Module } from '@nestjs/common';
import { AppConfigModule } from '#config';
import { QueueModule } from '#jobs';
import { PersistenceModule } from '#persistence';
import { SearchModule } from '#search';
import { AdminSourcesModule } from './admin-sources/admin-sources.module';
import { CandidatesModule } from './candidates/candidates.module';
import { DigestsModule } from './digests/digests.module';
import { HealthModule } from './health/health.module';
import { ListingsModule } from './listings/listings.module';
import { MatchesModule } from './matches/matches.module';
import { MetricsModule } from './metrics/metrics.module';
import { PostingsPreviewModule } from './postings-preview/postings-preview.module';
import { RecruitersModule } from './recruiters/recruiters.module';
import { WebModule } from './web/web.module';

/**
 * The API: HTTP only. It reads and writes Postgres and produces jobs; the worker consumes them.
 * Platform modules first (configuration, database, queues, search), then one module per feature;
 * the pages last, as they call the features.
 */
@Module({
  imports: [
    AppConfigModule,
    PersistenceModule,
    QueueModule,
    SearchModule,
    HealthModule,
    MetricsModule,
    ListingsModule,
    AdminSourcesModule,
    PostingsPreviewModule,
    CandidatesModule,
    MatchesModule,
    RecruitersModule,
    DigestsModule,
    WebModule,
  ],
})
export class ApiModule {}
