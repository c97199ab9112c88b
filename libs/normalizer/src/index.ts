export * from './normalized-listing';
export { normalizePosting, type NormalizeOptions } from './normalize-posting';
export { normalizeDocument, readDocument, detectFormat, type DocumentFormat } from './normalize-document';
export { lookupPlace, lookupPostalCode, type Place, type PlaceQuery } from './lookup-place';
export { preloadUsPlaces } from './us-places';
export { htmlToText } from './html-to-text';
export { renderDescription, type RenderedDescription } from './sanitize-description';
export { EDUCATION_LEVELS, type EducationLevel } from './extract-education';
