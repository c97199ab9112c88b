import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { removeSource, upsertSources, validateSourceDefinition } from '#ingestion';
import { APP_CONFIG, type AppConfig } from '#config';
import { enqueueManualRun, INGESTION_QUEUE, syncSourceSchedulers, withQueueDeadline } from '#jobs';
import { IngestionRunsRepository, SourceEntity, SourcesRepository } from '#persistence';
import { ApiError } from '../http/api-error';

function toSourceView(s: SourceEntity) {
  return {
    id: s.id,
    kind: s.kind,
    name: s.name,
    enabled: s.enabled,
    intervalMinutes: s.intervalMinutes,
    config: s.config,
    health: {
      lastRunAt: s.lastRunAt,
      lastSuccessAt: s.lastSuccessAt,
      lastErrorCode: s.lastErrorCode,
      lastErrorMessage: s.lastErrorMessage,
      consecutiveFailures: s.consecutiveFailures,
      cooldownUntil: s.cooldownUntil,
      /** Set when a permanent failure (a 404 board, a refused config) stopped scheduled runs. */
      haltedAt: s.haltedAt,
      /** Set while complete snapshots drop most open postings at once: held as suspect, nothing closed. */
      suspectSince: s.suspectSince,
      suspectRuns: s.suspectRuns,
      shrinkConfirmedAt: s.shrinkConfirmedAt,
      nextRunAt: s.nextRunAt,
    },
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

@Injectable()
export class AdminSourcesService {
  private readonly logger = new Logger(AdminSourcesService.name);

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(SourcesRepository) private readonly sources: SourcesRepository,
    @Inject(IngestionRunsRepository) private readonly runRows: IngestionRunsRepository,
    @InjectQueue(INGESTION_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Brings the schedulers in step after a source changed. The source's row is what counts: when the
   * queue backend does not answer in time the change still stands, and the workers' periodic
   * reconciliation registers it (SCHEDULER_RECONCILE_SECONDS).
   */
  private async syncSchedulers(): Promise<void> {
    await withQueueDeadline(
      this.queue,
      'updating job schedulers',
      () => syncSourceSchedulers(this.queue, this.ds),
      this.config.QUEUE_TIMEOUT_MS,
    ).catch((err: Error) => this.logger.warn(`job schedulers not updated now: ${err.message}`));
  }

  async list() {
    return { items: (await this.sources.list()).map(toSourceView) };
  }

  async get(id: string) {
    return toSourceView(await this.find(id));
  }

  async create(body: unknown) {
    const def = validateSourceDefinition(body, 'body');
    if (await this.sources.exists(def.id)) {
      throw new ApiError(
        'SOURCE_EXISTS',
        `a source with id "${def.id}" already exists; use PUT to change it`,
      );
    }
    await upsertSources(this.ds, [def]);
    await this.syncSchedulers();
    return this.get(def.id);
  }

  async update(id: string, body: unknown, partial: boolean) {
    const current = await this.find(id);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new ApiError('VALIDATION_FAILED', 'body must be a JSON object', [
        { field: 'body', message: 'expected an object' },
      ]);
    }
    if ('id' in body && (body as { id: unknown }).id !== id) {
      throw new ApiError('VALIDATION_FAILED', 'body.id must match the id in the path', [
        { field: 'body.id', message: 'cannot change a source id' },
      ]);
    }
    const base = partial
      ? {
          id,
          kind: current.kind,
          name: current.name,
          enabled: current.enabled,
          intervalMinutes: current.intervalMinutes,
          config: current.config,
        }
      : { id };
    const def = validateSourceDefinition({ ...base, ...body, id }, 'body');
    await upsertSources(this.ds, [def]);
    await this.syncSchedulers();
    return this.get(id);
  }

  async remove(id: string) {
    await this.find(id);
    await removeSource(this.ds, id);
    await this.syncSchedulers();
  }

  async trigger(id: string) {
    await this.find(id);
    // A queue backend that is down answers 503 QUEUE_UNAVAILABLE within QUEUE_TIMEOUT_MS, never hangs.
    const jobId = await withQueueDeadline(
      this.queue,
      `queueing a run of ${id}`,
      () => enqueueManualRun(this.queue, id),
      this.config.QUEUE_TIMEOUT_MS,
    );
    return { queued: true, jobId, sourceId: id };
  }

  /** Trusts the source's shrunken snapshots from its next run (they close what they lack). */
  async confirmShrink(id: string) {
    const source = await this.find(id);
    if (!source.suspectSince) {
      throw new ApiError('BAD_REQUEST', `source "${id}" has no suspect snapshot to confirm`);
    }
    await this.sources.confirmShrink(id, new Date());
    return this.get(id);
  }

  async runs(id: string, limit: number) {
    await this.find(id);
    const rows = await this.runRows.recent(id, limit);
    return {
      items: rows.map((r) => ({
        id: r.id,
        trigger: r.trigger,
        status: r.status,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        durationMs: r.durationMs,
        complete: r.complete,
        fetched: r.fetched,
        new: r.newCount,
        updated: r.updated,
        unchanged: r.unchanged,
        closed: r.closed,
        reopened: r.reopened,
        skipped: r.skipped,
        skippedReasons: r.skippedReasons,
        errorCode: r.errorCode,
        errorMessage: r.errorMessage,
      })),
    };
  }

  private async find(id: string): Promise<SourceEntity> {
    const s = await this.sources.find(id);
    if (!s) throw new ApiError('SOURCE_NOT_FOUND', `no source with id "${id}"`);
    return s;
  }
}
