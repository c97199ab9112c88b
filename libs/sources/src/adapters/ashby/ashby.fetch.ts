import type { FetchContext, FetchOutcome } from '../../source-adapter';
import { fetchDocument, notModifiedOutcome } from '../shared/ats-fetch';
import { ashbyJobBoardUrl, type AshbyConfig } from './ashby.config';

/** The board is a single unpaged document, so the fetch is complete or it throws. */
export async function fetchAshby(config: AshbyConfig, ctx: FetchContext): Promise<FetchOutcome> {
  const document = await fetchDocument(ctx, { url: ashbyJobBoardUrl(config), conditional: true });
  if (document.notModified) return notModifiedOutcome(document);
  return { documents: [document], complete: true, notModified: false };
}
