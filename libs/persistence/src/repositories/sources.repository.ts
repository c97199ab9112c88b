import type { EntityManager } from 'typeorm';
import { SourceEntity, type SourceValidators } from '../entities/source.entity';

/** What an operator defines of a source (its health is the service's to keep). */
export interface SourceDefinitionRow {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  intervalMinutes: number;
  config: Record<string, unknown>;
}

/** The source's health after a run. */
export type SourceHealthUpdate = Partial<
  Pick<
    SourceEntity,
    | 'lastRunAt'
    | 'lastSuccessAt'
    | 'lastErrorCode'
    | 'lastErrorMessage'
    | 'consecutiveFailures'
    | 'cooldownUntil'
    | 'haltedAt'
    | 'suspectSince'
    | 'suspectRuns'
    | 'shrinkConfirmedAt'
    | 'nextRunAt'
  >
>;

/** Advisory-lock key space for "ingest source". */
const RUN_LOCK_NAMESPACE = 7301;

/** Sources: their definitions, health and conditional-request validators. */
export class SourcesRepository {
  constructor(private readonly db: EntityManager) {}

  private get repo() {
    return this.db.getRepository(SourceEntity);
  }

  list(): Promise<SourceEntity[]> {
    return this.repo.find({ order: { id: 'ASC' } });
  }

  async enabledIds(): Promise<string[]> {
    return (await this.repo.find({ where: { enabled: true }, order: { id: 'ASC' } })).map((s) => s.id);
  }

  find(id: string): Promise<SourceEntity | null> {
    return this.repo.findOneBy({ id });
  }

  exists(id: string): Promise<boolean> {
    return this.repo.existsBy({ id });
  }

  /** Inserts or updates by id; health and history are kept, validators dropped when the config changed. */
  async upsert(defs: SourceDefinitionRow[]): Promise<{ created: number; updated: number }> {
    let created = 0;
    let updated = 0;
    for (const d of defs) {
      const existing = await this.repo.findOneBy({ id: d.id });
      if (existing) {
        const configChanged = JSON.stringify(existing.config) !== JSON.stringify(d.config);
        await this.repo.update(d.id, {
          kind: d.kind,
          name: d.name,
          enabled: d.enabled,
          intervalMinutes: d.intervalMinutes,
          config: d.config as never,
          // New config may mean new URLs: old validators no longer apply.
          ...(configChanged ? { validators: {} } : {}),
          // A source halted by a permanent failure is tried again once an operator changes it.
          ...(configChanged || d.kind !== existing.kind || (d.enabled && !existing.enabled)
            ? { haltedAt: null }
            : {}),
        });
        updated++;
      } else {
        await this.repo.insert({ ...d, config: d.config as never, validators: {} });
        created++;
      }
    }
    return { created, updated };
  }

  /** Deletes the source; its postings and runs go with it (ON DELETE CASCADE). */
  async delete(id: string): Promise<void> {
    await this.db.delete(SourceEntity, { id });
  }

  async recordHealth(id: string, health: SourceHealthUpdate): Promise<void> {
    await this.repo.update(id, health);
  }

  /** An operator's word that the source's shrunken snapshots are real: the next one is trusted. */
  async confirmShrink(id: string, at: Date): Promise<void> {
    await this.repo.update(id, { shrinkConfirmedAt: at });
  }

  async saveValidators(id: string, validators: SourceValidators): Promise<void> {
    await this.repo.update(id, { validators });
  }

  /**
   * Runs `work` holding the source's run lock (a session-level advisory lock), so one source is never
   * ingested twice at once whatever schedules it; `busy` answers when another run holds it. The lock
   * lives on one connection: `work` gets a lease that says when that connection was lost, and a
   * fencing token (raised here) that `holdsRunToken` checks inside each write transaction.
   */
  async withRunLock<T>(
    id: string,
    work: (lease: RunLease) => Promise<T>,
    busy: () => Promise<T>,
  ): Promise<T> {
    const runner = this.db.connection.createQueryRunner();
    const client = (await runner.connect()) as ConnectionEvents;
    let lost: string | null = null;
    const onError = (err: Error) => (lost ??= `the run lock's database connection failed (${err.message})`);
    const onEnd = () => (lost ??= "the run lock's database connection closed");
    client.on('error', onError);
    client.on('end', onEnd);
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [
        RUN_LOCK_NAMESPACE,
        id,
      ]);
      if (!locked) return await busy();
      try {
        const [[row]] = await runner.query(
          'UPDATE sources SET run_token = run_token + 1 WHERE id = $1 RETURNING run_token AS token',
          [id],
        );
        return await work({ sourceId: id, token: String(row?.token ?? '0'), lostReason: () => lost });
      } finally {
        // A lost connection took its lock with it.
        if (!lost)
          await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [RUN_LOCK_NAMESPACE, id]);
      }
    } finally {
      client.off('error', onError);
      client.off('end', onEnd);
      await runner.release();
    }
  }

  /**
   * Whether the run holding `token` still owns the source. Inside a write transaction: the row is
   * share-locked until commit, so a run taking over (raising the token) waits for that write to end,
   * and every later write of the old run sees the new token and stops.
   */
  async holdsRunToken(id: string, token: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM sources WHERE id = $1 AND run_token = $2 FOR SHARE',
      [id, token],
    );
    return rows.length > 0;
  }
}

/** What a run holding the lock knows of it. */
export interface RunLease {
  sourceId: string;
  /** The fencing token this run raised the source's to. */
  token: string;
  /** Why the lock was lost (its connection dropped), or null while it is held. */
  lostReason(): string | null;
}

interface ConnectionEvents {
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  off(event: 'error', listener: (err: Error) => void): unknown;
  off(event: 'end', listener: () => void): unknown;
}
