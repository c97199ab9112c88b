import type { RawPosting } from '#sources';

export const MAX_TITLE_CHARS = 300;
export const MAX_EXTERNAL_ID_CHARS = 512;
/** Longer descriptions are cut, not refused: the start of a posting carries what matters. */
export const MAX_DESCRIPTION_CHARS = 1_000_000;

/**
 * Why a posting cannot be stored, or null when it can. Reasons are short, stable phrases: they are
 * counted per run ("skipped: 3 missing title").
 */
export function rejectReason(raw: RawPosting): string | null {
  if (typeof raw.externalId !== 'string' || raw.externalId.trim() === '') return 'missing external id';
  if (raw.externalId.length > MAX_EXTERNAL_ID_CHARS) return 'external id too long';
  if (typeof raw.title !== 'string' || raw.title.trim() === '') return 'missing title';
  if (raw.title.length > MAX_TITLE_CHARS) return `title longer than ${MAX_TITLE_CHARS} characters`;
  return null;
}

/** The posting with oversize fields trimmed so one huge description cannot swamp a run. */
export function boundPosting(raw: RawPosting): RawPosting {
  if (raw.description && raw.description.length > MAX_DESCRIPTION_CHARS) {
    return { ...raw, description: raw.description.slice(0, MAX_DESCRIPTION_CHARS) };
  }
  return raw;
}
