// Bounds that keep one posting's cost small whatever a source sends (a 2 MB page, binary junk).
// Real postings are a few kilobytes; anything past these limits is boilerplate or garbage.

/** Raw description characters rendered to safe HTML and text. */
export const MAX_DESCRIPTION_CHARS = 300_000;

/** Plain-text characters the extractors read (requirements sit well inside this). */
export const MAX_ANALYSED_CHARS = 40_000;

/** Longest line the extractors look at; longer lines are cut into pieces of this size. */
export const MAX_LINE_CHARS = 1_200;

/** Most lines the extractors look at. */
export const MAX_LINES = 1_500;

/** Nesting depth of tags kept in the safe HTML; deeper tags are unwrapped (their text stays). */
export const MAX_HTML_DEPTH = 48;

/** Longest title kept. */
export const MAX_TITLE_CHARS = 300;
