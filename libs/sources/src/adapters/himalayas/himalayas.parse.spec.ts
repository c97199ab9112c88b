import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParseError } from '../../parse-error';
import { himalayasAdapter } from './index';
import { FILTERED_OUT_REASON, parseHimalayas } from './himalayas.parse';
import { readHimalayasPage } from './himalayas.paging';
import { himalayasPageUrl } from './himalayas.config';

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '../../../../../tests/fixtures/sources/himalayas', name), 'utf8');

const config = himalayasAdapter.configSchema.parse({});

describe('parseHimalayas', () => {
  it('keeps coding and billing jobs and reports the filtered ones', () => {
    const { postings, skipped } = parseHimalayas(fixture('jobs-offset-0.json'), config);
    expect(postings.map((p) => p.employer)).toEqual([
      'Brightwater Revenue Partners',
      'Cedar Valley Physician Group',
    ]);
    expect(skipped).toEqual([
      {
        externalId: 'https://himalayas.app/companies/quillstone/jobs/senior-backend-engineer',
        reason: FILTERED_OUT_REASON,
      },
    ]);
  });

  it('maps a remote coder job with annual pay and epoch-second dates', () => {
    const [coder] = parseHimalayas(fixture('jobs-offset-0.json'), config).postings;
    expect(coder).toMatchObject({
      externalId: 'https://himalayas.app/companies/brightwater-revenue/jobs/remote-outpatient-coder',
      title: 'Remote Outpatient Coder (CPC or CCS)',
      url: 'https://himalayas.app/companies/brightwater-revenue/jobs/remote-outpatient-coder',
      descriptionFormat: 'html',
      remote: true,
      workplaceType: 'remote',
      locations: [],
      applicantLocations: ['United States'],
      salary: { min: 52000, max: 61000, currency: 'USD', unit: 'YEAR' },
      employmentType: 'Full Time',
      postedAt: '2026-05-12T15:33:20.000Z',
      validThrough: '2026-07-11T15:33:20.000Z',
    });
    expect(coder.description).toContain('Remote - must reside in TX, OK or AR.');
    expect(coder.extra).toEqual({
      companySlug: 'brightwater-revenue',
      seniority: ['Mid-level'],
      timezoneRestrictions: ['-6', '-5'],
      categories: ['Medical-Coding', 'Outpatient-Coding'],
      parentCategories: ['Healthcare'],
      excerpt: 'Code hospital outpatient and ED encounters from home. CPC, COC or CCS required.',
    });
  });

  it('reads location objects, millisecond dates and a job without pay', () => {
    const biller = parseHimalayas(fixture('jobs-offset-0.json'), config).postings[1];
    expect(biller.applicantLocations).toEqual(['United States', 'Puerto Rico']);
    expect(biller.salary).toBeNull();
    expect(biller.postedAt).toBe('2026-05-11T11:46:40.000Z');
    expect(biller.employmentType).toBe('Part Time');
  });

  it('keeps an hourly salaryPeriod and skips a job without a guid', () => {
    const { postings, skipped } = parseHimalayas(fixture('jobs-offset-3.json'), config);
    expect(postings.map((p) => p.title)).toEqual([
      'Clinical Documentation Integrity Specialist (RN)',
      'Risk Adjustment Coder',
    ]);
    expect(postings[1].salary).toEqual({ min: 30, max: 36, currency: 'USD', unit: 'hour' });
    expect(skipped).toEqual([{ externalId: null, reason: 'posting has no id' }]);
  });

  it('keeps every job when the filter is turned off, and matches configured categories', () => {
    const open = himalayasAdapter.configSchema.parse({ keywords: [] });
    expect(parseHimalayas(fixture('jobs-offset-0.json'), open).postings).toHaveLength(3);

    const byCategory = himalayasAdapter.configSchema.parse({ keywords: [], categories: ['medical billing'] });
    expect(parseHimalayas(fixture('jobs-offset-0.json'), byCategory).postings.map((p) => p.title)).toEqual([
      'Medical Billing Specialist - AR Follow-up',
    ]);
  });

  it('matches acronyms only in capitals', () => {
    const him = himalayasAdapter.configSchema.parse({ keywords: ['HIM'] });
    expect(parseHimalayas(fixture('jobs-offset-6.json'), him).postings).toHaveLength(1);
    const body = JSON.stringify({ jobs: [{ guid: 'g1', title: 'Tell him about it: sales lead' }] });
    expect(parseHimalayas(body, him)).toEqual({
      postings: [],
      skipped: [{ externalId: 'g1', reason: FILTERED_OUT_REASON }],
    });
  });

  it('throws a ParseError for truncated JSON, an HTML error page and a body without jobs', () => {
    expect(() => parseHimalayas(fixture('jobs-truncated.txt'), config)).toThrow(/malformed JSON/);
    expect(() => parseHimalayas(fixture('error-page.html'), config)).toThrow(/response is HTML/);
    expect(() => parseHimalayas(fixture('jobs-wrong-shape.json'), config)).toThrow(ParseError);
    expect(() => parseHimalayas(fixture('jobs-wrong-shape.json'), config)).toThrow(/"jobs" array/);
  });
});

describe('Himalayas paging', () => {
  it('builds offset and cursor URLs on the configured host', () => {
    expect(himalayasPageUrl(config, { offset: 0 })).toBe('https://himalayas.app/jobs/api?limit=20&offset=0');
    expect(himalayasPageUrl({ baseUrl: 'http://127.0.0.1:9/' }, { cursor: 'a b' })).toBe(
      'http://127.0.0.1:9/jobs/api?limit=20&cursor=a%20b',
    );
  });

  it('advances by the jobs received until totalCount, and stops on an unreadable body', () => {
    expect(readHimalayasPage(fixture('jobs-offset-0.json'), { offset: 0 }, 20)?.next).toEqual({ offset: 3 });
    expect(readHimalayasPage(fixture('jobs-offset-6.json'), { offset: 6 }, 20)?.next).toBeNull();
    expect(readHimalayasPage(fixture('jobs-truncated.txt'), { offset: 0 }, 20)).toBeNull();
  });

  it('follows a nextCursor when the response has one, and treats a short page without total as the last', () => {
    const withCursor = JSON.stringify({ jobs: [{ guid: 'a' }], nextCursor: 'c2' });
    expect(readHimalayasPage(withCursor, { offset: 0 }, 20)).toEqual({
      firstGuid: 'a',
      next: { cursor: 'c2' },
    });
    expect(readHimalayasPage(JSON.stringify({ jobs: [{ guid: 'a' }] }), { offset: 0 }, 20)?.next).toBeNull();
  });
});
