import type { DataSource } from 'typeorm';
import { repositoriesOf } from '#persistence';

const HOUR = 3_600_000;

/**
 * A confirmed search subscription made straight in the database (daily at 07:00 UTC, watermark: now),
 * for suites about what happens after confirmation; returns its id. `nextDueAt` is when its first
 * digest is due (default now).
 */
export async function confirmedSearchSubscription(
  ds: DataSource,
  email: string,
  search: { criteria?: Record<string, unknown>; searchQuery?: string; nextDueAt?: Date } = {},
): Promise<string> {
  const repos = repositoriesOf(ds);
  const sub = await repos.digestSubscriptions.create({
    email,
    kind: 'search',
    criteria: search.criteria ?? {},
    searchQuery: search.searchQuery ?? '',
    candidateId: null,
    frequency: 'daily',
    sendHour: 7,
    sendWeekday: 1,
    timeZone: 'UTC',
    confirmTokenHash: null,
    confirmExpiresAt: new Date(Date.now() + HOUR),
  });
  await repos.digestSubscriptions.confirm(sub.id, search.nextDueAt ?? new Date());
  return sub.id;
}
