import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus registry of one process. Ingestion figures are not counted in memory here: the API
 * reads them from the run rows at scrape time, so they are right across any number of workers.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly queueDepth = new Gauge({
    name: 'coderjobs_queue_depth',
    help: 'Jobs in a queue, by state.',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  readonly httpRequests = new Histogram({
    name: 'coderjobs_http_request_duration_seconds',
    help: 'API request durations, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor(process: 'api' | 'worker') {
    this.registry.setDefaultLabels({ process });
    collectDefaultMetrics({ register: this.registry });
  }
}
