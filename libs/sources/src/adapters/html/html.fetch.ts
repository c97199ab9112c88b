import { load } from 'cheerio';
import type { FetchContext, FetchedDocument, FetchOutcome } from '../../source-adapter';
import { fetchDocument, notModifiedOutcome } from '../shared/ats-fetch';
import { withoutFragment } from '../shared/web-url';
import { tryFetchDocument } from '../shared/web-fetch';
import type { HtmlConfig } from './html.config';
import { readListPage } from './html.page';

/**
 * Reads the list pages, following the next link up to maxPages, then every job's page when a
 * detail section is configured. Only the first list page is asked conditionally: a 304 there means
 * the list is unchanged. Any later page that fails after the client's retries makes the run
 * partial; the run throws only when the first list page cannot be had, or every detail page failed.
 */
export async function fetchHtml(config: HtmlConfig, ctx: FetchContext): Promise<FetchOutcome> {
  const first = await fetchDocument(ctx, { url: config.url, conditional: true });
  if (first.notModified) return notModifiedOutcome(first);

  const documents: FetchedDocument[] = [first];
  const detailUrls = new Set<string>();
  const visited = new Set([withoutFragment(config.url), withoutFragment(first.url)]);
  let complete = true;
  let page = first;
  let listPages = 1;

  for (;;) {
    const reading = readListPage(load(page.body), config, page.url);
    for (const item of reading.items) if (item.url) detailUrls.add(withoutFragment(item.url));
    // A next link back to a page already read is the end of the list, not a loop to follow.
    if (!reading.nextUrl || visited.has(withoutFragment(reading.nextUrl))) break;
    if (listPages >= config.maxPages) {
      complete = false;
      break;
    }
    visited.add(withoutFragment(reading.nextUrl));
    const attempt = await tryFetchDocument(ctx, { url: reading.nextUrl });
    if (!attempt.ok) {
      complete = false;
      break;
    }
    documents.push(attempt.document);
    page = attempt.document;
    listPages++;
  }

  if (!config.detail) return { documents, complete, notModified: false };

  const wanted = [...detailUrls];
  if (wanted.length > config.maxDetails) complete = false;
  let firstError: unknown = undefined;
  let fetchedDetails = 0;
  for (const url of wanted.slice(0, config.maxDetails)) {
    const attempt = await tryFetchDocument(ctx, { url });
    if (attempt.ok) {
      documents.push(attempt.document);
      fetchedDetails++;
    } else {
      complete = false;
      firstError ??= attempt.error;
    }
  }
  // Every job's page failed: the list pages alone hold no postings, so there is nothing to read.
  if (wanted.length > 0 && fetchedDetails === 0) throw firstError;
  return { documents, complete, notModified: false };
}
