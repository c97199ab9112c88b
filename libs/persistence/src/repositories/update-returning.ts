import type { EntityManager } from 'typeorm';

/** TypeORM answers an UPDATE ... RETURNING with [rows, count]; callers want the rows. */
export async function updateReturning<T>(em: Pick<EntityManager, 'query'>, sql: string, params: unknown[]) {
  const result: unknown = await em.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
