import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { preparedQueryable, resolveDatabase, type PreparedQueryable } from '#persistence';
import { FacetCache } from './facet-cache';
import {
  MemoryListingSearch,
  SqlListingSearch,
  type ListingSearch,
  type ListingSearchSource,
  type SearchResources,
} from './listing-search';
import { OpenListingIndexSync } from './memory/index-sync';
import { TsqueryCache } from './memory/memory-engine';
import type { OpenListingIndex } from './memory/open-listing-index';
import { loadVocabularySource, TypoVocabulary } from './typo-vocabulary';

/** Between requests too, so a large ingestion commit is not caught up by the first search after it. */
const BACKGROUND_CATCH_UP_MS = 1000;

/** How long before a failed load is tried again (the API answers from SQL meanwhile). */
const RETRY_MS = 30_000;

export type SearchIndexState = 'off' | 'loading' | 'ready' | 'failed';

/**
 * Listing search for this API process, and the one place that decides how it is answered: from the
 * in-memory index of open listings (libs/search/src/memory) when SEARCH_INDEX=memory and the index is
 * loaded, from SQL otherwise. The index loads in the background after boot, so the API answers at
 * once (from SQL) and /health/ready says "loading" until the index can serve; every request then
 * catches it up with Postgres first (read-your-writes).
 */
@Injectable()
export class SearchIndexService
  implements ListingSearchSource, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('SearchIndex');
  private sync: OpenListingIndexSync | null;
  private readonly resources: SearchResources;
  private readonly sql: SqlListingSearch;
  /** The data source with prepared statements for the hot reads. */
  private readonly db: PreparedQueryable;
  private loadState: SearchIndexState;
  private lastError: string | null = null;
  private firstLoad: Promise<void> | null = null;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.db = preparedQueryable(ds, resolveDatabase(config).url);
    this.resources = {
      db: ds,
      prepared: this.db,
      facetCache: new FacetCache(),
      // Words of open titles and employers, for correcting misspelt searches; loaded on first use.
      vocabulary: new TypoVocabulary(() => loadVocabularySource(ds)),
      tsqueries: new TsqueryCache(),
    };
    this.sql = new SqlListingSearch(this.resources);
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

  /** Search as of now: the index caught up with every commit before this call, or SQL. */
  async current(): Promise<ListingSearch> {
    const index = await this.index();
    return index ? new MemoryListingSearch(index, this.resources, this.sql) : this.sql;
  }

  /** The index, caught up with every commit before this call; null when search answers from SQL. */
  async index(): Promise<OpenListingIndex | null> {
    return this.sync ? this.sync.current() : null;
  }
}
