import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParseError } from '../../parse-error';
import { rssAdapter } from './index';
import { parseRss } from './rss.parse';
import { locationInTitle, splitTitle } from './rss.title';

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '../../../../../tests/fixtures/sources/rss', name), 'utf8');

const BOARD_URL = 'https://codingboard.example.org/feeds/coding.rss';
const boardConfig = rssAdapter.configSchema.parse({ url: BOARD_URL, titleFormat: 'employer-colon-title' });

describe('parseRss: an RSS 2.0 board feed with job elements', () => {
  const { postings, skipped } = parseRss(fixture('coding-board.rss.xml'), boardConfig, BOARD_URL);
  const byId = (id: string) => postings.find((p) => p.externalId === id)!;

  it('reads every usable item once and says why the others were skipped', () => {
    expect(postings.map((p) => p.externalId)).toEqual([
      'cb-48213',
      'https://codingboard.example.org/jobs/48207-profee-coder',
      'cb-48199',
      'https://codingboard.example.org/jobs/48190-medical-biller',
    ]);
    expect(skipped).toEqual([
      { externalId: 'cb-48188', reason: 'item has no title' },
      { externalId: null, reason: 'item has no guid, id or link' },
      { externalId: 'cb-48213', reason: 'item repeats an earlier guid in the feed' },
    ]);
  });

  it('splits "Employer: Title" and reads namespaced job elements', () => {
    expect(byId('cb-48213')).toMatchObject({
      title: 'Inpatient Coder II',
      employer: 'Northpine Health',
      url: 'https://codingboard.example.org/jobs/48213-inpatient-coder-ii',
      descriptionFormat: 'html',
      locations: [{ text: 'Remote - must reside in TX, OK or AR' }],
      employmentType: 'Full-Time',
      salary: { text: '$28.00 - $34.50 per hour' },
      postedAt: '2026-05-12T18:30:00.000Z',
      validThrough: '2026-06-30T00:00:00.000Z',
      extra: { categories: ['Medical Coding', 'Inpatient'], author: 'Northpine Talent Team' },
    });
  });

  it('prefers content:encoded over description, keeping its markup', () => {
    const description = byId('cb-48213').description!;
    expect(description).toContain('<li>ICD-10-CM, ICD-10-PCS and MS-DRG assignment</li>');
    expect(description).toContain('CCS required; RHIT or RHIA preferred.');
  });

  it('unescapes an entity-encoded description and splits multi-city locations', () => {
    const profee = byId('https://codingboard.example.org/jobs/48207-profee-coder');
    expect(profee.description).toBe(
      '<p>E/M and minor procedure coding for 40 providers. CPC or CCS-P required; CPC-A with 1 year considered.</p><p>Pay: $21&ndash;$26/hr.</p>',
    );
    expect(profee.locations).toEqual([
      { text: 'Tulsa, OK 74103', city: 'Tulsa', state: 'OK', postalCode: '74103', country: 'US' },
      { text: 'Little Rock, AR', city: 'Little Rock', state: 'AR', postalCode: null, country: 'US' },
    ]);
    expect(profee.url).toBe('https://codingboard.example.org/jobs/48207-profee-coder');
    expect(profee.extra).toEqual({});
  });

  it('resolves a relative link against the feed and reads a place from the title', () => {
    const oasis = byId('cb-48199');
    expect(oasis.url).toBe('https://codingboard.example.org/jobs/48199-oasis-coding-specialist');
    expect(oasis.title).toBe('OASIS Coding Specialist – Remote (must reside in FL or GA)');
    expect(oasis.locations).toEqual([{ text: 'Remote (must reside in FL or GA)' }]);
    expect(oasis.descriptionFormat).toBe('text');
  });

  it('falls back to the link as id and reads a <region>', () => {
    const biller = byId('https://codingboard.example.org/jobs/48190-medical-biller');
    expect(biller.locations).toEqual([{ text: 'USA Only' }]);
    expect(biller.employer).toBe('Summit Ridge Billing Co.');
  });

  it('uses the configured employer over anything in the items', () => {
    const config = rssAdapter.configSchema.parse({ url: BOARD_URL, employerName: 'Coding Board Clients' });
    const first = parseRss(fixture('coding-board.rss.xml'), config, BOARD_URL).postings[0];
    expect(first).toMatchObject({
      employer: 'Coding Board Clients',
      title: 'Northpine Health: Inpatient Coder II',
    });
  });
});

