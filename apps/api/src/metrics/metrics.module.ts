import { Module } from '@nestjs/common';
import { Metrics } from '#observability';
import { IngestionRunsRepository } from '#persistence';
import { registerIngestionMetrics } from './ingestion-metrics.collector';
import { MetricsController } from './metrics.controller';

/** GET /metrics (Prometheus): HTTP timings, queue depth, and ingestion figures read from the run rows. */
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: Metrics,
      inject: [IngestionRunsRepository],
      useFactory: (runs: IngestionRunsRepository) => {
        const metrics = new Metrics('api');
        registerIngestionMetrics(metrics.registry, runs);
        return metrics;
      },
    },
  ],
  exports: [Metrics],
})
export class MetricsModule {}
