import { foldEmployerName } from './employer-name';

/**
 * Reorders an already ranked list so that no employer has more than `cap` of the first `pageSize`
 * places. Items over the cap move to just after the first page, in their original order; nothing is
 * dropped. A listing without an employer counts as its own employer. If too few employers remain to
 * fill the page, the page is topped up from the moved items rather than left short.
 */
export function applyEmployerCap<T>(
  ranked: readonly T[],
  employerOf: (item: T) => string | null,
  cap: number,
  pageSize: number,
): T[] {
  if (ranked.length <= cap || cap >= pageSize) return [...ranked];
  const page: T[] = [];
  const deferred: T[] = [];
  const counts = new Map<string, number>();
  let next = 0;
  for (; next < ranked.length && page.length < pageSize; next++) {
    const item = ranked[next];
    const employer = employerOf(item);
    const key = employer === null ? null : foldEmployerName(employer);
    if (!key) {
      page.push(item);
      continue;
    }
    const count = counts.get(key) ?? 0;
    if (count < cap) {
      counts.set(key, count + 1);
      page.push(item);
    } else {
      deferred.push(item);
    }
  }
  while (page.length < pageSize && deferred.length > 0) page.push(deferred.shift() as T);
  return [...page, ...deferred, ...ranked.slice(next)];
}
