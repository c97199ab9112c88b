import type { FetchContext, FetchedDocument, FetchOutcome } from '../../source-adapter';
import { fetchDocument, isCancellation, notModifiedOutcome, readJsonQuietly } from '../shared/ats-fetch';
import { leverPageUrl, type LeverConfig } from './lever.config';

/**
 * Pages through the postings with skip & limit until a page comes back short. Lever reports no total,
 * so a full last page costs one more (empty) request.
 */
export async function fetchLever(config: LeverConfig, ctx: FetchContext): Promise<FetchOutcome> {
  const documents: FetchedDocument[] = [];
  let skip = 0;
  for (let page = 0; page < config.maxPages; page++) {
    let document: FetchedDocument;
    try {
      document = await fetchDocument(ctx, { url: leverPageUrl(config, skip), conditional: page === 0 });
    } catch (err) {
      if (page === 0 || isCancellation(err)) throw err;
      return { documents, complete: false, notModified: false };
    }
    if (page === 0 && document.notModified) return notModifiedOutcome(document);
    documents.push(document);

    const postings = readJsonQuietly(document.body);
    // Not a list: parse reports the document; paging cannot go on from it.
    if (!Array.isArray(postings)) return { documents, complete: false, notModified: false };
    if (postings.length < config.pageSize) return { documents, complete: true, notModified: false };
    skip += postings.length;
  }
  return { documents, complete: false, notModified: false };
}
