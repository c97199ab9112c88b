import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParseError } from '../../parse-error';
import { htmlAdapter } from './index';
import { NEITHER_LIST_NOR_DETAIL_REASON, parseHtml } from './html.parse';

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '../../../../../tests/fixtures/sources/html', name), 'utf8');

const LIST_URL = 'https://careers.prairiecrossing.example.org/careers/openings';
const listConfig = htmlAdapter.configSchema.parse({
  url: LIST_URL,
  employerName: 'Prairie Crossing Hospitals',
  list: {
    item: 'ul.openings > li',
    title: 'a.job-title',
    url: 'a.job-title@href',
    id: '@data-req',
    location: '.job-location',
    employmentType: '.job-type',
    salary: '.pay',
    postedAt: '.posted',
  },
  next: 'a[rel=next]@href',
});
const detailConfig = htmlAdapter.configSchema.parse({
  url: LIST_URL,
  employerName: 'Prairie Crossing Hospitals',
  list: { item: 'ul.openings > li', url: 'a.job-title@href' },
  next: 'a[rel=next]@href',
  detail: {
    description: '.job-description',
    id: 'article.job@data-req',
    location: '.job-meta .location',
    employmentType: '.job-meta .schedule',
    salary: '.job-meta .pay',
    postedAt: 'time@datetime',
  },
});

describe('parseHtml: list items as postings', () => {
  const { postings, skipped } = parseHtml(fixture('openings-page-1.html'), listConfig, LIST_URL);
  const byId = (id: string) => postings.find((p) => p.externalId === id)!;

  it('reads every item, by its id attribute or else its absolute link', () => {
    expect(skipped).toEqual([]);
    expect(postings.map((p) => p.externalId)).toEqual([
      'HIM-2291',
      'HIM-2302',
      'HIM-2288',
      'https://careers.prairiecrossing.example.org/openings/HIM-2279',
    ]);
  });

  it('maps the selected fields, resolving links against the page', () => {
    expect(byId('HIM-2291')).toEqual({
      externalId: 'HIM-2291',
      title: 'Coding Auditor (CPMA)',
      employer: 'Prairie Crossing Hospitals',
      url: 'https://careers.prairiecrossing.example.org/openings/HIM-2291',
      description: null,
      locations: [{ text: 'Amarillo, TX', city: 'Amarillo', state: 'TX', postalCode: null, country: 'US' }],
      salary: { text: '$62,000 - $74,000 a year' },
      employmentType: 'Full-time',
      department: null,
      postedAt: '2026-05-08T00:00:00.000Z',
      extra: {},
    });
  });

  it('decodes entities, keeps remote restrictions as text and reads written dates', () => {
    expect(byId('HIM-2302')).toMatchObject({
      title: 'Remote Coder – Emergency Department',
      url: 'https://careers.prairiecrossing.example.org/openings/HIM-2302#apply',
      locations: [{ text: 'Remote - must reside in TX, OK or AR' }],
      salary: { text: '$0.95 per chart, production based' },
      postedAt: '2026-05-10T00:00:00.000Z',
    });
  });

  it('splits a multi-city cell at <br> and keeps a relative date as text', () => {
    expect(byId('HIM-2288')).toMatchObject({
      locations: [
        { text: 'Hereford, TX', city: 'Hereford', state: 'TX' },
        { text: 'Canyon, TX', city: 'Canyon', state: 'TX' },
      ],
      postedAt: null,
      extra: { postedText: 'Posted 3 days ago' },
    });
  });

  it('skips items without a title or without any id or link, and splits ";" lists', () => {
    const page2 = parseHtml(fixture('openings-page-2.html'), listConfig, `${LIST_URL}?page=2`);
    expect(page2.postings).toHaveLength(1);
    expect(page2.postings[0]).toMatchObject({
      externalId: 'HIM-2270',
      locations: [{ text: 'Amarillo, TX' }, { text: 'Lubbock, TX' }],
      postedAt: '2026-04-27T00:00:00.000Z',
    });
    expect(page2.skipped).toEqual([
      { externalId: 'HIM-2265', reason: 'list item has no title' },
      { externalId: null, reason: 'list item has no id or link' },
    ]);
  });

  it('reads a page without openings as no postings', () => {
    expect(parseHtml(fixture('no-openings.html'), listConfig, LIST_URL)).toEqual({
      postings: [],
      skipped: [],
    });
  });
});

