import type { DataSource } from 'typeorm';
import { ZodError } from 'zod';
import { HttpError, type HttpClient } from '#http';
import { normalizePosting, type NormalizedListing, type RawPosting } from '#normalizer';
import { IngestionRunEntity, SourceEntity, type RunTrigger } from '#persistence';
import { getAdapter, ParseError, type FetchOutcome, type Validators } from '#sources';
import { rawContentHash } from './fingerprint';
import {
  IngestionError,
  type IngestionLogger,
  type IngestionObserver,
  type IngestionSettings,
  type RunSummary,
} from './ingestion-types';
import { boundPosting, rejectReason } from './posting-guards';
import { addMinutes, cooldownMinutes } from './source-health';
import {
  refreshListingStatus,
  rebuildListings,
  SnapshotWriter,
  type SnapshotPosting,
} from './snapshot-writer';
import { updateReturning } from './update-returning';

const LOCK_NAMESPACE = 7301; // advisory-lock key space for "ingest source"
const MAX_ERROR_MESSAGE = 1000;
/** A source with at least this many active postings that suddenly returns none closes nothing. */
const EMPTY_SNAPSHOT_GUARD = 3;

interface ParsedSnapshot {
  postings: SnapshotPosting[];
  skippedReasons: Record<string, number>;
  complete: boolean;
  parseError: string | null;
}

/**
 * Runs one source end to end: fetch -> parse -> normalize -> fold/upsert -> lifecycle, leaving a run row
 * and the source's health. Framework-free so the worker, the CLI and tests share it.
 */
export class IngestionService {
  constructor(
    private readonly ds: DataSource,
    private readonly http: HttpClient,
    private readonly settings: IngestionSettings,
    private readonly logger: IngestionLogger,
    private readonly observer: IngestionObserver = {},
    private readonly normalize: (raw: RawPosting) => NormalizedListing = (raw) => normalizePosting(raw),
  ) {}

