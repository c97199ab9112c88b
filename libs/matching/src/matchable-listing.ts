// What matching needs from a listing is defined with the listing's facts, in taxonomy, so that the
// database layer and the search index build it without depending on matching.
export type { MatchableListing } from '#taxonomy';
