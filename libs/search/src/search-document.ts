/**
 * The weighted document full-text search runs against: title (A), employer (B), description (C).
 * It must stay character-for-character equivalent to the expression of the GIN index
 * ix_listings_open_search_document (migration SearchIndexesAndCandidates), or the planner stops using
 * the index and recomputes it for every row.
 */
export const SEARCH_DOCUMENT_SQL =
  "(setweight(to_tsvector('english'::regconfig, l.title), 'A')" +
  " || setweight(to_tsvector('english'::regconfig, coalesce(l.employer_name, '')), 'B')" +
  " || setweight(to_tsvector('english'::regconfig, l.description_text), 'C'))";

/** The cheap part of the document (short fields only): what relevance is scored on, see text-query.ts. */
export const TITLE_EMPLOYER_DOCUMENT_SQL =
  "(setweight(to_tsvector('english'::regconfig, l.title), 'A')" +
  " || setweight(to_tsvector('english'::regconfig, coalesce(l.employer_name, '')), 'B'))";