  async runSource(sourceId: string, trigger: RunTrigger): Promise<RunSummary> {
    const source = await this.ds.getRepository(SourceEntity).findOneBy({ id: sourceId });
    if (!source) throw new IngestionError('SOURCE_NOT_FOUND', `No source with id "${sourceId}"`, true);

    // A session-level advisory lock: whatever schedules a run, one source is never ingested twice at once.
    const lockRunner = this.ds.createQueryRunner();
    await lockRunner.connect();
    try {
      const [{ locked }] = await lockRunner.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [
        LOCK_NAMESPACE,
        sourceId,
      ]);
      if (!locked) {
        return await this.recordSkipped(source, trigger, 'ALREADY_RUNNING', 'another run is in progress');
      }
      try {
        // Holding the lock, any run still marked running was cut short (a killed worker): say so.
        await this.ds.query(
          `UPDATE ingestion_runs SET status = 'failed', error_code = 'INTERRUPTED',
                  error_message = 'the process running it stopped before it finished', finished_at = now()
            WHERE source_id = $1 AND status = 'running'`,
          [sourceId],
        );
        if (trigger === 'schedule' && !source.enabled) {
          return await this.recordSkipped(source, trigger, 'DISABLED', 'source is disabled');
        }
        if (trigger === 'schedule' && source.cooldownUntil && source.cooldownUntil > new Date()) {
          return await this.recordSkipped(
            source,
            trigger,
            'COOLDOWN',
            `resting after ${source.consecutiveFailures} failures until ${source.cooldownUntil.toISOString()}`,
          );
        }
        return await this.execute(source, trigger);
      } finally {
        await lockRunner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_NAMESPACE, sourceId]);
      }
    } finally {
      await lockRunner.release();
    }
  }

  private async execute(source: SourceEntity, trigger: RunTrigger): Promise<RunSummary> {
    const startedAt = new Date();
    const runs = this.ds.getRepository(IngestionRunEntity);
    const run = await runs.save(runs.create({ sourceId: source.id, trigger, status: 'running', startedAt }));
    const summary = emptySummary(run.id, source.id, trigger, 'running');

    try {
      const adapter = getAdapter(source.kind);
      const config = adapter.configSchema.parse(source.config);
      const outcome = await adapter.fetch(config, {
        http: this.http,
        validators: new Map(Object.entries(source.validators ?? {})),
      });

      if (outcome.notModified) {
        // Nothing changed since the last run: every active posting is still there.
        await this.ds.query(
          "UPDATE source_postings SET last_seen_at = $2 WHERE source_id = $1 AND status = 'active'",
          [source.id, startedAt],
        );
        summary.status = 'not_modified';
        summary.complete = true;
      } else {
        const snapshot = this.parseSnapshot(outcome, adapter.parse.bind(adapter), config);
        if (snapshot.complete && snapshot.postings.length === 0) {
          // A board that listed jobs and now lists none is more often a broken page or changed markup
          // than a hiring freeze: an empty snapshot is not trusted to close anything.
          const [{ active }] = await this.ds.query(
            "SELECT count(*)::int AS active FROM source_postings WHERE source_id = $1 AND status = 'active'",
            [source.id],
          );
          if (active >= EMPTY_SNAPSHOT_GUARD) snapshot.complete = false;
        }
        summary.fetched =
          snapshot.postings.length + Object.values(snapshot.skippedReasons).reduce((a, b) => a + b, 0);
        summary.skippedReasons = snapshot.skippedReasons;
        summary.skipped = Object.values(snapshot.skippedReasons).reduce((a, b) => a + b, 0);
        summary.complete = snapshot.complete;

        const writer = new SnapshotWriter(this.ds, this.normalize, this.settings.batchSize);
        const counts = await writer.write(source.id, snapshot.postings, startedAt, (done) =>
          this.observer.onProgress?.(source.id, done, snapshot.postings.length),
        );
        Object.assign(summary, {
          new: counts.new,
          updated: counts.updated,
          unchanged: counts.unchanged,
          closed: counts.closed,
          reopened: counts.reopened,
        });

        // Only a complete snapshot may close what it did not contain.
        if (snapshot.complete) {
          const change = await this.closeMissing(source.id, startedAt);
          summary.closed += change.closed;
        }
        summary.closed += await this.closeExpired(source.id, startedAt);
        summary.status = snapshot.complete ? 'succeeded' : 'partial';
        if (snapshot.parseError) {
          summary.errorCode = 'PARSE_ERROR';
          summary.errorMessage = snapshot.parseError;
        }
      }
      await this.saveValidators(source, outcome);
      await this.recordHealth(source, true, summary, startedAt);
    } catch (err) {
      const { code, message } = describeError(err);
      summary.status = 'failed';
      summary.errorCode = code;
      summary.errorMessage = message.slice(0, MAX_ERROR_MESSAGE);
      await this.recordHealth(source, false, summary, startedAt);
    }

    summary.durationMs = Date.now() - startedAt.getTime();
    await runs.update(run.id, {
      status: summary.status,
      finishedAt: new Date(),
      durationMs: summary.durationMs,
      complete: summary.complete,
      fetched: summary.fetched,
      newCount: summary.new,
      updated: summary.updated,
      unchanged: summary.unchanged,
      closed: summary.closed,
      reopened: summary.reopened,
      skipped: summary.skipped,
      skippedReasons: summary.skippedReasons,
      errorCode: summary.errorCode,
      errorMessage: summary.errorMessage,
    });
    const line = `ingest ${source.id} ${summary.status}`;
    if (summary.status === 'failed') this.logger.warn(line, summary);
    else this.logger.log(line, summary);
    this.observer.onRunFinished?.(summary);
    return summary;
  }

  private parseSnapshot(
    outcome: FetchOutcome,
    parse: (
      body: string,
      config: unknown,
      url?: string,
    ) => { postings: RawPosting[]; skipped: { reason: string }[] },
    config: unknown,
  ): ParsedSnapshot {
    const skippedReasons: Record<string, number> = {};
    const skip = (reason: string) => (skippedReasons[reason] = (skippedReasons[reason] ?? 0) + 1);
    const seen = new Set<string>();
    const postings: SnapshotPosting[] = [];
    // A document that came back 304 among fresh ones was not read: its postings must not count as gone.
    let complete = outcome.complete && !outcome.documents.some((d) => d.notModified);
    let parseError: string | null = null;
    const documents = outcome.documents.filter((d) => !d.notModified);

    for (const doc of documents) {
      let result;
      try {
        result = parse(doc.body, config, doc.url);
      } catch (err) {
        // One bad document of many makes the snapshot partial; when it is the only one, the run fails.
        if (!(err instanceof ParseError) || documents.length === 1) throw err;
        complete = false;
        parseError ??= `${doc.url}: ${err.message}`;
        skip('unparseable document');
        continue;
      }
      for (const s of result.skipped) skip(s.reason);
      for (const raw of result.postings) {
        const reason = rejectReason(raw);
        if (reason) {
          skip(reason);
          continue;
        }
        if (seen.has(raw.externalId)) {
          skip('duplicate external id in feed');
          continue;
        }
        seen.add(raw.externalId);
        const bounded = boundPosting(raw);
        postings.push({ raw: bounded, hash: rawContentHash(bounded) });
      }
    }
    return { postings, skippedReasons, complete, parseError };
  }

  /** Postings absent from this complete snapshot count a miss; N misses in a row close them. */
  private async closeMissing(sourceId: string, seenAt: Date): Promise<{ closed: number }> {
    return this.ds.transaction(async (em) => {
      const rows = await updateReturning<{ listing_id: string; status: string }>(
        em,
        `UPDATE source_postings SET
           missed_runs = missed_runs + 1,
           status = CASE WHEN missed_runs + 1 >= $3 THEN 'closed' ELSE status END,
           closed_reason = CASE WHEN missed_runs + 1 >= $3 THEN 'missing' ELSE closed_reason END,
           closed_at = CASE WHEN missed_runs + 1 >= $3 THEN $2 ELSE closed_at END
         WHERE source_id = $1 AND status = 'active' AND last_seen_at < $2
         RETURNING listing_id, status`,
        [sourceId, seenAt, this.settings.closeAfterMisses],
      );
      const affected = [...new Set(rows.filter((r) => r.status === 'closed').map((r) => r.listing_id))];
      if (affected.length === 0) return { closed: 0 };
      const change = await refreshListingStatus(em, affected, seenAt);
      // Listings still open through another source lose the closed posting's locations.
      const stillOpen: { id: string }[] = await em.query(
        "SELECT id FROM listings WHERE id = ANY($1::uuid[]) AND status = 'open'",
        [affected],
      );
      if (stillOpen.length > 0) {
        await rebuildListings(
          em,
          stillOpen.map((r) => r.id),
          this.normalize,
          seenAt,
        );
      }
      return { closed: change.closed };
    });
  }

  /** Listings of this source whose validThrough has passed. */
  private async closeExpired(sourceId: string, now: Date): Promise<number> {
    const rows = await updateReturning<{ id: string }>(
      this.ds,
      `UPDATE listings SET status = 'closed', closed_reason = 'expired', closed_at = $2
        WHERE status = 'open' AND valid_through <= $2
          AND id IN (SELECT listing_id FROM source_postings WHERE source_id = $1)
        RETURNING id`,
      [sourceId, now],
    );
    return rows.length;
  }

  /**
   * Adapters ask conditionally only for their first document (the feed or first list page), so only its
   * validators are kept: storing one per detail page would grow the row with every posting.
   */
  private async saveValidators(source: SourceEntity, outcome: FetchOutcome): Promise<void> {
    const first = outcome.documents[0];
    if (!first || first.notModified) return;
    const validators: Record<string, Validators> =
      first.etag || first.lastModified
        ? { [first.url]: { etag: first.etag, lastModified: first.lastModified } }
        : {};
    await this.ds.getRepository(SourceEntity).update(source.id, { validators });
  }

  private async recordHealth(
    source: SourceEntity,
    ok: boolean,
    summary: RunSummary,
    at: Date,
  ): Promise<void> {
    const repo = this.ds.getRepository(SourceEntity);
    if (ok) {
      await repo.update(source.id, {
        lastRunAt: at,
        lastSuccessAt: at,
        consecutiveFailures: 0,
        cooldownUntil: null,
        nextRunAt: addMinutes(at, source.intervalMinutes),
        ...(summary.errorCode
          ? { lastErrorCode: summary.errorCode, lastErrorMessage: summary.errorMessage }
          : {}),
      });
      return;
    }
    const failures = source.consecutiveFailures + 1;
    const cooldownUntil = addMinutes(
      at,
      cooldownMinutes(failures, this.settings.backoffBaseMinutes, this.settings.backoffMaxMinutes),
    );
    const nextByInterval = addMinutes(at, source.intervalMinutes);
    await repo.update(source.id, {
      lastRunAt: at,
      lastErrorCode: summary.errorCode,
      lastErrorMessage: summary.errorMessage,
      consecutiveFailures: failures,
      cooldownUntil,
      nextRunAt: cooldownUntil > nextByInterval ? cooldownUntil : nextByInterval,
    });
  }

  private async recordSkipped(
    source: SourceEntity,
    trigger: RunTrigger,
    code: string,
    message: string,
  ): Promise<RunSummary> {
    const now = new Date();
    const run = await this.ds.getRepository(IngestionRunEntity).save({
      sourceId: source.id,
      trigger,
      status: 'skipped',
      startedAt: now,
      finishedAt: now,
      durationMs: 0,
      errorCode: code,
      errorMessage: message,
    });
    this.logger.log(`ingest ${source.id} skipped: ${message}`, { sourceId: source.id, code });
    return { ...emptySummary(run.id, source.id, trigger, 'skipped'), errorCode: code, errorMessage: message };
  }
}

