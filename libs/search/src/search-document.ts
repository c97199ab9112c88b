/**
 * The weighted document full-text search runs against: title (A), employer (B), description (C).
 * A stored column kept by the trigger tr_listings_search_document (migration StoredSearchDocument),
 * so index rechecks and phrase matches read it instead of re-parsing the description.
 */
export const SEARCH_DOCUMENT_SQL = 'l.search_document';

/** The cheap part of the document (title and employer only): what relevance is scored on, see text-query.ts. */
export const TITLE_EMPLOYER_DOCUMENT_SQL = 'l.title_document';
