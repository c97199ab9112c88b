import type { CheerioAPI } from 'cheerio';
import type { ParseResult, RawPosting, SkippedPosting } from '../../raw-posting';
import { ParseError } from '../../parse-error';
import { compactRecord } from '../shared/ats-json-fields';
import { locationsFromTexts } from '../shared/ats-location';
import { errorPageTitle, loadHtmlPage } from '../shared/web-html-page';
import { resolveUrl, withoutFragment } from '../shared/web-url';
import type { HtmlConfig, HtmlDetailConfig } from './html.config';
import { readPageDate } from './html.dates';
import { readDetailPage, readListPage, type FieldReadings } from './html.page';

const KIND = 'html';

export const NEITHER_LIST_NOR_DETAIL_REASON = 'page has neither list items nor a detail description';

/**
 * Reads one career page with the source's selectors. Without a detail section, list items are the
 * postings. With one, the job's own page is the posting and list pages only give links (fetch
 * follows them), so a page is read as a list page when it has list items and as a detail page
 * when it has none but shows a description.
 * A page with no list items that reads like an error page ("404", "Access denied") throws.
 */
export function parseHtml(body: string, config: HtmlConfig, url?: string): ParseResult {
  const $ = loadHtmlPage(KIND, body);
  const pageUrl = resolveUrl(url ?? config.url) ?? config.url;
  const list = readListPage($, config, pageUrl);

  if (list.items.length === 0) {
    const errorTitle = errorPageTitle($);
    if (errorTitle) {
      throw new ParseError(KIND, `${pageUrl} is an error page ("${errorTitle}"), not a career page`);
    }
  }
  if (!config.detail) return listPostings(list.items, config);
  if (list.items.length > 0) return { postings: [], skipped: [] };
  return detailPosting($, config, config.detail, pageUrl);
}

function detailPosting(
  $: CheerioAPI,
  config: HtmlConfig,
  detail: HtmlDetailConfig,
  pageUrl: string,
): ParseResult {
  const page = readDetailPage($, detail, pageUrl);
  const skip = (reason: string, externalId = page.id): ParseResult => ({
    postings: [],
    skipped: [{ externalId, reason }],
  });
  if (!page.description) {
    // The first list page with no openings is not a broken detail page.
    const isFirstListPage = withoutFragment(pageUrl) === withoutFragment(config.url);
    return isFirstListPage ? { postings: [], skipped: [] } : skip(NEITHER_LIST_NOR_DETAIL_REASON);
  }
  if (!page.id) return skip('detail page has no id', null);
  if (!page.title) return skip('detail page has no title');
  const posting = toRawPosting(page, page.id, page.title, config);
  return {
    postings: [{ ...posting, description: page.description, descriptionFormat: 'html' }],
    skipped: [],
  };
}

function listPostings(items: FieldReadings[], config: HtmlConfig): ParseResult {
  const postings: RawPosting[] = [];
  const skipped: SkippedPosting[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (!item.id) skipped.push({ externalId: null, reason: 'list item has no id or link' });
    else if (!item.title) skipped.push({ externalId: item.id, reason: 'list item has no title' });
    else if (seen.has(item.id))
      skipped.push({ externalId: item.id, reason: 'list item repeats an id on the page' });
    else {
      seen.add(item.id);
      postings.push(toRawPosting(item, item.id, item.title, config));
    }
  }
  return { postings, skipped };
}

function toRawPosting(
  reading: FieldReadings,
  externalId: string,
  title: string,
  config: HtmlConfig,
): RawPosting {
  const postedAt = readPageDate(reading.postedAt);
  return {
    externalId,
    title,
    employer: config.employerName ?? null,
    url: reading.url,
    description: null,
    locations: locationsFromTexts(reading.locations),
    salary: reading.salary ? { text: reading.salary } : null,
    employmentType: reading.employmentType,
    department: reading.department,
    postedAt,
    extra: compactRecord({ postedText: postedAt ? null : reading.postedAt }),
  };
}
