import type { ParseResult, RawPosting, SkippedPosting } from '../../raw-posting';
import { asRecord, readPostingKey, type JsonRecord } from './ats-json-fields';

// The loop every ATS parser runs over a list of postings: read each item's id and title, skip what
// lacks either, and turn the rest into RawPostings (or skip them for a source-specific reason).

/** What `build` returns for a posting that has an id and a title but must still be left out. */
export interface PostingSkip {
  skip: string;
}

export interface PostingFields {
  /** The posting's externalId, read from its record (`item` is the list entry it came from). */
  id: (record: JsonRecord, item: unknown) => string | null;
  title: (record: JsonRecord) => string | null;
  /** The record that holds the posting; by default the item itself. */
  record?: (item: unknown) => JsonRecord | null;
}

export function collectPostings(
  items: readonly unknown[],
  fields: PostingFields,
  build: (record: JsonRecord, externalId: string, title: string) => RawPosting | PostingSkip,
): ParseResult {
  const postings: RawPosting[] = [];
  const skipped: SkippedPosting[] = [];
  for (const item of items) {
    const record = fields.record ? fields.record(item) : asRecord(item);
    const key = readPostingKey(
      record,
      record ? fields.id(record, item) : null,
      record ? fields.title(record) : null,
    );
    if (!key.ok) {
      skipped.push(key.skip);
      continue;
    }
    const built = build(key.record, key.externalId, key.title);
    if ('skip' in built) skipped.push({ externalId: key.externalId, reason: built.skip });
    else postings.push(built);
  }
  return { postings, skipped };
}
