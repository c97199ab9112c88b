// Decides how to read a description: sources mislabel it (Greenhouse sends HTML escaped once more;
// feeds marked "text" carry <p> and <br>, or Markdown).
import { looksLikeMarkdown, markdownToHtml } from './markdown';

const ESCAPED_TAG = /&lt;\/?(?:p|div|br|ul|ol|li|h[1-6]|b|strong|em|i|span|table|tr|td)\b/i;
const REAL_TAG =
  /<\/?(?:p|div|br|ul|ol|li|h[1-6]|b|strong|em|i|span|table|tr|td|a|section|article)\b[^>]{0,200}>/i;

export interface ReadableDescription {
  content: string;
  format: 'html' | 'text';
}

/** The description as HTML or text, unescaping HTML that arrived escaped. */
export function readableDescription(
  description: string,
  declared: 'html' | 'text' | undefined,
): ReadableDescription {
  const head = description.slice(0, 4000);
  if (ESCAPED_TAG.test(head) && !REAL_TAG.test(head)) {
    return { content: unescapeBasicEntities(description), format: 'html' };
  }
  if (declared === 'html' || REAL_TAG.test(head)) return { content: description, format: 'html' };
  if (looksLikeMarkdown(description)) return { content: markdownToHtml(description), format: 'html' };
  return { content: description, format: 'text' };
}

/** Undoes one level of escaping; the HTML parser decodes every other entity afterwards. */
export function unescapeBasicEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|#x27|apos|amp);/g, (_m, name: string) =>
    name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : name === 'amp' ? '&' : "'",
  );
}
