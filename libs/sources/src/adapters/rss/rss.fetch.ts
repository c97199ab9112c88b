import type { FetchContext, FetchOutcome } from '../../source-adapter';
import { fetchDocument, notModifiedOutcome } from '../shared/ats-fetch';
import type { RssConfig } from './rss.config';

/** A feed is one document: it is complete, unchanged (304), or the fetch throws. */
export async function fetchRss(config: RssConfig, ctx: FetchContext): Promise<FetchOutcome> {
  const feed = await fetchDocument(ctx, {
    url: config.url,
    conditional: true,
    headers: {
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    },
  });
  if (feed.notModified) return notModifiedOutcome(feed);
  return { documents: [feed], complete: true, notModified: false };
}
