import type { ZodType } from 'zod';
import type { HttpClient } from '#http';
import type { ParseResult } from './raw-posting';

/** Conditional-request validators remembered per URL between runs of a source. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchContext {
  http: HttpClient;
  /** Validators stored from the last successful run, by URL. */
  validators: ReadonlyMap<string, Validators>;
  signal?: AbortSignal;
}

/** One document fetched from a source: a list page, a detail object, a feed, an HTML page. */
export interface FetchedDocument {
  url: string;
  /** The raw body, exactly as served; parse() reads it. Empty when notModified. */
  body: string;
  contentType: string | null;
  notModified: boolean;
  etag: string | null;
  lastModified: string | null;
}

export interface FetchOutcome {
  documents: FetchedDocument[];
  /**
   * True when every page of the source was fetched, so a posting missing from it is really gone.
   * A partial fetch (paging cut short, a detail page failed) must say false: it closes nothing.
   */
  complete: boolean;
  /** True when the source answered 304 for everything: nothing to parse, nothing to close. */
  notModified: boolean;
}

/**
 * A source adapter. fetch does the I/O through the shared polite client; parse is pure and reads one
 * fetched document (a list response, a single posting object, a feed, a page) into raw postings.
 * Adding a source kind is one folder exporting one of these and one line in the registry.
 */
export interface SourceAdapter<C = unknown> {
  readonly kind: string;
  /** Validates the source's config (board token, URLs, selectors...). */
  readonly configSchema: ZodType<C>;
  fetch(config: C, ctx: FetchContext): Promise<FetchOutcome>;
  /** Pure: no I/O. `url` is the document's URL, for resolving relative links. */
  parse(body: string, config: C, url?: string): ParseResult;
}
