import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { Queryable } from './sql-params';

/** Connections of the search pool: the hot reads are short, so a few serve many concurrent searches. */
const SEARCH_POOL_SIZE = 4;

export interface PreparedQueryable extends Queryable {
  close(): Promise<void>;
}

/**
 * The data source as a Queryable that also runs named statements on a small pool of its own. Those
 * are the hot search reads (a page of listings by id, catching the search index up): prepared once per
 * connection and, on this pool only, always run with their generic plan (plan_cache_mode), so no
 * request pays for planning, which on `listings` costs more than the reads themselves. JIT is off
 * for the same reason. Every other query goes through the ORM as before. Parameters are bound.
 */
export function preparedQueryable(ds: DataSource, databaseUrl: string): PreparedQueryable {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: SEARCH_POOL_SIZE,
    options: '-c plan_cache_mode=force_generic_plan -c jit=off',
    application_name: 'coderjobs-api-search',
  });
  // An idle connection dropped by the server is replaced on the next query; do not crash the process.
  pool.on('error', () => undefined);
  return {
    query: (sql, parameters) => ds.query(sql, parameters),
    prepared: async (name, text, values) => (await pool.query({ name, text, values })).rows,
    close: () => pool.end(),
  };
}
