import { Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '#config';
import { INGESTION_QUEUE, redisConnection } from '#jobs';
import { Metrics } from '#observability';
import { createDataSourceOptions } from '#persistence';
import { AdminSourcesController } from './admin/admin-sources.controller';
import { AdminSourcesService } from './admin/admin-sources.service';
import { AdminTokenGuard } from './admin/admin-token.guard';
import { APP_CONFIG, INGESTION_QUEUE_TOKEN, METRICS, REDIS_CLIENT } from './common/tokens';
import { HealthController } from './health/health.controller';
import { ListingsController } from './listings/listings.controller';
import { ListingsService } from './listings/listings.service';
import { CandidatesController } from './candidates/candidates.controller';
import { CandidatesService } from './candidates/candidates.service';
import { equivalenceRulesProvider } from './matches/match-rules.provider';
import { MatchesController } from './matches/matches.controller';
import { MatchesService } from './matches/matches.service';
import { registerIngestionMetrics } from './metrics/ingestion-metrics.collector';
import { MetricsController } from './metrics/metrics.controller';
import { PostingsPreviewController } from './postings/postings-preview.controller';
import { SearchIndexService } from './search-index/search-index.service';

@Module({
  controllers: [
    HealthController,
    MetricsController,
    ListingsController,
    AdminSourcesController,
    PostingsPreviewController,
    CandidatesController,
    MatchesController,
  ],
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadConfig() },
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new DataSource(createDataSourceOptions(config.DATABASE_URL, config.DATABASE_POOL_SIZE)).initialize(),
    },
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: false }),
    },
    {
      // The API only produces jobs: the worker consumes them.
      provide: INGESTION_QUEUE_TOKEN,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Queue(INGESTION_QUEUE, {
          connection: redisConnection(config.REDIS_URL),
          prefix: config.QUEUE_PREFIX,
        }),
    },
    {
      provide: METRICS,
      inject: [DataSource],
      useFactory: (ds: DataSource) => {
        const metrics = new Metrics('api');
        registerIngestionMetrics(metrics.registry, ds);
        return metrics;
      },
    },
    AdminTokenGuard,
    AdminSourcesService,
    SearchIndexService,
    ListingsService,
    CandidatesService,
    MatchesService,
    equivalenceRulesProvider,
  ],
})
export class ApiModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(INGESTION_QUEUE_TOKEN) private readonly queue: Queue,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    this.redis.disconnect();
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
