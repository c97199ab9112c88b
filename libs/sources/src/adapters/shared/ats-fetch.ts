import { HttpError, type HttpRequest, type HttpResponse } from '#http';
import type { FetchContext, FetchedDocument, FetchOutcome } from '../../source-adapter';

// The I/O steps every ATS adapter repeats: one request through the shared polite client, turned into
// a FetchedDocument, with the stored validators attached when the request may be conditional.

export interface DocumentRequest extends Omit<HttpRequest, 'etag' | 'lastModified' | 'signal'> {
  /** Send the validators stored for this URL, so an unchanged document costs a 304. */
  conditional?: boolean;
  /** Name the document by another URL than the request's (e.g. one page of a POST search). */
  documentUrl?: string;
}

export async function fetchDocument(ctx: FetchContext, request: DocumentRequest): Promise<FetchedDocument> {
  const { conditional, documentUrl, ...rest } = request;
  const validators = conditional ? ctx.validators.get(documentUrl ?? request.url) : undefined;
  const response = await ctx.http.request({
    ...rest,
    etag: validators?.etag ?? null,
    lastModified: validators?.lastModified ?? null,
    signal: ctx.signal,
  });
  return toFetchedDocument(response, documentUrl);
}

export function toFetchedDocument(response: HttpResponse, documentUrl?: string): FetchedDocument {
  return {
    url: documentUrl ?? response.url,
    body: response.notModified ? '' : response.body,
    contentType: headerValue(response.headers, 'content-type'),
    notModified: response.notModified,
    etag: response.etag,
    lastModified: response.lastModified,
  };
}

/** The outcome for a first page that answered 304: nothing was read, so nothing may be closed. */
export function notModifiedOutcome(first: FetchedDocument): FetchOutcome {
  return { documents: [first], complete: false, notModified: true };
}

/**
 * A request after the first failed even after the client's retries. Cancellation is not a partial
 * fetch, so it propagates; anything else makes the outcome partial and paging stops.
 */
export function isCancellation(err: unknown): boolean {
  if (err instanceof HttpError) return err.code === 'ABORTED';
  return err instanceof Error && err.name === 'AbortError';
}

/** JSON for paging decisions inside fetch; a body that is not JSON is left for parse to report. */
export function readJsonQuietly(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function headerValue(headers: Record<string, string>, name: string): string | null {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return null;
}

/**
 * Fetches one document per key (a posting's detail), in order. A failed request leaves the run
 * partial (the list entry still names the posting) instead of ending it; cancellation propagates.
 */
export async function fetchEach<K>(
  ctx: FetchContext,
  keys: Iterable<K>,
  request: (key: K) => DocumentRequest,
): Promise<{ documents: FetchedDocument[]; complete: boolean }> {
  const documents: FetchedDocument[] = [];
  let complete = true;
  for (const key of keys) {
    try {
      documents.push(await fetchDocument(ctx, request(key)));
    } catch (err) {
      if (isCancellation(err)) throw err;
      complete = false;
    }
  }
  return { documents, complete };
}

/**
 * Whether a page of an offset-paged list was its last: it was empty, or the offset after it reached
 * the total, or (when the source gives no total) it came back shorter than a full page.
 */
export function isLastPage(
  received: number,
  offset: number,
  total: number | null,
  pageSize: number,
): boolean {
  if (received === 0) return true;
  return total === null ? received < pageSize : offset >= total;
}
