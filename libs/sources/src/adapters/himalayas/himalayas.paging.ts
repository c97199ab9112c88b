import { readJsonQuietly } from '../shared/ats-fetch';
import { asArray, asNumber, asRecord, asString } from '../shared/ats-json-fields';
import type { HimalayasPage } from './himalayas.config';

// Paging decisions for fetch, read from a page body without judging it (parse does that). The API
// pages by offset and reports totalCount; newer responses also carry an opaque nextCursor, which is
// followed when present.

export interface PageReading {
  /** The first job's guid, to notice a server that ignores the offset and repeats a page. */
  firstGuid: string | null;
  /** The page after this one, or null when this is the last. */
  next: HimalayasPage | null;
}

/** How a page continues, or null when the body is not a readable job list (paging must stop). */
export function readHimalayasPage(
  body: string,
  requested: HimalayasPage,
  pageSize: number,
): PageReading | null {
  const root = asRecord(readJsonQuietly(body));
  if (!root || !Array.isArray(root.jobs)) return null;
  const jobs = asArray(root.jobs);
  const firstGuid = asString(asRecord(jobs[0])?.guid);
  if (jobs.length === 0) return { firstGuid, next: null };

  const cursor = asString(root.nextCursor);
  if (cursor) return { firstGuid, next: { cursor } };
  if ('cursor' in requested) return { firstGuid, next: null };

  const nextOffset = requested.offset + jobs.length;
  const total = asNumber(root.totalCount);
  // Without a total, a short page is the last one.
  const more = total !== null ? nextOffset < total : jobs.length >= pageSize;
  return { firstGuid, next: more ? { offset: nextOffset } : null };
}
