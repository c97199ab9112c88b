import type { ZodType } from 'zod';
import type { HttpClient } from '#http';
import type { ParseResult, RawPosting } from './raw-posting';

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
 *
 * `P` is the part of the config parse reads (a source's full config `C` always carries it), so a
 * saved payload can be parsed without a source: `parseConfigSchema` fills its defaults.
 */
export interface SourceAdapter<C = unknown, P = C> {
  readonly kind: string;
  /** Validates the source's config (board token, URLs, selectors...). */
  readonly configSchema: ZodType<C>;
  /**
   * What parse needs, with its defaults: `parseConfigSchema.parse({})` is the config a saved payload
   * is parsed with when none is given (it throws, naming the fields, for a kind that cannot do
   * without, such as html's selectors).
   */
  readonly parseConfigSchema: ZodType<P>;
  fetch(config: C, ctx: FetchContext): Promise<FetchOutcome>;
  /** Pure: no I/O. `url` is the document's URL, for resolving relative links. */
  parse(body: string, config: P, url?: string): ParseResult;
  /**
   * Pure. For kinds whose list pages are only an index of detail requests (their parse yields no
   * postings from them): the entries of a list page as thin postings, for an operator to see what a
   * source lists. Null when the document is not a list page. Ingestion never stores these.
   */
  listEntries?(body: string, config: P, url?: string): RawPosting[] | null;
}
