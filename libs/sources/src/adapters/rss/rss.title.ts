import type { RssTitleFormat } from './rss.config';

// Job feeds pack facts into the item title: the employer ("Acme Health: Coder", "Coder at Acme
// Health") and often the place ("Coder - Dallas, TX", "Coder (Remote - TX, OK or AR)"). The title
// itself is kept whole apart from the employer; the normalizer reads qualifiers itself.

export interface TitleParts {
  title: string;
  employer: string | null;
}

export function splitTitle(title: string, format: RssTitleFormat): TitleParts {
  if (format === 'employer-colon-title') {
    const colon = title.indexOf(': ');
    if (colon > 0 && colon < title.length - 2) {
      return { employer: title.slice(0, colon).trim(), title: title.slice(colon + 2).trim() };
    }
  }
  if (format === 'title-at-employer') {
    const at = title.lastIndexOf(' at ');
    if (at > 0 && at < title.length - 4) {
      return { title: title.slice(0, at).trim(), employer: title.slice(at + 4).trim() };
    }
  }
  return { title, employer: null };
}

const CITY_STATE = /^[A-Za-z][A-Za-z .'-]*,\s*[A-Z]{2}\b/;
const WORK_MODE = /^(?:remote|hybrid|on-?site|telecommute|work from home)\b/i;
const TRAILING_PARENS = /\(([^()]+)\)\s*$/;
const TRAILING_DASH = /\s[-–—|]\s+([^-–—|]+)$/;
const WORK_MODE_TAIL = /\s[-–—|]\s+((?:remote|hybrid|on-?site)\b.*)$/i;

/** A place written at the end of a title, or null: "(Dallas, TX)", "- Remote - must reside in TX". */
export function locationInTitle(title: string): string | null {
  const parens = TRAILING_PARENS.exec(title);
  if (parens && isPlace(parens[1])) return parens[1].trim();
  // A work mode starts the place and may run to the end: "- Remote - must reside in TX, OK or AR".
  const mode = WORK_MODE_TAIL.exec(title);
  if (mode) return mode[1].trim();
  const dash = TRAILING_DASH.exec(title);
  return dash && isPlace(dash[1]) ? dash[1].trim() : null;
}

function isPlace(text: string): boolean {
  const trimmed = text.trim();
  return CITY_STATE.test(trimmed) || WORK_MODE.test(trimmed);
}
