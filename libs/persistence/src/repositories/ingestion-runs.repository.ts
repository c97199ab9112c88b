import type { EntityManager } from 'typeorm';
import { IngestionRunEntity, type RunStatus, type RunTrigger } from '../entities/ingestion-run.entity';

/** What a finished run leaves on its row. */
export type RunOutcome = Pick<
  IngestionRunEntity,
  | 'status'
  | 'durationMs'
  | 'complete'
  | 'fetched'
  | 'newCount'
  | 'updated'
  | 'unchanged'
  | 'closed'
  | 'reopened'
  | 'skipped'
  | 'skippedReasons'
  | 'errorCode'
  | 'errorMessage'
>;

/** Ingestion runs: one row per run, saying what happened; never deleted. */
export class IngestionRunsRepository {
  constructor(private readonly db: EntityManager) {}

  private get repo() {
    return this.db.getRepository(IngestionRunEntity);
  }

  /** A row for a run that starts now, marked running until it finishes. */
  async start(sourceId: string, trigger: RunTrigger, startedAt: Date): Promise<string> {
    const run = await this.repo.save(this.repo.create({ sourceId, trigger, status: 'running', startedAt }));
    return run.id;
  }

  async finish(id: string, outcome: RunOutcome, finishedAt: Date): Promise<void> {
    await this.repo.update(id, { ...outcome, finishedAt });
  }

  /**
   * The counts of a run still going, after each committed batch: a run cut short (killed, lock lost)
   * still says what it wrote.
   */
  async progress(
    id: string,
    counts: Pick<
      RunOutcome,
      'fetched' | 'newCount' | 'updated' | 'unchanged' | 'closed' | 'reopened' | 'skipped'
    >,
  ): Promise<void> {
    await this.repo.update({ id, status: 'running' }, counts);
  }

  /** A run that did not start (disabled, cooling down, already running), with why. */
  async recordSkipped(
    sourceId: string,
    trigger: RunTrigger,
    at: Date,
    code: string,
    message: string,
  ): Promise<string> {
    const run = await this.repo.save({
      sourceId,
      trigger,
      status: 'skipped' as RunStatus,
      startedAt: at,
      finishedAt: at,
      durationMs: 0,
      errorCode: code,
      errorMessage: message,
    });
    return run.id;
  }

  /** Runs of a source still marked running (call holding its run lock): the process running them stopped. */
  async failInterrupted(sourceId: string): Promise<void> {
    await this.db.query(
      `UPDATE ingestion_runs SET status = 'failed', error_code = 'INTERRUPTED',
              error_message = 'the process running it stopped before it finished', finished_at = now()
        WHERE source_id = $1 AND status = 'running'`,
      [sourceId],
    );
  }

  recent(sourceId: string, limit: number): Promise<IngestionRunEntity[]> {
    return this.repo.find({ where: { sourceId }, order: { startedAt: 'DESC' }, take: limit });
  }

  /** Postings processed by outcome, per source, over every run (for metrics). */
  outcomeTotals(): Promise<
    Record<'source_id' | 'new' | 'updated' | 'unchanged' | 'skipped' | 'closed', string>[]
  > {
    return this.db.query(
      `SELECT source_id, SUM(new_count) AS new, SUM(updated) AS updated, SUM(unchanged) AS unchanged,
              SUM(skipped) AS skipped, SUM(closed) AS closed
         FROM ingestion_runs GROUP BY source_id`,
    );
  }

  /** Failed and partial runs by error code (for metrics). */
  errorCounts(): Promise<{ code: string; n: string }[]> {
    return this.db.query(
      `SELECT error_code AS code, COUNT(*) AS n FROM ingestion_runs
        WHERE status IN ('failed', 'partial') AND error_code IS NOT NULL GROUP BY error_code`,
    );
  }

  /** Durations of the latest runs that ran (for metrics). */
  recentDurations(limit: number): Promise<{ source_id: string; duration_ms: number }[]> {
    return this.db.query(
      `SELECT source_id, duration_ms FROM ingestion_runs
        WHERE duration_ms IS NOT NULL AND status <> 'skipped' ORDER BY started_at DESC LIMIT $1`,
      [limit],
    );
  }
}
