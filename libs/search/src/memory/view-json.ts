import type { ListingView } from '../listing-view';

// The JSON text of cached list views, written once per view object rather than once per response.
// A match page is 44 KB of JSON, two thirds of it list views, and the views of popular listings are
// served again and again from the view cache, so serializing them dominated the cost of writing a
// response. A view is never changed after it is built (a changed listing gets a new view object), so
// its text is kept for as long as the object lives.

const texts = new WeakMap<object, string | null>();

/** Marks a view as worth keeping the text of (it sits in a cache and will be served again). */
export function keepViewJson(view: ListingView): void {
  if (!texts.has(view)) texts.set(view, null);
}

/** The JSON text of a kept view (written on first use), or undefined for any other value. */
export function keptJson(value: object): string | undefined {
  const text = texts.get(value);
  if (text === undefined) return undefined;
  if (text !== null) return text;
  const written = JSON.stringify(value);
  texts.set(value, written);
  return written;
}
