import type { FetchContext, FetchedDocument, FetchOutcome } from '../../source-adapter';
import { fetchDocument, fetchEach, isCancellation, isLastPage, readJsonQuietly } from '../shared/ats-fetch';
import { asArray, asNumber, asRecord, asString } from '../shared/ats-json-fields';
import { workdayDetailUrl, workdayJobsUrl, type WorkdayConfig } from './workday.config';

const ACCEPT_JSON = { accept: 'application/json' };

/**
 * Pages through the site's job search (a POST) by offset, then fetches each posting's detail for its
 * description. The search is a POST, which HTTP does not answer with 304, so Workday sources are
 * always fetched in full. Every page is POSTed to the same URL; pages after the first are named with
 * an "#offset=N" fragment so each document keeps a distinct URL.
 */
export async function fetchWorkday(config: WorkdayConfig, ctx: FetchContext): Promise<FetchOutcome> {
  const jobsUrl = workdayJobsUrl(config);
  const documents: FetchedDocument[] = [];
  const externalPaths = new Set<string>();
  let total: number | null = null;
  let listComplete = false;
  let offset = 0;

  for (let page = 0; page < config.maxPages; page++) {
    let document: FetchedDocument;
    try {
      document = await fetchDocument(ctx, {
        url: jobsUrl,
        method: 'POST',
        headers: ACCEPT_JSON,
        body: { appliedFacets: {}, limit: config.pageSize, offset, searchText: config.searchText },
        documentUrl: page === 0 ? jobsUrl : `${jobsUrl}#offset=${offset}`,
      });
    } catch (err) {
      if (page === 0 || isCancellation(err)) throw err;
      break;
    }
    documents.push(document);

    const result = asRecord(readJsonQuietly(document.body));
    if (!result || !Array.isArray(result.jobPostings)) break; // parse reports the document
    // Workday reports the real total on the first page only; later pages often say 0.
    if (page === 0) total = asNumber(result.total);
    for (const item of asArray(result.jobPostings)) {
      const path = asString(asRecord(item)?.externalPath);
      if (path) externalPaths.add(path);
    }
    offset += result.jobPostings.length;
    if (isLastPage(result.jobPostings.length, offset, total, config.pageSize)) {
      listComplete = true;
      break;
    }
  }

  const details = await fetchEach(ctx, externalPaths, (path) => ({
    url: workdayDetailUrl(config, path),
    headers: ACCEPT_JSON,
  }));
  documents.push(...details.documents);
  return { documents, complete: listComplete && details.complete, notModified: false };
}
