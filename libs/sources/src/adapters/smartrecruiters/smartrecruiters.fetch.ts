import type { FetchContext, FetchedDocument, FetchOutcome } from '../../source-adapter';
import {
  fetchDocument,
  fetchEach,
  isCancellation,
  isLastPage,
  notModifiedOutcome,
  readJsonQuietly,
} from '../shared/ats-fetch';
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
    if (isLastPage(list.content.length, offset, asNumber(list.totalFound), config.pageSize)) {
      listComplete = true;
      break;
    }
  }

  const details = await fetchEach(ctx, postingIds, (id) => ({ url: smartrecruitersDetailUrl(config, id) }));
  documents.push(...details.documents);
  return { documents, complete: listComplete && details.complete, notModified: false };
}
