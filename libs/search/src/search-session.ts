import type { DataSource } from 'typeorm';
import type { Queryable } from './sql-params';

/**
 * Trigram word similarity from which a title or employer counts as a typo match. pg_trgm's default
 * (0.6) misses one-letter slips in short words ("optim" for "optum" is 0.5); below about 0.45
 * unrelated words start to match.
 */
export const TYPO_SIMILARITY = 0.45;

/**
 * Runs search queries with the typo threshold set for their transaction only (SET LOCAL through
 * set_config), so pooled connections keep their defaults. JIT is off for the same reason: compiling
 * costs more than these index-driven queries take to run.
 */
export async function withSearchSettings<T>(ds: DataSource, fn: (db: Queryable) => Promise<T>): Promise<T> {
  return ds.transaction(async (em) => {
    await em.query(
      `SELECT set_config('pg_trgm.word_similarity_threshold', $1, true), set_config('jit', 'off', true)`,
      [String(TYPO_SIMILARITY)],
    );
    return fn(em);
  });
}