describe('parseRss: an Atom employer feed', () => {
  const FEED_URL = 'https://careers.prairiecrossing.example.org/feeds/him.atom';
  const config = rssAdapter.configSchema.parse({ url: FEED_URL, employerName: 'Prairie Crossing Hospitals' });
  const { postings, skipped } = parseRss(fixture('employer-careers.atom.xml'), config, FEED_URL);

  it('reads entries with ids, alternate links and dates', () => {
    expect(skipped).toEqual([]);
    expect(postings[0]).toMatchObject({
      externalId: 'urn:prairiecrossing:req:HIM-2291',
      title: 'Coding Auditor (CPMA) - Hybrid, Amarillo, TX',
      employer: 'Prairie Crossing Hospitals',
      url: 'https://careers.prairiecrossing.example.org/jobs/HIM-2291',
      locations: [{ text: 'Hybrid, Amarillo, TX' }],
      postedAt: '2026-05-08T20:00:00.000Z',
      descriptionFormat: 'html',
      extra: {
        categories: ['Health Information Management'],
        author: 'Prairie Crossing HR',
        updatedAt: '2026-05-11T14:30:00.000Z',
      },
    });
    expect(postings[0].description).toContain(
      '<p>CPMA required; CPC or CCS also required. $62,000 - $74,000 per year.</p>',
    );
  });

  it('writes xhtml content back out and keeps a text summary as text', () => {
    expect(postings[1].description).toContain('<li>CBCS or CPB preferred</li>');
    expect(postings[1].postedAt).toBe('2026-05-06T12:00:00.000Z');
    expect(postings[2]).toMatchObject({
      url: 'https://careers.prairiecrossing.example.org/jobs/HIM-2279',
      description: 'Per diem. Process record requests; HIPAA training provided.',
      descriptionFormat: 'text',
      locations: [],
    });
  });
});

describe('parseRss: title formats', () => {
  it('splits "Title at Employer" at the last " at "', () => {
    const config = rssAdapter.configSchema.parse({
      url: 'https://x.example/feed',
      titleFormat: 'title-at-employer',
    });
    const { postings } = parseRss(fixture('aggregator-title-at.rss.xml'), config);
    expect(postings.map((p) => [p.title, p.employer])).toEqual([
      ['Coding Quality Educator', 'Brightwater Revenue Partners'],
      ['Work at Home Coder', 'Cedar Valley Physician Group'],
    ]);
    expect(postings[0].extra).toEqual({});
  });

  it('leaves titles whole when the feed is plain', () => {
    expect(splitTitle('Work at Home Coder', 'plain')).toEqual({
      title: 'Work at Home Coder',
      employer: null,
    });
    expect(splitTitle('No colon here', 'employer-colon-title')).toEqual({
      title: 'No colon here',
      employer: null,
    });
  });

  it('finds a place only where the title ends with one', () => {
    expect(locationInTitle('Coder (Dallas, TX)')).toBe('Dallas, TX');
    expect(locationInTitle('Coder - Remote - must reside in TX, OK or AR')).toBe(
      'Remote - must reside in TX, OK or AR',
    );
    expect(locationInTitle('Medical Billing Specialist - AR Follow-up')).toBeNull();
    expect(locationInTitle('Release of Information Clerk (PRN)')).toBeNull();
  });
});

describe('parseRss: documents that are not feeds', () => {
  const config = rssAdapter.configSchema.parse({ url: BOARD_URL });

  it('throws a ParseError naming the line of malformed XML', () => {
    expect(() => parseRss(fixture('malformed.rss.xml'), config)).toThrow(ParseError);
    expect(() => parseRss(fixture('malformed.rss.xml'), config)).toThrow(
      /malformed XML in the RSS or Atom feed at line \d+/,
    );
  });

  it('throws for an HTML page, another XML document, JSON and an empty body', () => {
    expect(() => parseRss(fixture('error-page.html'), config)).toThrow(/response is an HTML page/);
    expect(() => parseRss(fixture('not-a-feed.xml'), config)).toThrow(/root element is <opml>/);
    expect(() => parseRss('{"jobs":[]}', config)).toThrow(/response is JSON/);
    expect(() => parseRss('  ', config)).toThrow(/response is empty/);
    expect(() => parseRss('<rss version="2.0"></rss>', config)).toThrow(/no <channel>/);
  });

  it('reads an empty feed as no postings', () => {
    const empty =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet week</title></channel></rss>';
    expect(parseRss(empty, config)).toEqual({ postings: [], skipped: [] });
  });
});
