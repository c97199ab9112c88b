import type { CodingSystem, Credential, MatchableListing } from '#taxonomy';

/** A listing as a digest knows it: the matchable facts plus what it filters on and shows. */
export interface DigestListing extends MatchableListing {
  codingSystems: CodingSystem[];
  /** Every credential named (required, any-of, preferred). */
  certsAll: Credential[] | string[];
  /** States of its locations. */
  states: string[];
  /** ISO 8601: posted, else first seen ("newest first" order). */
  sortAt: string;
  /** The transaction that last opened it. */
  openedXid: bigint;
}
