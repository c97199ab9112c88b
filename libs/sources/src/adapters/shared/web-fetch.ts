import type { FetchContext, FetchedDocument } from '../../source-adapter';
import { fetchDocument, isCancellation, type DocumentRequest } from './ats-fetch';

// Web sources fetch many documents per run (feed pages, sitemaps, detail pages). One failure after
// the client's retries makes the run partial rather than failing it, so callers get the error back
// as a value. Cancellation is not a partial fetch: it propagates.

export type FetchAttempt = { ok: true; document: FetchedDocument } | { ok: false; error: unknown };

export async function tryFetchDocument(ctx: FetchContext, request: DocumentRequest): Promise<FetchAttempt> {
  try {
    return { ok: true, document: await fetchDocument(ctx, request) };
  } catch (error) {
    if (isCancellation(error)) throw error;
    return { ok: false, error };
  }
}
