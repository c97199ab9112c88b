import { applyDecorators, Header } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/**
 * A whole HTML document from a page component. Preact escapes every text and attribute value; raw
 * HTML goes in only through `dangerouslySetInnerHTML`, which the pages use for one thing, listing
 * descriptions the normalizer's sanitizer wrote (see SanitizedHtml).
 */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

/** A route answering with a page: HTML, revalidated on every visit, kept out of the OpenAPI document. */
export const HtmlPage = () =>
  applyDecorators(
    Header('Content-Type', HTML_CONTENT_TYPE),
    Header('Cache-Control', 'private, no-cache'),
    ApiExcludeEndpoint(),
  );
