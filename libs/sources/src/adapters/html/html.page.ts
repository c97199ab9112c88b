import type { CheerioAPI } from 'cheerio';
import { resolveUrl, withoutFragment } from '../shared/web-url';
import { splitLocationList } from '../shared/web-text';
import type { HtmlConfig, HtmlDetailConfig } from './html.config';
import { readField, readHtml, readLines } from './html.selector';

// Reading list pages and detail pages with the configured selectors. Pure: parse builds postings
// from these readings, and fetch uses the list reading to find detail links and the next page.

export interface FieldReadings {
  title: string | null;
  id: string | null;
  url: string | null;
  locations: string[];
  postedAt: string | null;
  employmentType: string | null;
  salary: string | null;
  department: string | null;
}

export interface ListPageReading {
  items: FieldReadings[];
  nextUrl: string | null;
}

type OptionalFields = Partial<
  Record<'id' | 'location' | 'postedAt' | 'employmentType' | 'salary' | 'department', string>
>;

export function readListPage(
  $: CheerioAPI,
  config: Pick<HtmlConfig, 'list' | 'next'>,
  pageUrl: string,
): ListPageReading {
  const { list } = config;
  const items = $(list.item)
    .toArray()
    .map((element) => {
      const item = $(element);
      const url = resolveUrl(readField($, item, list.url), pageUrl);
      const readings = readOptional($, item, list);
      return {
        ...readings,
        title: list.title ? readField($, item, list.title) : null,
        url,
        id: readings.id ?? (url ? withoutFragment(url) : null),
      };
    });
  const next = config.next ? resolveUrl(readField($, $.root(), config.next), pageUrl) : null;
  return { items, nextUrl: next && withoutFragment(next) !== withoutFragment(pageUrl) ? next : null };
}

export interface DetailPageReading extends FieldReadings {
  description: string | null;
}

export function readDetailPage($: CheerioAPI, detail: HtmlDetailConfig, pageUrl: string): DetailPageReading {
  const root = $.root();
  const readings = readOptional($, root, detail);
  return {
    ...readings,
    title: readField($, root, detail.title),
    id: readings.id ?? withoutFragment(pageUrl),
    url: pageUrl,
    description: readHtml($, root, detail.description),
  };
}

function readOptional(
  $: CheerioAPI,
  context: Parameters<typeof readField>[1],
  fields: OptionalFields,
): Omit<FieldReadings, 'title' | 'url'> {
  const read = (spec: string | undefined) => (spec ? readField($, context, spec) : null);
  return {
    id: read(fields.id),
    locations: fields.location
      ? readLines($, context, fields.location).flat().flatMap(splitLocationList)
      : [],
    postedAt: read(fields.postedAt),
    employmentType: read(fields.employmentType),
    salary: read(fields.salary),
    department: read(fields.department),
  };
}
