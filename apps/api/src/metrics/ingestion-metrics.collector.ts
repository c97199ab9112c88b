import { Counter, Histogram, type Registry } from 'prom-client';
import type { IngestionRunsRepository } from '#persistence';

const DURATION_BUCKETS = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900];

/**
 * Ingestion metrics read from the run rows at scrape time: right across any number of worker
 * replicas and restarts (rows are never deleted, so the counters only grow).
 */
export function registerIngestionMetrics(registry: Registry, runs: IngestionRunsRepository): void {
  new Counter({
    name: 'coderjobs_postings_ingested_total',
    help: 'Source postings processed by ingestion, by source and outcome.',
    labelNames: ['source', 'outcome'] as const,
    registers: [registry],
    async collect() {
      const rows = await runs.outcomeTotals();
      this.reset();
      for (const r of rows) {
        for (const outcome of ['new', 'updated', 'unchanged', 'skipped', 'closed'] as const) {
          this.inc({ source: r.source_id, outcome }, Number(r[outcome] ?? 0));
        }
      }
    },
  });

  new Counter({
    name: 'coderjobs_fetch_errors_total',
    help: 'Failed ingestion runs, by error code (HTTP_STATUS, TIMEOUT, PARSE_ERROR...).',
    labelNames: ['code'] as const,
    registers: [registry],
    async collect() {
      const rows = await runs.errorCounts();
      this.reset();
      for (const r of rows) this.inc({ code: r.code }, Number(r.n));
    },
  });

  new Histogram({
    name: 'coderjobs_ingest_run_duration_seconds',
    help: 'Ingestion run durations, by source (the last 10,000 runs).',
    labelNames: ['source'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
    async collect() {
      const rows = await runs.recentDurations(10_000);
      this.reset();
      for (const r of rows) this.observe({ source: r.source_id }, r.duration_ms / 1000);
    },
  });
}
