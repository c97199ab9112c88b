import type { DataSource } from 'typeorm';
import type { HttpClient } from '#http';
import { normalizePosting, type NormalizedListing } from '#normalizer';
import type { RawPosting } from '#sources';
import {
  inTransaction,
  repositoriesOf,
  type Repositories,
  type RunLease,
  type RunTrigger,
  type SourceEntity,
} from '#persistence';
import { getAdapter, ParseError, type FetchOutcome, type Validators } from '#sources';
import { rawContentHash } from './fingerprint';
import {
  IngestionError,
  type IngestionLogger,
  type IngestionObserver,
  type IngestionSettings,
  type RunSummary,
} from './ingestion-types';
import { withoutControlCharacters } from './control-characters';
import { boundPosting, rejectReason } from './posting-guards';
import { addMinutes, cooldownMinutes } from './source-health';
import { describeRunError, isPermanentRunError, RunStopped, type RunErrorCode } from './run-errors';
import { rebuildListings, SnapshotWriter, type SnapshotPosting, type WriteCounts } from './snapshot-writer';

const MAX_ERROR_MESSAGE = 1000;
/** Below this many open postings a source's snapshots are always trusted (too few to judge a share). */
const SHRINK_GUARD_MIN_ACTIVE = 3;
const DEFAULT_SHRINK_GUARD = 0.5;

