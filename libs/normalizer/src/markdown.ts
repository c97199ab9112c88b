// Postings written in Markdown (static-site job boards, READMEs of job repositories, some feeds that
// say "text"): rendered to HTML so the safe renderer and the extractors see headings, lists and
// paragraphs, not "##", "**" and "[text](url)". Raw HTML inside the Markdown is not passed through:
// the renderer escapes it, and the sanitizer runs on the result anyway.
import MarkdownIt from 'markdown-it';

// A single newline keeps its line: postings put one fact per line without blank lines between.
let renderer: MarkdownIt.MarkdownIt | null = null;

// Signs that text is Markdown rather than plain prose: a heading, a link, bold, a code span.
const MARKDOWN_SIGNS = [
  /^#{1,6}\s+\S/m,
  /\[[^\]\n]{1,200}\]\((?:https?:\/\/|\/|#)[^)\s]{0,500}\)/,
  /(?:^|\s)\*\*[^*\n]{1,200}\*\*(?=\s|[.,:;!?]|$)/m,
  /(?:^|\s)__[^_\n]{1,200}__(?=\s|[.,:;!?]|$)/m,
  /(?:^|\s)`[^`\n]{1,200}`(?=\s|$)/m,
];

// Cheap test first: text with none of these characters has no Markdown sign.
const MARKDOWN_CHARACTERS = /[#*_`\]]/;

/** Whether plain text carries at least two different Markdown signs (one may be chance). */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 8000);
  if (!MARKDOWN_CHARACTERS.test(head)) return false;
  let signs = 0;
  for (const sign of MARKDOWN_SIGNS) if (sign.test(head) && ++signs >= 2) return true;
  return false;
}

export function markdownToHtml(markdown: string): string {
  renderer ??= new MarkdownIt({ html: false, linkify: false, breaks: true, typographer: false });
  return renderer.render(markdown);
}

/** One line of Markdown as plain words: "# [Coder II](https://...)" -> "Coder II". */
export function markdownLineToText(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+#+\s*$/, '')
    .trim();
}
