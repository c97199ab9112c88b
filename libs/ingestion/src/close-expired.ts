import type { DataSource } from 'typeorm';
import { repositoriesOf } from '#persistence';

/** The hourly sweep: open listings whose validThrough has passed are closed (never deleted). */
export function closeExpiredListings(ds: DataSource, now = new Date()): Promise<number> {
  return repositoriesOf(ds).listings.closeExpired(now);
}
