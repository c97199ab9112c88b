import type { FetchContext, FetchOutcome } from '../../source-adapter';
import { fetchDocument, notModifiedOutcome } from '../shared/ats-fetch';
import { greenhouseJobsUrl, type GreenhouseConfig } from './greenhouse.config';

/** The board is a single unpaged document, so the fetch is complete or it throws. */
export async function fetchGreenhouse(config: GreenhouseConfig, ctx: FetchContext): Promise<FetchOutcome> {
  const document = await fetchDocument(ctx, { url: greenhouseJobsUrl(config), conditional: true });
  if (document.notModified) return notModifiedOutcome(document);
  return { documents: [document], complete: true, notModified: false };
}
