import type { FetchContext, FetchOutcome, FetchedDocument } from '../../source-adapter';
import { fetchDocument, notModifiedOutcome } from '../shared/ats-fetch';
import { tryFetchDocument } from '../shared/web-fetch';
import {
  HIMALAYAS_PAGE_SIZE,
  himalayasPageUrl,
  type HimalayasConfig,
  type HimalayasPage,
} from './himalayas.config';
import { readHimalayasPage } from './himalayas.paging';

/**
 * Pages through the job list. Only the first page is asked conditionally: the list is newest first
 * and its first page carries totalCount, so an unchanged first page means an unchanged board.
 * A page that fails after the client's retries ends paging and makes the run partial.
 */
export async function fetchHimalayas(config: HimalayasConfig, ctx: FetchContext): Promise<FetchOutcome> {
  let requested: HimalayasPage = { offset: 0 };
  const first = await fetchDocument(ctx, { url: himalayasPageUrl(config, requested), conditional: true });
  if (first.notModified) return notModifiedOutcome(first);

  const documents: FetchedDocument[] = [first];
  let reading = readHimalayasPage(first.body, requested, HIMALAYAS_PAGE_SIZE);
  while (reading?.next) {
    if (documents.length >= config.maxPages) return partial(documents);
    requested = reading.next;
    const attempt = await tryFetchDocument(ctx, { url: himalayasPageUrl(config, requested) });
    if (!attempt.ok) return partial(documents);
    documents.push(attempt.document);

    const previousFirst = reading.firstGuid;
    reading = readHimalayasPage(attempt.document.body, requested, HIMALAYAS_PAGE_SIZE);
    // A page that starts like the last one means the server ignored the offset: stop, do not loop.
    if (reading?.firstGuid && reading.firstGuid === previousFirst) return partial(documents);
  }
  // An unreadable page (reading null) leaves the rest of the list unknown.
  return { documents, complete: reading !== null, notModified: false };
}

function partial(documents: FetchedDocument[]): FetchOutcome {
  return { documents, complete: false, notModified: false };
}
