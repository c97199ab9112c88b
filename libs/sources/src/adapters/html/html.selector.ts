import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { cleanText } from '../shared/web-text';

/*
 * The field selector mini-syntax used in html source configs:
 *
 *   "a.title"          text of the first element matching the CSS selector
 *   "a.title@href"     the href attribute of that element
 *   "@data-id"         an attribute of the element being read (the list item itself)
 *   "time@datetime"    any attribute: datetime, content, title, data-*...
 *
 * The CSS part is anything cheerio accepts; the optional "@name" suffix picks an attribute instead of
 * the text. Text is read with line breaks kept at <br> and block edges, then whitespace is collapsed.
 * Descriptions are read as HTML: the inner HTML of a single match, or the outer HTML of each match
 * joined when the selector matches several (".job-body > p").
 */

export interface FieldSelector {
  /** null: the context element itself. */
  css: string | null;
  /** null: the text (or HTML) instead of an attribute. */
  attr: string | null;
}

const ATTRIBUTE_SUFFIX = /@([A-Za-z_:][-\w:.]*)$/;

export function parseFieldSelector(spec: string): FieldSelector {
  const trimmed = spec.trim();
  const match = ATTRIBUTE_SUFFIX.exec(trimmed);
  const css = (match ? trimmed.slice(0, match.index) : trimmed).trim();
  return { css: css === '' ? null : css, attr: match ? match[1] : null };
}

/** Why a selector cannot be used, or null. Used by the config schema so errors name the field. */
export function fieldSelectorProblem(spec: string, opts: { attributeAllowed?: boolean } = {}): string | null {
  const { css, attr } = parseFieldSelector(spec);
  if (css === null && attr === null) return 'is empty';
  if (attr !== null && opts.attributeAllowed === false) return 'must be a plain CSS selector (no @attribute)';
  if (css !== null && !compilesAsCss(css)) return `"${css}" is not a valid CSS selector`;
  return null;
}

const probe = load('<p></p>');

function compilesAsCss(css: string): boolean {
  try {
    probe(css);
    return true;
  } catch {
    return false;
  }
}

/** The elements a selector points at, inside `context` (or the context itself for "@attr"). */
function targets(context: Cheerio<AnyNode>, selector: FieldSelector): Cheerio<AnyNode> {
  return selector.css === null ? context : context.find(selector.css);
}

/** The first match's text or attribute, cleaned; null when nothing matches or it is blank. */
export function readField($: CheerioAPI, context: Cheerio<AnyNode>, spec: string): string | null {
  return readFields($, context, spec)[0] ?? null;
}

/** Every match's text or attribute, cleaned, in page order, without blanks. */
export function readFields($: CheerioAPI, context: Cheerio<AnyNode>, spec: string): string[] {
  return readLines($, context, spec)
    .map((lines) => cleanText(lines.join(' ')))
    .filter((text): text is string => text !== null);
}

/** Every match's lines: one entry per match, split at <br> and block edges (multi-city cells). */
export function readLines($: CheerioAPI, context: Cheerio<AnyNode>, spec: string): string[][] {
  const selector = parseFieldSelector(spec);
  const out: string[][] = [];
  targets(context, selector).each((_, element) => {
    const raw = selector.attr === null ? textWithBreaks($, element) : ($(element).attr(selector.attr) ?? '');
    const lines = raw
      .split('\n')
      .map((line) => cleanText(line))
      .filter((line): line is string => line !== null);
    if (lines.length > 0) out.push(lines);
  });
  return out;
}

/** HTML for a description: the inner HTML of one match, or the outer HTML of several. */
export function readHtml($: CheerioAPI, context: Cheerio<AnyNode>, spec: string): string | null {
  const selector = parseFieldSelector(spec);
  const matches = targets(context, selector);
  if (matches.length === 0) return null;
  if (selector.attr !== null) return cleanText(matches.first().attr(selector.attr));
  const html =
    matches.length === 1
      ? (matches.html() ?? '')
      : matches
          .toArray()
          .map((element) => $.html(element))
          .join('\n');
  return html.trim() === '' ? null : html.trim();
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'dd',
  'dt',
]);

function textWithBreaks($: CheerioAPI, element: AnyNode): string {
  let text = '';
  const visit = (node: AnyNode): void => {
    if (node.type === 'text') {
      text += node.data;
      return;
    }
    if (node.type !== 'tag') return;
    const tag = (node as Element).tagName.toLowerCase();
    if (tag === 'br') {
      text += '\n';
      return;
    }
    if (tag === 'script' || tag === 'style') return;
    const block = BLOCK_TAGS.has(tag);
    if (block) text += '\n';
    for (const child of (node as Element).children) visit(child);
    if (block) text += '\n';
  };
  visit(element);
  return text;
}
