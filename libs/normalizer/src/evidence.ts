// The phrase a fact was read from, cut to a readable length around the words that gave it.
const MAX_PHRASE = 160;

/** The text around [start, end), whole words, at most ~160 characters. */
export function snippet(text: string, start = 0, end = text.length): string {
  if (text.length <= MAX_PHRASE) return text.trim();
  const room = Math.max(0, MAX_PHRASE - (end - start));
  let from = Math.max(0, start - Math.floor(room / 2));
  let to = Math.min(text.length, end + Math.ceil(room / 2));
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}