describe('parseHtml: detail pages as postings', () => {
  const page = (id: string) => `https://careers.prairiecrossing.example.org/openings/${id}`;

  it('reads list pages as links only', () => {
    expect(parseHtml(fixture('openings-page-1.html'), detailConfig, LIST_URL)).toEqual({
      postings: [],
      skipped: [],
    });
  });

  it('reads a detail page into one posting with an HTML description', () => {
    const { postings } = parseHtml(fixture('opening-HIM-2288.html'), detailConfig, page('HIM-2288'));
    expect(postings).toHaveLength(1);
    expect(postings[0]).toMatchObject({
      externalId: 'HIM-2288',
      title: 'Charge Entry Specialist',
      employer: 'Prairie Crossing Hospitals',
      url: page('HIM-2288'),
      descriptionFormat: 'html',
      locations: [{ text: 'Hereford, TX' }, { text: 'Canyon, TX' }],
      employmentType: 'Part-time, 24 hours a week',
      salary: { text: '$17.50/hr' },
      postedAt: '2026-05-06T00:00:00.000Z',
    });
    expect(postings[0].description).toBe(
      '<p>Enter charges from superbills for two rural health clinics; CBCS or CPB preferred.</p>',
    );
  });

  it('names a detail page by its URL when no id selector is set', () => {
    const byUrl = htmlAdapter.configSchema.parse({
      ...detailConfig,
      detail: { description: '.job-description' },
    });
    const [posting] = parseHtml(fixture('opening-HIM-2279.html'), byUrl, `${page('HIM-2279')}#top`).postings;
    expect(posting).toMatchObject({
      externalId: page('HIM-2279'),
      title: 'Release of Information Clerk (PRN)',
      salary: null,
    });
  });

  it('reports a page that is neither a list nor a detail page', () => {
    expect(parseHtml(fixture('no-openings.html'), detailConfig, page('HIM-9999'))).toEqual({
      postings: [],
      skipped: [{ externalId: page('HIM-9999'), reason: NEITHER_LIST_NOR_DETAIL_REASON }],
    });
    expect(parseHtml(fixture('no-openings.html'), detailConfig, LIST_URL)).toEqual({
      postings: [],
      skipped: [],
    });
  });
});

describe('parseHtml: documents that are not career pages', () => {
  it('throws a ParseError for an error page, JSON, a feed and an empty body', () => {
    expect(() => parseHtml(fixture('error-page.html'), listConfig, LIST_URL)).toThrow(ParseError);
    expect(() => parseHtml(fixture('error-page.html'), detailConfig, LIST_URL)).toThrow(
      /error page \("Access Denied"\)/,
    );
    expect(() => parseHtml('{"jobs":[]}', listConfig)).toThrow(/response is JSON/);
    expect(() => parseHtml('<?xml version="1.0"?><rss version="2.0"></rss>', listConfig)).toThrow(
      /XML <rss> document/,
    );
    expect(() => parseHtml('', listConfig)).toThrow(/response is empty/);
  });
});

describe('html config', () => {
  const base = { url: LIST_URL, list: { item: 'li.job', title: 'a', url: 'a@href' } };

  it('rejects bad selectors, naming the field', () => {
    const result = htmlAdapter.configSchema.safeParse({ ...base, list: { ...base.list, location: 'span[' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['list', 'location'] });
    expect(result.error?.issues[0].message).toMatch(/not a valid CSS selector/);
    const attrOnItem = htmlAdapter.configSchema.safeParse({
      ...base,
      list: { ...base.list, item: 'li@class' },
    });
    expect(attrOnItem.error?.issues[0]).toMatchObject({ path: ['list', 'item'] });
  });

  it('needs a list title without detail pages, and refuses list fields that detail pages replace', () => {
    const noTitle = htmlAdapter.configSchema.safeParse({
      url: LIST_URL,
      list: { item: 'li', url: 'a@href' },
    });
    expect(noTitle.error?.issues[0]).toMatchObject({ path: ['list', 'title'] });
    const both = htmlAdapter.configSchema.safeParse({ ...base, detail: { description: '.body' } });
    expect(both.error?.issues.map((i) => i.path)).toEqual([['list', 'title']]);
    expect(both.error?.issues[0].message).toMatch(/use detail.title/);
  });

  it('fills defaults', () => {
    expect(
      htmlAdapter.configSchema.parse({
        ...base,
        list: { item: 'li', url: 'a@href' },
        detail: { description: '.b' },
      }),
    ).toMatchObject({
      maxPages: 10,
      maxDetails: 300,
      detail: { title: 'h1' },
    });
  });
});
