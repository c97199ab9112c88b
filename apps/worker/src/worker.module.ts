import { Logger, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '#config';
import { httpClientFromConfig, IngestionService, ingestionSettingsFromConfig } from '#ingestion';
import { createDataSourceOptions } from '#persistence';
import { IngestionProcessor } from './ingestion.processor';

// No HTTP server here: an application context that consumes jobs. The worker never migrates.
@Module({
  providers: [
    { provide: 'APP_CONFIG', useFactory: () => loadConfig() },
    {
      provide: DataSource,
      inject: ['APP_CONFIG'],
      useFactory: async (config: AppConfig) =>
        new DataSource(createDataSourceOptions(config.DATABASE_URL, config.DATABASE_POOL_SIZE)).initialize(),
    },
    {
      provide: 'HTTP_CLIENT',
      inject: ['APP_CONFIG'],
      useFactory: (config: AppConfig) => httpClientFromConfig(config),
    },
    {
      provide: IngestionService,
      inject: ['APP_CONFIG', DataSource, 'HTTP_CLIENT'],
      useFactory: (config: AppConfig, ds: DataSource, http: ReturnType<typeof httpClientFromConfig>) =>
        new IngestionService(ds, http, ingestionSettingsFromConfig(config), new Logger('Ingestion')),
    },
    {
      provide: IngestionProcessor,
      inject: ['APP_CONFIG', DataSource, IngestionService, 'HTTP_CLIENT'],
      useFactory: (
        config: AppConfig,
        ds: DataSource,
        ingestion: IngestionService,
        http: ReturnType<typeof httpClientFromConfig>,
      ) => new IngestionProcessor(config, ds, ingestion, http),
    },
  ],
})
export class WorkerModule {}
