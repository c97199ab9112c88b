// Plain text of an HTML fragment, for callers that only need the words (search indexing, previews).
import { htmlToTextOnly } from './sanitize-description';

/** Block elements on their own lines, list items as "- item", scripts and styles dropped. */
export function htmlToText(html: string): string {
  return htmlToTextOnly(html);
}