/** A source's suspect-snapshot state after a run. */
type ShrinkState = Pick<SourceEntity, 'suspectSince' | 'suspectRuns' | 'shrinkConfirmedAt'>;
const NOT_SUSPECT: ShrinkState = { suspectSince: null, suspectRuns: 0, shrinkConfirmedAt: null };

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
  private readonly repos: Repositories;

  constructor(
    private readonly ds: DataSource,
    private readonly http: HttpClient,
    private readonly settings: IngestionSettings,
    private readonly logger: IngestionLogger,
    private readonly observer: IngestionObserver = {},
    private readonly normalize: (raw: RawPosting) => NormalizedListing = (raw) => normalizePosting(raw),
  ) {
    this.repos = repositoriesOf(ds);
  }

  /**
   * `signal` ends the run early (a worker shutting down): it stops before its next write and is
   * recorded as INTERRUPTED, with the counts of what it wrote.
   */
  async runSource(sourceId: string, trigger: RunTrigger, signal?: AbortSignal): Promise<RunSummary> {
    const source = await this.repos.sources.find(sourceId);
    if (!source) throw new IngestionError('SOURCE_NOT_FOUND', `No source with id "${sourceId}"`, true);

    // Whatever schedules a run, one source is never ingested twice at once.
    return this.repos.sources.withRunLock(
      sourceId,
      async (lease) => {
        // Holding the lock, any run still marked running was cut short (a killed worker): say so.
        await this.repos.runs.failInterrupted(sourceId);
        if (trigger === 'schedule' && !source.enabled) {
          return this.recordSkipped(source, trigger, 'DISABLED', 'source is disabled');
        }
        if (trigger === 'schedule' && source.haltedAt) {
          return this.recordSkipped(
            source,
            trigger,
            'HALTED',
            `stopped since ${source.haltedAt.toISOString()} after ${source.lastErrorCode ?? 'a permanent failure'}; change the source or run it by hand`,
          );
        }
        if (trigger === 'schedule' && source.cooldownUntil && source.cooldownUntil > new Date()) {
          return this.recordSkipped(
            source,
            trigger,
            'COOLDOWN',
            `resting after ${source.consecutiveFailures} failures until ${source.cooldownUntil.toISOString()}`,
          );
        }
        return this.execute(source, trigger, lease, signal);
      },
      () => this.recordSkipped(source, trigger, 'ALREADY_RUNNING', 'another run is in progress'),
    );
  }

  private async execute(
    source: SourceEntity,
    trigger: RunTrigger,
    lease: RunLease,
    signal: AbortSignal | undefined,
  ): Promise<RunSummary> {
    const startedAt = new Date();
    const runId = await this.repos.runs.start(source.id, trigger, startedAt);
    const summary = emptySummary(runId, source.id, trigger, 'running');
    // Unchanged unless this run's snapshot is judged (a 304 or a partial snapshot says nothing of it).
    let shrink: ShrinkState | null = null;
    // Every write of the run checks, in its own transaction, that the run may still write.
    const guard = async (repos: Repositories) => {
      const lost = lease.lostReason();
      if (lost) throw new RunStopped('LOCK_LOST', `${lost}; the run stopped writing`);
      if (signal?.aborted)
        throw new RunStopped('INTERRUPTED', 'the worker shut down before the run finished');
      if (!(await repos.sources.holdsRunToken(lease.sourceId, lease.token)))
        throw new RunStopped('LOCK_LOST', 'another run took the source over; this one stopped writing');
    };
    const fenced = <T>(write: (repos: Repositories) => Promise<T>) =>
      inTransaction(this.ds, async (repos) => {
        await guard(repos);
        return write(repos);
      });

    try {
      const adapter = getAdapter(source.kind);
      const config = adapter.configSchema.parse(source.config);
      const outcome = await adapter.fetch(config, {
        http: this.http,
        validators: new Map(Object.entries(source.validators ?? {})),
      });

      if (outcome.notModified) {
        // Nothing changed since the last run: every active posting is still there.
        await fenced((repos) => repos.sourcePostings.touchActiveOfSource(source.id, startedAt));
        summary.status = 'not_modified';
        summary.complete = true;
      } else {
        const snapshot = this.parseSnapshot(outcome, adapter.parse.bind(adapter), config);
        if (snapshot.complete) {
          const verdict = await this.judgeShrink(source, snapshot.postings, startedAt);
          shrink = verdict.state;
          if (verdict.held) {
            snapshot.complete = false;
            summary.errorCode = 'SUSPECT_SNAPSHOT';
            summary.errorMessage = verdict.message;
          }
        }
        summary.fetched =
          snapshot.postings.length + Object.values(snapshot.skippedReasons).reduce((a, b) => a + b, 0);
        summary.skippedReasons = snapshot.skippedReasons;
        summary.skipped = Object.values(snapshot.skippedReasons).reduce((a, b) => a + b, 0);
        summary.complete = snapshot.complete;

        const writer = new SnapshotWriter(this.ds, this.normalize, this.settings.batchSize, guard);
        await writer.write(source.id, snapshot.postings, startedAt, async (done, counts) => {
          // Kept on the summary as batches commit, so a failure later still reports what was written,
          // and on the run row, so a run cut short does too.
          Object.assign(summary, countsOf(counts));
          await this.repos.runs.progress(runId, {
            fetched: summary.fetched,
            newCount: summary.new,
            updated: summary.updated,
            unchanged: summary.unchanged,
            closed: summary.closed,
            reopened: summary.reopened,
            skipped: summary.skipped,
          });
          this.observer.onProgress?.(source.id, done, snapshot.postings.length);
        });

        // Only a complete snapshot may close what it did not contain.
        if (snapshot.complete) {
          const change = await this.closeMissing(source.id, startedAt, guard);
          summary.closed += change.closed;
        }
        summary.closed += await fenced((repos) => repos.listings.closeExpired(startedAt, source.id));
        summary.status = snapshot.complete ? 'succeeded' : 'partial';
        if (snapshot.parseError && !summary.errorCode) {
          summary.errorCode = 'PARSE_ERROR';
          summary.errorMessage = snapshot.parseError;
        }
      }
      await fenced(async (repos) => {
        await this.saveValidators(repos, source, outcome);
        await this.recordHealth(repos, source, true, summary, startedAt, shrink);
      });
    } catch (err) {
      const { code, message } = describeRunError(err);
      summary.status = 'failed';
      summary.errorCode = code;
      summary.errorMessage = message.slice(0, MAX_ERROR_MESSAGE);
      // A run that was stopped says so on its row only: the source did not fail, and after a lost
      // lock its health belongs to the run that holds it now.
      if (!(err instanceof RunStopped)) {
        await fenced((repos) => this.recordHealth(repos, source, false, summary, startedAt)).catch(
          (fenceErr: unknown) => {
            if (!(fenceErr instanceof RunStopped)) throw fenceErr;
          },
        );
      }
    }

    summary.durationMs = Date.now() - startedAt.getTime();
    await this.repos.runs.finish(
      runId,
      {
        status: summary.status,
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
      },
      new Date(),
    );
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
      for (const published of result.postings) {
        // A feed's control characters are its typos: removed, so one posting cannot fail the batch.
        const raw = withoutControlCharacters(published);
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
  private async closeMissing(
    sourceId: string,
    seenAt: Date,
    guard: (repos: Repositories) => Promise<void>,
  ): Promise<{ closed: number }> {
    return inTransaction(this.ds, async (repos) => {
      await guard(repos);
      const rows = await repos.sourcePostings.countMisses(sourceId, seenAt, this.settings.closeAfterMisses);
      const affected = [...new Set(rows.filter((r) => r.status === 'closed').map((r) => r.listing_id))];
      if (affected.length === 0) return { closed: 0 };
      const change = await repos.listings.refreshStatus(affected, seenAt);
      // Listings still open through another source lose the closed posting's locations.
      const stillOpen = await repos.listings.openAmong(affected);
      if (stillOpen.length > 0) await rebuildListings(repos, stillOpen, this.normalize, seenAt);
      return { closed: change.closed };
    });
  }

  /**
   * Adapters ask conditionally only for their first document (the feed or first list page), so only its
   * validators are kept: storing one per detail page would grow the row with every posting.
   */
  private async saveValidators(
    repos: Repositories,
    source: SourceEntity,
    outcome: FetchOutcome,
  ): Promise<void> {
    const first = outcome.documents[0];
    if (!first || first.notModified) return;
    const validators: Record<string, Validators> =
      first.etag || first.lastModified
        ? { [first.url]: { etag: first.etag, lastModified: first.lastModified } }
        : {};
    await repos.sources.saveValidators(source.id, validators);
  }

  /**
   * Whether a complete snapshot is held as suspect: it would drop more than the guard's share of the
   * source's open postings at once (an empty board, a changed page listing a handful) and it has not
   * yet repeated for longer than the close window (CLOSE_AFTER_MISSES runs, and as many intervals), nor
   * been confirmed by an operator since the shrink began.
   */
  private async judgeShrink(
    source: SourceEntity,
    postings: SnapshotPosting[],
    now: Date,
  ): Promise<{ held: boolean; state: ShrinkState; message: string }> {
    const clear = { held: false, state: NOT_SUSPECT, message: '' };
    const active = await this.repos.sourcePostings.countActive(source.id);
    if (active < SHRINK_GUARD_MIN_ACTIVE) return clear;
    const missing = await this.repos.sourcePostings.countActiveMissingFrom(
      source.id,
      postings.map((p) => p.raw.externalId),
    );
    const guard = this.settings.shrinkGuard ?? DEFAULT_SHRINK_GUARD;
    if (missing / active <= guard) return clear;

    const since = source.suspectSince ?? now;
    const runs = source.suspectRuns + 1;
    const windowMinutes = this.settings.closeAfterMisses * source.intervalMinutes;
    const confirmed =
      source.suspectSince !== null &&
      source.shrinkConfirmedAt !== null &&
      source.shrinkConfirmedAt >= source.suspectSince;
    const outlasted =
      runs > this.settings.closeAfterMisses && now.getTime() - since.getTime() >= windowMinutes * 60_000;
    // Trusted from here until the shrink is over (the postings it lacks are closed by the usual misses):
    // the confirmation stays on the source while its snapshots keep lacking them.
    if (confirmed || outlasted) {
      return {
        held: false,
        state: { suspectSince: since, suspectRuns: runs, shrinkConfirmedAt: source.shrinkConfirmedAt ?? now },
        message: '',
      };
    }
    const percent = (n: number) => `${Math.round(n * 100)}%`;
    return {
      held: true,
      state: { suspectSince: since, suspectRuns: runs, shrinkConfirmedAt: source.shrinkConfirmedAt },
      message:
        `the feed dropped ${missing} of ${active} open postings at once (${percent(missing / active)}, ` +
        `over the ${percent(guard)} guard): held as suspect since ${since.toISOString()} (run ${runs}), ` +
        `nothing closed; trusted once it repeats for more than ${this.settings.closeAfterMisses} runs and ` +
        `${windowMinutes} minutes, or when an operator confirms it`,
    };
  }

  private async recordHealth(
    repos: Repositories,
    source: SourceEntity,
    ok: boolean,
    summary: RunSummary,
    at: Date,
    shrink: ShrinkState | null = null,
  ): Promise<void> {
    if (ok) {
      await repos.sources.recordHealth(source.id, {
        ...(shrink ?? {}),
        lastRunAt: at,
        lastSuccessAt: at,
        consecutiveFailures: 0,
        cooldownUntil: null,
        haltedAt: null,
        nextRunAt: addMinutes(at, source.intervalMinutes),
        // A partial run keeps its parse error on the source; a clean one clears the last failure.
        lastErrorCode: summary.errorCode,
        lastErrorMessage: summary.errorMessage,
      });
      return;
    }
    const failures = source.consecutiveFailures + 1;
    if (isPermanentRunError(summary.errorCode)) {
      // Retrying will not help: no cooldown doubling towards the same answer, the schedule stops.
      await repos.sources.recordHealth(source.id, {
        lastRunAt: at,
        lastErrorCode: summary.errorCode,
        lastErrorMessage: summary.errorMessage,
        consecutiveFailures: failures,
        cooldownUntil: null,
        haltedAt: at,
        nextRunAt: null,
      });
      return;
    }
    const cooldownUntil = addMinutes(
      at,
      cooldownMinutes(failures, this.settings.backoffBaseMinutes, this.settings.backoffMaxMinutes),
    );
    const nextByInterval = addMinutes(at, source.intervalMinutes);
    await repos.sources.recordHealth(source.id, {
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
    code: RunErrorCode,
    message: string,
  ): Promise<RunSummary> {
    const runId = await this.repos.runs.recordSkipped(source.id, trigger, new Date(), code, message);
    this.logger.log(`ingest ${source.id} skipped: ${message}`, { sourceId: source.id, code });
    return { ...emptySummary(runId, source.id, trigger, 'skipped'), errorCode: code, errorMessage: message };
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

/** Whether a failed run should be retried by the queue or not (bad config, 404 board...). */
export function isPermanentFailure(summary: RunSummary): boolean {
  return summary.status === 'failed' && isPermanentRunError(summary.errorCode);
}

function countsOf(
  counts: WriteCounts,
): Pick<RunSummary, 'new' | 'updated' | 'unchanged' | 'closed' | 'reopened'> {
  return {
    new: counts.new,
    updated: counts.updated,
    unchanged: counts.unchanged,
    closed: counts.closed,
    reopened: counts.reopened,
  };
}
