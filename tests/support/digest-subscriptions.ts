import type { DataSource } from 'typeorm';
import { repositoriesOf } from '#persistence';

const HOUR = 3_600_000;

type SearchFields = { criteria?: Record<string, unknown>; searchQuery?: string };

/** A search subscription waiting for its confirmation (daily at 07:00 UTC); returns its id. */
export async function pendingSearchSubscription(
  ds: DataSource,
  email: string,
  search: SearchFields = {},
): Promise<string> {
  const sub = await repositoriesOf(ds).digestSubscriptions.create({
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
  return sub.id;
}

/**
 * A confirmed search subscription made straight in the database (daily at 07:00 UTC, watermark: now),
 * for suites about what happens after confirmation; returns its id. `nextDueAt` is when its first
 * digest is due (default now).
 */
export async function confirmedSearchSubscription(
  ds: DataSource,
  email: string,
  search: SearchFields & { nextDueAt?: Date } = {},
): Promise<string> {
  const id = await pendingSearchSubscription(ds, email, search);
  await repositoriesOf(ds).digestSubscriptions.confirm(id, search.nextDueAt ?? new Date());
  return id;
}
