import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParseError } from '../../parse-error';
import { smartrecruitersAdapter } from './index';
import { parseSmartRecruiters } from './smartrecruiters.parse';

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '../../../../../tests/fixtures/sources/smartrecruiters', name), 'utf8');

const config = smartrecruitersAdapter.configSchema.parse({ companyId: 'BayouPhysicianBilling' });
const detail = (id: string) => parseSmartRecruiters(fixture(`posting-${id}.json`), config);

describe('parseSmartRecruiters', () => {
  describe('a list page', () => {
    it('yields no postings: the details that follow carry them', () => {
      expect(parseSmartRecruiters(fixture('postings-page-1.json'), config)).toEqual({
        postings: [],
        skipped: [],
      });
    });

    it('counts entries that can never get a detail, and checks the shape', () => {
      const body = JSON.stringify({
        offset: 0,
        limit: 100,
        totalFound: 3,
        content: [{ name: 'Coder' }, 'x', { id: 1 }],
      });
      expect(parseSmartRecruiters(body, config).skipped).toEqual([
        { externalId: null, reason: 'posting has no id' },
        { externalId: null, reason: 'posting is not an object' },
      ]);
    });
  });

  describe('a posting detail', () => {
    it('maps every field of an onsite posting', () => {
      const { postings, skipped } = detail('3301000012000101');
      expect(skipped).toEqual([]);
      expect(postings).toHaveLength(1);
      expect(postings[0]).toMatchObject({
        externalId: '3301000012000101',
        title: 'Certified Professional Coder - Cardiology',
        employer: 'Bayou Physician Billing Group',
        url: 'https://jobs.smartrecruiters.com/BayouPhysicianBilling/3301000012000101-certified-professional-coder-cardiology',
        descriptionFormat: 'html',
        locations: [
          {
            text: 'Baton Rouge, LA, United States',
            city: 'Baton Rouge',
            state: 'LA',
            postalCode: '70809',
            country: 'US',
            lat: 30.426,
            lon: -91.103,
          },
        ],
        remote: false,
        workplaceType: 'onsite',
        salary: { text: '$24.00 - $29.00 per hour' },
        employmentType: 'Full-time',
        department: 'Coding',
        postedAt: '2026-05-08T13:20:00.000Z',
        validThrough: null,
      });
      expect(postings[0].closed).toBeUndefined();
      expect(postings[0].extra).toEqual({
        refNumber: 'BPB-1042',
        uuid: '0c1d2e3f-a001-4b10-9c01-000000000101',
        function: 'Healthcare Provider',
        experienceLevel: 'Mid-Senior Level',
        industry: 'Hospital & Health Care',
        applyUrl:
          'https://jobs.smartrecruiters.com/BayouPhysicianBilling/3301000012000101-certified-professional-coder-cardiology?oga=true',
        visibility: 'PUBLIC',
        language: 'en',
        customFields: { 'Pay Range': '$24.00 - $29.00 per hour', Shift: 'Day' },
      });
    });

    it('joins the job ad sections in reading order under their headings', () => {
      const description = detail('3301000012000101').postings[0].description!;
      const order = [
        'Company Description',
        'Job Description',
        'Qualifications',
        'Additional Information',
      ].map((h) => description.indexOf(`<h3>${h}</h3>`));
      expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
      expect(description).toContain(
        '<li>CPC required (CPC-A with 1 year of cardiology coding considered)</li>',
      );
    });

    it('reads a remote posting without taking "Remote" for a city', () => {
      const posting = detail('3301000012000102').postings[0];
      expect(posting.locations).toEqual([
        {
          text: 'Remote, , United States',
          city: null,
          state: null,
          postalCode: null,
          country: 'US',
          lat: null,
          lon: null,
        },
      ]);
      expect(posting).toMatchObject({ remote: true, workplaceType: 'remote', department: 'Revenue Cycle' });
      expect(posting.description).toContain('not open to residents of CA, NY or WA');
      expect(posting.description).toContain('<h3>Pay &amp; Benefits</h3>');
    });

    it('reads a hybrid part-time posting and falls back to the function for the department', () => {
      expect(detail('3301000012000103').postings[0]).toMatchObject({
        workplaceType: 'hybrid',
        remote: false,
        employmentType: 'Part-time',
        department: 'Administrative',
        salary: null,
      });
    });

    it('marks a posting the API reports inactive as closed', () => {
      expect(detail('3301000012000104').postings[0].closed).toBe(true);
    });

    it('skips a detail without a name and prefers the configured employer', () => {
      expect(detail('3301000012000105')).toEqual({
        postings: [],
        skipped: [{ externalId: '3301000012000105', reason: 'posting has no title' }],
      });
      const named = parseSmartRecruiters(fixture('posting-3301000012000101.json'), {
        ...config,
        employerName: 'Bayou Billing',
      });
      expect(named.postings[0].employer).toBe('Bayou Billing');
    });
  });

  it('throws a ParseError for truncated JSON, an HTML page and an error object', () => {
    expect(() => parseSmartRecruiters(fixture('posting-truncated.txt'), config)).toThrow(ParseError);
    expect(() => parseSmartRecruiters(fixture('error-page.html'), config)).toThrow(/HTML/);
    expect(() => parseSmartRecruiters(fixture('company-not-found.json'), config)).toThrow(/postings list/);
  });
});
