import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Metrics } from '#observability';
import { registerIngestionMetrics } from './ingestion-metrics.collector';
import { MetricsController } from './metrics.controller';

/** GET /metrics (Prometheus): HTTP timings, queue depth, and ingestion figures read from the run rows. */
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: Metrics,
      inject: [DataSource],
      useFactory: (ds: DataSource) => {
        const metrics = new Metrics('api');
        registerIngestionMetrics(metrics.registry, ds);
        return metrics;
      },
    },
  ],
  exports: [Metrics],
})
export class MetricsModule {}
