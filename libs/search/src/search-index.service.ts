import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { preparedQueryable, type PreparedQueryable } from '#persistence';
import { MemoryPageEngine, TsqueryCache } from './memory/memory-engine';
import { OpenListingIndexSync } from './memory/index-sync';
import type { OpenListingIndex } from './memory/open-listing-index';
import { sqlPageEngine, type PageEngine } from './search-listings';

/** Between requests too, so a large ingestion commit is not caught up by the first search after it. */
const BACKGROUND_CATCH_UP_MS = 1000;

/** How long before a failed load is tried again (the API answers from SQL meanwhile). */
const RETRY_MS = 30_000;

export type SearchIndexState = 'off' | 'loading' | 'ready' | 'failed';

/**
 * The in-memory index of open listings (libs/search/src/memory) for this API process. It loads in the
 * background after boot, so the API answers at once (from SQL) and /health/ready says "loading" until
 * the index can serve; every search then catches it up with Postgres first (read-your-writes).
 */
@Injectable()
export class SearchIndexService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SearchIndex');
  private sync: OpenListingIndexSync | null;
  private readonly tsqueries = new TsqueryCache();
  private readonly sql: PageEngine;
  /** The data source with prepared statements for the hot reads. */
  readonly db: PreparedQueryable;
  private loadState: SearchIndexState;
  private lastError: string | null = null;
  private firstLoad: Promise<void> | null = null;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.db = preparedQueryable(ds, config.DATABASE_URL);
    this.sql = sqlPageEngine(ds);
    this.loadState = config.SEARCH_INDEX === 'memory' ? 'loading' : 'off';
    this.sync = config.SEARCH_INDEX === 'memory' ? this.newSync() : null;
  }

  /** A fresh sync: load() remembers its first attempt, so a retry needs a new one. */
  private newSync(): OpenListingIndexSync {
    return new OpenListingIndexSync({
      db: this.db,
      transaction: (work) => this.ds.transaction('REPEATABLE READ', (em) => work(em)),
      log: (message, fields) => this.logger.log({ message, ...fields }),
      backgroundMs: BACKGROUND_CATCH_UP_MS,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.sync?.stop();
    await this.db.close();
  }

  onApplicationBootstrap(): void {
    if (this.sync) this.firstLoad = this.startLoad(this.sync);
  }

  private startLoad(sync: OpenListingIndexSync): Promise<void> {
    return sync.load().then(
      () => {
        this.loadState = 'ready';
      },
      (err: unknown) => {
        this.loadState = 'failed';
        this.lastError = err instanceof Error ? err.message : String(err);
        this.logger.error(`search index failed to load, answering from SQL: ${this.lastError}`);
        setTimeout(() => this.retry(), RETRY_MS).unref();
      },
    );
  }

  private retry(): void {
    const sync = this.newSync();
    this.sync = sync;
    void this.startLoad(sync);
  }

  /** For readiness: the state, and the error of a failed load. */
  status(): { state: SearchIndexState; error: string | null } {
    return { state: this.loadState, error: this.lastError };
  }

  /** Resolves once the first load has ended, whichever way (tests wait for it). */
  async settled(): Promise<void> {
    await this.firstLoad;
  }

  /** The index, up to date with every commit before this call; null when search must use SQL. */
  async index(): Promise<OpenListingIndex | null> {
    return this.sync ? this.sync.current() : null;
  }

  /** What answers this search: the index when it is loaded and current, SQL otherwise. */
  async engine(): Promise<{ engine: PageEngine; index: OpenListingIndex | null }> {
    const index = await this.index();
    if (!index) return { engine: this.sql, index: null };
    return { engine: new MemoryPageEngine(index, this.db, this.tsqueries, this.sql), index };
  }

  /** The parsed text query (cached), for facets. */
  tsquery(websearch: string) {
    return this.tsqueries.get(this.db, websearch);
  }
}
