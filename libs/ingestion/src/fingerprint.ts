import { createHash } from 'node:crypto';

// How duplicates fold (see docs/DEDUPLICATION.md):
// - fingerprint = employer + title, both normalized. The same role from an employer's ATS and from an
//   aggregator, or one role posted once per city, share it and become one listing with N locations.
// - content fingerprint = title + the first part of the description, normalized. An agency repost under
//   the agency's own name shares it even though the employer differs.

const LEGAL_SUFFIXES =
  /\b(inc|incorporated|llc|l\.l\.c|llp|ltd|limited|corp|corporation|co|company|pc|p\.c|pllc|plc|lp|group)\b\.?/g;

export function normalizeEmployerName(name: string | null | undefined): string {
  if (!name) return '';
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(LEGAL_SUFFIXES, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// A trailing location or work-mode qualifier is not part of the role: "Medical Coder - Dallas, TX" and
// "Medical Coder (Remote)" are the same role as "Medical Coder".
const TITLE_QUALIFIERS = [
  /\s*[([][^)\]]*(remote|hybrid|on-?site|telecommute|work from home|wfh)[^)\]]*[)\]]\s*/gi,
  /\s+[-–—|@]\s+(remote|hybrid|on-?site)\b.*$/i,
  /\s+[-–—|@]\s+[A-Za-z .'-]+,\s*[A-Z]{2}\b.*$/,
  /\s*[([]\s*[A-Za-z .'-]+,\s*[A-Z]{2}\s*[)\]]\s*/g,
];

export function normalizeTitle(title: string): string {
  let t = title;
  for (const re of TITLE_QUALIFIERS) t = t.replace(re, ' ');
  return t
    .toLowerCase()
    .replace(/\bsr\.?\b/g, 'senior')
    .replace(/\bjr\.?\b/g, 'junior')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function listingFingerprint(employer: string | null | undefined, title: string): string {
  return sha256(`${normalizeEmployerName(employer)}|${normalizeTitle(title)}`);
}

const CONTENT_SAMPLE_CHARS = 2000;

/** null when the description is too short to be distinctive ("See website"): it must not fold jobs. */
export function contentFingerprint(title: string, descriptionText: string): string | null {
  const body = descriptionText
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .slice(0, CONTENT_SAMPLE_CHARS);
  if (body.length < 200) return null;
  return sha256(`${normalizeTitle(title)}|${body}`);
}

/** sha256 of the raw posting as the source gave it: unchanged content is skipped without normalizing. */
export function rawContentHash(raw: unknown): string {
  return sha256(JSON.stringify(raw));
}
