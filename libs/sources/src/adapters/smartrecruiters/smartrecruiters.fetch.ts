import type { FetchContext, FetchedDocument, FetchOutcome } from '../../source-adapter';
import { fetchDocument, isCancellation, notModifiedOutcome, readJsonQuietly } from '../shared/ats-fetch';
import { asArray, asId, asNumber, asRecord } from '../shared/ats-json-fields';
import {
  smartrecruitersDetailUrl,
  smartrecruitersListUrl,
  type SmartRecruitersConfig,
} from './smartrecruiters.config';

/**
 * Pages through the postings list by offset until totalFound, then fetches each posting's detail,
 * because only the detail carries the job ad. The list pages are returned too: the first one's
 * validators make an unchanged list cost a 304, and parse checks each page's shape.
 */
export async function fetchSmartRecruiters(
  config: SmartRecruitersConfig,
  ctx: FetchContext,
): Promise<FetchOutcome> {
  const documents: FetchedDocument[] = [];
  const postingIds = new Set<string>();
  let listComplete = false;
  let offset = 0;

  for (let page = 0; page < config.maxPages; page++) {
    let document: FetchedDocument;
    try {
      document = await fetchDocument(ctx, {
        url: smartrecruitersListUrl(config, offset),
        conditional: page === 0,
      });
    } catch (err) {
      if (page === 0 || isCancellation(err)) throw err;
      break;
    }
    if (page === 0 && document.notModified) return notModifiedOutcome(document);
    documents.push(document);

    const list = asRecord(readJsonQuietly(document.body));
    if (!list || !Array.isArray(list.content)) break; // parse reports the document
    for (const item of asArray(list.content)) {
      const id = asId(asRecord(item)?.id);
      if (id) postingIds.add(id);
    }
    offset += list.content.length;
    const total = asNumber(list.totalFound);
    const lastPage = total === null ? list.content.length < config.pageSize : offset >= total;
    if (list.content.length === 0 || lastPage) {
      listComplete = true;
      break;
    }
  }

  let detailsComplete = true;
  for (const id of postingIds) {
    try {
      documents.push(await fetchDocument(ctx, { url: smartrecruitersDetailUrl(config, id) }));
    } catch (err) {
      if (isCancellation(err)) throw err;
      // The list entry still describes the posting; the run is partial.
      detailsComplete = false;
    }
  }
  return { documents, complete: listComplete && detailsComplete, notModified: false };
}
