import type { DataSource } from 'typeorm';
import type { Queryable } from './sql-params';

/**
 * Runs queries with JIT compilation off for their transaction only (SET LOCAL through set_config),
 * so pooled connections keep their defaults. Facet counts scan enough rows for the planner to reach
 * jit_above_cost, yet compiling takes longer than the scan itself.
 */
export async function withoutJit<T>(ds: DataSource, fn: (db: Queryable) => Promise<T>): Promise<T> {
  return ds.transaction(async (em) => {
    await em.query(`SELECT set_config('jit', 'off', true)`);
    return fn(em);
  });
}
