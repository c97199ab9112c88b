// Normalizes a posting saved as a file (`cli normalize FILE`): a RawPosting-like JSON object, a JSON-LD
// JobPosting, a career page (with or without embedded JSON-LD) or plain text whose first line is the
// title. The format is detected when not given, from the file name and then from the content.
import type { NormalizedListing } from './normalized-listing';
import type { RawLocation, RawPosting } from '#sources';
import { findJobPosting, jobPostingToRaw } from './read-json-ld';
import { normalizePosting, type NormalizeOptions } from './normalize-posting';
import { htmlToTextOnly } from './sanitize-description';
import { MAX_DESCRIPTION_CHARS } from './text-limits';
import { applyFrontMatter, splitFrontMatter } from './front-matter';
import { markdownLineToText } from './markdown';

export type DocumentFormat = 'text' | 'html' | 'json';

const LD_JSON_SCRIPT =
  /<script\b[^>]{0,200}\btype\s*=\s*["']?application\/ld\+json["']?[^>]{0,200}>([\s\S]{0,500000}?)<\/script\s*>/gi;
const MAX_SCRIPTS = 20;

export function detectFormat(content: string, fileName?: string): DocumentFormat {
  const extension = /\.([a-z]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (extension === 'json' || extension === 'jsonld') return 'json';
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml') return 'html';
  if (extension === 'txt' || extension === 'text' || extension === 'md') return 'text';
  const head = content.slice(0, 2000).trimStart();
  if (/^[{[]/.test(head)) return 'json';
  if (
    /^<(?:!doctype|html|head|body|div|article|section|main|p|h[1-6])\b/i.test(head) ||
    /<\/(?:p|div|li|h[1-6])>/i.test(head)
  )
    return 'html';
  return 'text';
}

function documentId(fileName: string | undefined): string {
  return fileName ? (fileName.split(/[\\/]/).pop() ?? fileName) : 'document';
}

function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A JSON object shaped like a RawPosting, with each field checked rather than trusted. */
function rawPostingFromObject(object: Record<string, unknown>, id: string): RawPosting {
  const locations = Array.isArray(object.locations)
    ? object.locations.filter((l): l is RawLocation => l !== null && typeof l === 'object')
    : [];
  const format =
    object.descriptionFormat === 'text' || object.descriptionFormat === 'html'
      ? object.descriptionFormat
      : undefined;
  const salary =
    object.salary && typeof object.salary === 'object' ? (object.salary as RawPosting['salary']) : null;
  return {
    externalId: asString(object.externalId) ?? id,
    title: asString(object.title) ?? '',
    employer: asString(object.employer),
    url: asString(object.url),
    description: asString(object.description),
    descriptionFormat: format,
    locations,
    remote: typeof object.remote === 'boolean' ? object.remote : null,
    workplaceType: asString(object.workplaceType),
    applicantLocations: Array.isArray(object.applicantLocations)
      ? object.applicantLocations.filter((a): a is string => typeof a === 'string')
      : [],
    salary,
    employmentType: asString(object.employmentType),
    department: asString(object.department),
    postedAt: asString(object.postedAt),
    validThrough: asString(object.validThrough),
    extra:
      object.extra && typeof object.extra === 'object'
        ? (object.extra as Record<string, unknown>)
        : undefined,
  };
}

function fromJson(content: string, id: string): RawPosting | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return null;
  }
  const jobPosting = findJobPosting(parsed);
  if (jobPosting) return jobPostingToRaw(jobPosting, id);
  if (
    parsed &&
    typeof parsed === 'object' &&
    !Array.isArray(parsed) &&
    typeof (parsed as { title?: unknown }).title === 'string'
  ) {
    return rawPostingFromObject(parsed as Record<string, unknown>, id);
  }
  return null;
}

function titleFromHtml(html: string): string {
  const h1 = /<h1\b[^>]{0,500}>([\s\S]{0,2000}?)<\/h1>/i.exec(html);
  if (h1) {
    const text = htmlToTextOnly(h1[1]).replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  const title = /<title\b[^>]{0,200}>([\s\S]{0,2000}?)<\/title>/i.exec(html);
  // "Coder II | Careers at X": the part before the site name.
  const fromTitle = title
    ? htmlToTextOnly(title[1])
        .replace(/\s+/g, ' ')
        .split(/\s[|–—]\s|\s-\s(?=careers|jobs)/i)[0]
        .trim()
    : '';
  if (fromTitle) return fromTitle;
  const heading = /<(h[2-4])\b[^>]{0,500}>([\s\S]{0,2000}?)<\/\1>/i.exec(html);
  const fromHeading = heading ? htmlToTextOnly(heading[2]).replace(/\s+/g, ' ').trim() : '';
  return fromHeading || (htmlToTextOnly(html.slice(0, 20000)).split('\n')[0] ?? '').slice(0, 200);
}

function fromHtml(content: string, id: string): RawPosting {
  LD_JSON_SCRIPT.lastIndex = 0;
  let scripts = 0;
  for (
    let m = LD_JSON_SCRIPT.exec(content);
    m && scripts < MAX_SCRIPTS;
    m = LD_JSON_SCRIPT.exec(content), scripts++
  ) {
    const raw = fromJson(m[1].trim(), id);
    if (raw && raw.title) return raw;
  }
  return { externalId: id, title: titleFromHtml(content), description: content, descriptionFormat: 'html' };
}

// Pages saved as text often open with the employer's name, then the title a few lines down.
const JOB_TITLE_NOUN =
  /\b(?:coder|coders|biller|billers|specialist|coordinator|representative|rep|manager|supervisor|director|analyst|associate|poster|processor|technician|auditor|educator|assistant|clerk|registrar|abstractor|integrity|officer|lead|engineer|nurse)\b/i;
const ORGANISATION_NAME =
  /\b(?:center|centre|hospital|health|healthcare|group|clinic|institute|associates|partners|llc|inc|pllc|rehab|rehabilitation|nursing|medical|physicians|system|services|care)\.?$/i;
const TITLE_LOOKAHEAD = 8;

// Pages saved as text may open with the site's chrome ("Logo", "Skip to Main Content") or with a
// section heading ("Job Description", "GENERAL SUMMARY") rather than the title.
const PAGE_CHROME =
  /^(?:logo|skip to (?:main )?content|skip navigation|main menu|menu|home|back to (?:[\w ]{0,20})?(?:jobs|search|results)|apply now|apply|share|sign in|log in|search jobs|job details|careers|new|#[\w-]+)$|^we use cookies\b|\bcookies\b.{0,80}\b(?:browse|browsing|consent|accept|agree)/i;
const SECTION_HEADING =
  /^(?:job description|description|general summary|position summary|job summary|summary|overview|about the (?:role|job|position)|position details|job details)\s*:?$/i;
// "The Credit Resolution Specialist (CMG) is responsible for ...": the summary names the title.
const TITLE_IN_SUMMARY =
  /\b[Tt]he\s+((?:[A-Z][\w&/.-]*\s+){0,5}[A-Z][\w-]*(?:\s+\([A-Z]{2,8}\))?),?\s+(?:is|will|works|serves|performs|provides|coordinates|processes|handles|supports)\b/;
const SUMMARY_LOOKAHEAD = 6;

function titleLike(line: string): boolean {
  return line.length <= 80 && !/[.:!?]$/.test(line) && JOB_TITLE_NOUN.test(line);
}

/** Where the title is: a line (its index) or, failing that, a title named in the opening summary. */
function findTitle(lines: string[], first: number): { at: number; title?: string } {
  let at = first;
  for (let looked = 0; at < lines.length && looked < TITLE_LOOKAHEAD; at++) {
    const line = lines[at].trim();
    if (!line) continue;
    if (!PAGE_CHROME.test(line)) break;
    looked++;
  }
  if (at >= lines.length) return { at: first };
  const line = lines[at].trim();
  const heading = SECTION_HEADING.test(line) || PAGE_CHROME.test(line);
  if (!heading && (JOB_TITLE_NOUN.test(line) || !ORGANISATION_NAME.test(line))) return { at };
  let looked = 0;
  for (let i = at + 1; i < lines.length && looked < TITLE_LOOKAHEAD; i++) {
    const next = lines[i].trim();
    if (!next || SECTION_HEADING.test(next)) continue;
    looked++;
    if (titleLike(next)) return { at: i };
    if (heading && looked <= SUMMARY_LOOKAHEAD) {
      const named = TITLE_IN_SUMMARY.exec(next.slice(0, 400));
      if (
        named &&
        JOB_TITLE_NOUN.test(
          named[1]
            .replace(/\s*\([^)]*\)$/, '')
            .split(/\s+/)
            .pop() ?? '',
        )
      ) {
        return { at: -1, title: named[1] };
      }
    }
  }
  return { at: heading ? at : first };
}

/** A first line in Markdown ("# [Coder II](https://...)") is a title with its marks taken off. */
function titleLine(line: string): string {
  return /^\s{0,3}#{1,6}\s|\[[^\]]*\]\(|\*\*|`/.test(line) ? markdownLineToText(line) : line.trim();
}

function fromText(content: string, id: string): RawPosting {
  const text = content.replace(/^\ufeff/, '');
  // Front matter carries the title and the other fields; the body is the description.
  const front = splitFrontMatter(text);
  if (front) {
    const raw = applyFrontMatter({ externalId: id, title: '', descriptionFormat: 'text' }, front);
    if (raw.title) return raw;
    const body = fromText(front.body, id);
    return { ...raw, title: body.title, description: body.description };
  }
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim().length > 0);
  if (first < 0) return { externalId: id, title: '', description: '', descriptionFormat: 'text' };
  const { at: titleAt, title } = findTitle(lines, first);
  if (titleAt < 0) {
    return {
      externalId: id,
      title: title ?? '',
      description: lines.slice(first).join('\n'),
      descriptionFormat: 'text',
    };
  }
  // The lines before a title found further down (the employer's name) stay in the description.
  return {
    externalId: id,
    title: titleLine(lines[titleAt]),
    description: [...lines.slice(first, titleAt), ...lines.slice(titleAt + 1)].join('\n'),
    descriptionFormat: 'text',
  };
}

/** Reads a saved posting of any supported format into a RawPosting. */
export function readDocument(content: string, format?: DocumentFormat, fileName?: string): RawPosting {
  const text = typeof content === 'string' ? content.slice(0, MAX_DESCRIPTION_CHARS * 2) : '';
  const id = documentId(fileName);
  const detected = format ?? detectFormat(text, fileName);
  if (detected === 'json') return fromJson(text, id) ?? fromText(text, id);
  if (detected === 'html') return fromHtml(text, id);
  return fromText(text, id);
}

export function normalizeDocument(
  content: string,
  format?: DocumentFormat,
  fileName?: string,
  options?: NormalizeOptions,
): NormalizedListing {
  return normalizePosting(readDocument(content, format, fileName), options);
}
