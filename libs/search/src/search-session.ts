import type { DataSource } from 'typeorm';
import type { Queryable } from './sql-params';

/**
 * Runs search and match queries with two planner settings changed for their transaction only
 * (SET LOCAL through set_config), so pooled connections keep their defaults:
 * - JIT off: the match pool and broad searches reach jit_above_cost, and compiling took 2 s of a
 *   2.6 s pool query at a million listings, for queries that run in milliseconds without it;
 * - no parallel workers: these queries are short and many run at once, so workers only add
 *   start-up cost and take cores from the other requests.
 */
export async function withSearchSettings<T>(ds: DataSource, fn: (db: Queryable) => Promise<T>): Promise<T> {
  return ds.transaction(async (em) => {
    await em.query(
      `SELECT set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`,
    );
    return fn(em);
  });
}
