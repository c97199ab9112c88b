import {
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { httpClientFromConfig, IngestionService, ingestionSettingsFromConfig } from '#ingestion';
import { preloadUsPlaces } from '#normalizer';
import { IngestionProcessor } from './ingestion.processor';
import { SchedulerReconciler } from './scheduler-reconciler';

const HTTP_CLIENT = 'HTTP_CLIENT';
type HttpClient = ReturnType<typeof httpClientFromConfig>;

/** Runs sources when their jobs come: fetch, parse, normalize, fold/upsert, lifecycle, run rows. */
@Module({
  providers: [
    {
      provide: HTTP_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => httpClientFromConfig(config),
    },
    {
      provide: IngestionService,
      inject: [APP_CONFIG, DataSource, HTTP_CLIENT],
      useFactory: (config: AppConfig, ds: DataSource, http: HttpClient) =>
        new IngestionService(ds, http, ingestionSettingsFromConfig(config), new Logger('Ingestion')),
    },
    IngestionProcessor,
    SchedulerReconciler,
  ],
})
export class IngestionModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(HTTP_CLIENT) private readonly http: HttpClient) {}

  /**
   * The normalizer's gazetteer (~0.5 s of CPU to load) is read once per process, just after start,
   * rather than inside the first run, where it would hold up that run's first batch of writes.
   */
  onApplicationBootstrap(): void {
    setImmediate(preloadUsPlaces);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.http.close();
  }
}