function emptySummary(
  runId: string,
  sourceId: string,
  trigger: RunTrigger,
  status: RunSummary['status'],
): RunSummary {
  return {
    runId,
    sourceId,
    trigger,
    status,
    complete: false,
    fetched: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    closed: 0,
    reopened: 0,
    skipped: 0,
    skippedReasons: {},
    durationMs: 0,
    errorCode: null,
    errorMessage: null,
  };
}

function describeError(err: unknown): { code: string; message: string } {
  if (err instanceof HttpError) return { code: err.code, message: err.message };
  if (err instanceof ParseError) return { code: err.code, message: err.message };
  if (err instanceof IngestionError) return { code: err.code, message: err.message };
  if (err instanceof ZodError) {
    return {
      code: 'CONFIG_INVALID',
      message: `source config: ${err.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    };
  }
  if (err instanceof Error && err.name === 'UnknownAdapterError')
    return { code: 'UNKNOWN_KIND', message: err.message };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

/** Whether a failed run should be retried by the queue or not (bad config, 404 board...). */
export function isPermanentFailure(summary: RunSummary): boolean {
  return ['CONFIG_INVALID', 'UNKNOWN_KIND', 'ROBOTS_DISALLOWED', 'SOURCE_NOT_FOUND'].includes(
    summary.errorCode ?? '',
  );
}
