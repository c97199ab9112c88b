import { HttpError } from '#http';
import type { FetchContext, FetchedDocument, FetchOutcome } from '../../source-adapter';
import { fetchDocument, isCancellation, notModifiedOutcome, readJsonQuietly } from '../shared/ats-fetch';
import { asArray, asNumber, asRecord } from '../shared/ats-json-fields';
import { usajobsSearchUrl, type UsajobsConfig } from './usajobs.config';

/** The source has no API key to send. The message names where the key is looked for, never a key. */
export class UsajobsApiKeyMissingError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(envName: string) {
    super(`usajobs: no API key: set apiKey in the source config or the ${envName} environment variable`);
    this.name = 'UsajobsApiKeyMissingError';
  }
}

/**
 * Pages through the Search API (Page=1..NumberOfPages). Every request carries the key and the
 * registered e-mail in headers; the key never appears in a URL, and any error that escapes is
 * rebuilt without it, because run errors are stored and logged.
 */
export async function fetchUsajobs(config: UsajobsConfig, ctx: FetchContext): Promise<FetchOutcome> {
  const apiKey = config.apiKey ?? process.env[config.apiKeyEnv];
  if (!apiKey) throw new UsajobsApiKeyMissingError(config.apiKeyEnv);
  const headers = {
    host: new URL(config.baseUrl).host,
    'authorization-key': apiKey,
    accept: 'application/json',
  };

  const documents: FetchedDocument[] = [];
  for (let page = 1; page <= config.maxPages; page++) {
    let document: FetchedDocument;
    try {
      document = await fetchDocument(ctx, {
        url: usajobsSearchUrl(config, page),
        headers,
        // The API identifies callers by the registered e-mail in the User-Agent.
        userAgent: config.email,
        conditional: page === 1,
      });
    } catch (err) {
      if (page === 1 || isCancellation(err)) throw withoutSecret(err, apiKey);
      return { documents, complete: false, notModified: false };
    }
    if (page === 1 && document.notModified) return notModifiedOutcome(document);
    documents.push(document);

    const result = asRecord(asRecord(readJsonQuietly(document.body))?.SearchResult);
    if (!result) return { documents, complete: false, notModified: false }; // parse reports the document
    const items = asArray(result.SearchResultItems);
    const pages = asNumber(asRecord(result.UserArea)?.NumberOfPages);
    const lastPage = pages === null ? items.length < config.resultsPerPage : page >= pages;
    if (items.length === 0 || lastPage) return { documents, complete: true, notModified: false };
  }
  // maxPages reached with pages left: the snapshot is partial.
  return { documents, complete: false, notModified: false };
}

/** The same error with every occurrence of the secret replaced, and no cause that might hold it. */
export function withoutSecret(err: unknown, secret: string): unknown {
  if (!(err instanceof Error)) return err;
  const scrub = (text: string) => text.split(secret).join('[redacted]');
  if (err instanceof HttpError) {
    return new HttpError(err.code, scrub(err.message), scrub(err.url), err.status);
  }
  if (!err.message.includes(secret) && !(err.stack ?? '').includes(secret)) return err;
  const clean = new Error(scrub(err.message));
  clean.name = err.name;
  return clean;
}
