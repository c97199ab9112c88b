// Turns a source's description into HTML that is safe to render and the plain text the extractors
// read, in one streaming pass. The safe HTML is rebuilt from tokens rather than filtered: only tags
// from the allow-list below are written, with no attributes except a checked href on links, and all
// text is escaped, so nothing the source wrote (scripts, handlers, javascript: URLs, iframes, images
// and tracking pixels, styles) can reach a browser. The tokenizer is htmlparser2's, which is linear and
// keeps no tree, so deeply nested or unclosed markup cannot blow the stack.
import { Parser } from 'htmlparser2';
import { MAX_DESCRIPTION_CHARS, MAX_HTML_DEPTH } from './text-limits';

export interface RenderedDescription {
  html: string;
  text: string;
}

/** Tags kept in the safe HTML, mapped to what is written (b -> strong, h1 -> h2...). */
const KEPT_TAGS: Record<string, string> = {
  p: 'p',
  div: 'div',
  br: 'br',
  hr: 'hr',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  strong: 'strong',
  b: 'strong',
  em: 'em',
  i: 'em',
  u: 'u',
  h1: 'h2',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h5',
  h6: 'h6',
  blockquote: 'blockquote',
  pre: 'pre',
  table: 'table',
  thead: 'thead',
  tbody: 'tbody',
  tr: 'tr',
  th: 'th',
  td: 'td',
  dl: 'dl',
  dt: 'dt',
  dd: 'dd',
  a: 'a',
};

const VOID_TAGS = new Set([
  'br',
  'hr',
  'img',
  'input',
  'meta',
  'link',
  'base',
  'area',
  'col',
  'embed',
  'source',
  'wbr',
]);

/** Dropped with everything inside them. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'noscript',
  'template',
  'svg',
  'math',
  'head',
  'title',
  'form',
  'select',
  'textarea',
  'button',
  'canvas',
  'video',
  'audio',
  'map',
  'applet',
  'noembed',
  'noframes',
  'xmp',
]);

/** Tags after which the plain text breaks the line. */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'dl',
  'dt',
  'dd',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'address',
  'figure',
  'figcaption',
  'center',
]);

const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;
// Controls, zero-width and direction marks: stripped before a URL's scheme is checked.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const URL_NOISE = /[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]+/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;

/** How far back a closing tag looks for its opener; bounds the work on mis-nested markup. */
const CLOSE_SEARCH_DEPTH = 64;

// The tokenizer keeps its own stack of open elements and its work grows with it: past this many
// unclosed elements the rest of the document is garbage and is not read. Input goes in by chunks so
// the check runs often.
const MAX_OPEN_ELEMENTS = 12_000;
const CHUNK_CHARS = 16_384;

// Every text node of every description goes through it: most have nothing to escape, and the rest
// are escaped by plain replacements ("&" first, so no escape is escaped twice) rather than a replacer
// function called per character.
const NEEDS_ESCAPE = /[&<>"']/;

export function escapeHtml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Removes characters that have no place in text (NUL, other controls, non-characters). */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}

function safeHref(value: string | undefined): string | null {
  if (!value) return null;
  const cleaned = value.replace(URL_NOISE, '');
  return SAFE_URL.test(cleaned) && cleaned.length <= 2048 ? cleaned : null;
}

interface OpenTag {
  source: string;
  written: string | null;
}

/** Renders HTML (or text, which becomes escaped paragraphs) into safe HTML and plain text. */
export function renderDescription(input: string, format: 'html' | 'text'): RenderedDescription {
  const bounded = stripControlChars(
    input.length > MAX_DESCRIPTION_CHARS ? input.slice(0, MAX_DESCRIPTION_CHARS) : input,
  );
  return format === 'html' ? renderHtml(bounded, true) : renderText(bounded);
}

/** Plain text of an HTML fragment, block elements on their own lines and list items marked "- ". */
export function htmlToTextOnly(html: string): string {
  const bounded = stripControlChars(
    html.length > MAX_DESCRIPTION_CHARS ? html.slice(0, MAX_DESCRIPTION_CHARS) : html,
  );
  return renderHtml(bounded, false).text;
}

function renderText(text: string): RenderedDescription {
  const normalizedText = tidyText(text);
  const html = normalizedText
    .split(/\n{2,}/)
    .filter((block) => block.trim().length > 0)
    .map((block) => `<p>${block.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
  return { html, text: normalizedText };
}

function renderHtml(input: string, withHtml: boolean): RenderedDescription {
  const out: string[] = [];
  const text: string[] = [];
  const stack: OpenTag[] = [];
  let dropDepth = 0;
  let openElements = 0;

  // One line break between blocks, however many block tags open or close there.
  const breakLine = (marker = '\n'): void => {
    const last = text.length > 0 ? text[text.length - 1] : '\n';
    if (marker === '\n') {
      if (!last.endsWith('\n')) text.push('\n');
    } else text.push(last.endsWith('\n') ? marker.slice(1) : marker);
  };

  const closeTo = (index: number): void => {
    while (stack.length > index) {
      const open = stack.pop() as OpenTag;
      if (open.written) out.push(`</${open.written}>`);
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!VOID_TAGS.has(name)) openElements++;
        if (dropDepth > 0) {
          if (DROPPED_WITH_CONTENT.has(name) && !VOID_TAGS.has(name)) dropDepth++;
          return;
        }
        if (DROPPED_WITH_CONTENT.has(name)) {
          if (!VOID_TAGS.has(name)) dropDepth = 1;
          return;
        }
        if (BLOCK_TAGS.has(name)) breakLine(name === 'li' ? '\n- ' : '\n');
        else if (name === 'td' || name === 'th') text.push(' ');
        if (VOID_TAGS.has(name)) {
          if (withHtml && (name === 'br' || name === 'hr')) out.push(`<${name}>`);
          return;
        }
        const kept = KEPT_TAGS[name];
        let written: string | null = null;
        if (withHtml && kept && stack.length < MAX_HTML_DEPTH) {
          if (kept === 'a') {
            const href = safeHref(attributes.href);
            out.push(href ? `<a href="${escapeHtml(href)}" rel="nofollow noopener noreferrer">` : '<a>');
          } else {
            out.push(`<${kept}>`);
          }
          written = kept;
        }
        stack.push({ source: name, written });
      },
      ontext(data) {
        if (dropDepth > 0) return;
        text.push(data);
        if (withHtml) out.push(escapeHtml(data));
      },
      onclosetag(name, isImplied) {
        if (!VOID_TAGS.has(name)) openElements--;
        if (dropDepth > 0) {
          if (DROPPED_WITH_CONTENT.has(name) && !VOID_TAGS.has(name)) dropDepth--;
          return;
        }
        if (VOID_TAGS.has(name)) return;
        if (BLOCK_TAGS.has(name)) breakLine();
        else if (name === 'th' && !isImplied) text.push(': ');
        else if (name === 'td') text.push(' ');
        const floor = Math.max(0, stack.length - CLOSE_SEARCH_DEPTH);
        for (let i = stack.length - 1; i >= floor; i--) {
          if (stack[i].source === name) {
            closeTo(i);
            return;
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  for (let at = 0; at < input.length && openElements < MAX_OPEN_ELEMENTS; at += CHUNK_CHARS) {
    parser.write(input.slice(at, at + CHUNK_CHARS));
  }
  parser.end();
  closeTo(0);
  return { html: withHtml ? out.join('') : '', text: tidyText(text.join('')) };
}

/** Collapses runs of spaces, trims lines and keeps at most one blank line between blocks. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
