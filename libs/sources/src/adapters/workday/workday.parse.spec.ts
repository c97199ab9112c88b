import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParseError } from '../../parse-error';
import { workdayAdapter } from './index';
import { parseWorkday } from './workday.parse';

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '../../../../../tests/fixtures/sources/workday', name), 'utf8');

const config = workdayAdapter.configSchema.parse({
  tenant: 'prairiehealth',
  site: 'Careers',
  instance: 'wd5',
});
const CXS = 'https://prairiehealth.wd5.myworkdayjobs.com/wday/cxs/prairiehealth/Careers';
const OUTPATIENT_PATH = '/job/Omaha-NE/Coding-Specialist-II---Outpatient_R-24017';

const detail = (req: string, path: string) =>
  parseWorkday(fixture(`job-detail-${req}.json`), config, `${CXS}${path}`).postings[0];

describe('parseWorkday', () => {
  describe('a job search page', () => {
    it('yields no postings: the details that follow carry them', () => {
      expect(parseWorkday(fixture('jobs-page-1.json'), config)).toEqual({ postings: [], skipped: [] });
    });

    it('counts an entry without an externalPath, which can never get a detail', () => {
      expect(parseWorkday(fixture('jobs-page-3.json'), config)).toEqual({
        postings: [],
        skipped: [{ externalId: null, reason: 'posting has no id' }],
      });
    });
  });

  describe('a posting detail', () => {
    it('maps every field and shares the externalId of its search entry', () => {
      expect(detail('R-24017', OUTPATIENT_PATH)).toEqual({
        externalId: OUTPATIENT_PATH,
        title: 'Coding Specialist II - Outpatient',
        employer: 'Prairie Valley Health System',
        url: `https://prairiehealth.wd5.myworkdayjobs.com/Careers${OUTPATIENT_PATH}`,
        description: expect.stringContaining('<li>CCS, COC or CPC required</li>'),
        descriptionFormat: 'html',
        locations: [
          {
            text: 'Omaha, NE',
            city: 'Omaha',
            state: 'NE',
            postalCode: null,
            country: 'United States of America',
          },
        ],
        remote: false,
        workplaceType: 'Hybrid',
        salary: null,
        employmentType: 'Full time',
        department: null,
        postedAt: '2026-05-05T00:00:00.000Z',
        validThrough: null,
        extra: {
          jobReqId: 'R-24017',
          jobPostingId: '7c1e0a9f3b2d4e5f8a6b0c1d2e3f4a01',
          postedOnText: 'Posted 9 Days Ago',
          jobPostingSiteId: 'Careers',
          country: 'United States of America',
        },
      });
    });

    it('lists the primary and additional locations of a multi-site posting', () => {
      const posting = detail('R-24021', '/job/Lincoln-NE/Patient-Financial-Services-Representative_R-24021');
      expect(posting.locations?.map((l) => l.city)).toEqual(['Lincoln', 'Omaha', 'Grand Island']);
      expect(posting.remote).toBeNull();
    });

    it('reads a fully remote posting restricted to states', () => {
      const posting = detail('R-24030', '/job/Remote-Nebraska/Remote-Profee-Coder---Orthopedics_R-24030');
      expect(posting).toMatchObject({ remote: true, workplaceType: 'Fully Remote' });
      expect(posting.locations).toEqual([{ text: 'Remote - Nebraska', country: 'United States of America' }]);
      expect(posting.description).toContain('open to residents of NE, IA, KS, MO or SD only');
    });

    it('marks a posting that is no longer posted as closed, and reads part time', () => {
      expect(detail('R-23880', '/job/Omaha-NE/HIM-Coding-Manager_R-23880').closed).toBe(true);
      const prn = detail(
        'R-24044',
        '/job/Kearney-NE/Clinical-Documentation-Integrity-Specialist--RN----PRN_R-24044',
      );
      expect(prn.closed).toBeUndefined();
      expect(prn.employmentType).toBe('Part time');
    });

    it('takes the externalPath from the public URL when the document URL is not given', () => {
      const { postings } = parseWorkday(fixture('job-detail-R-24017.json'), config);
      expect(postings[0].externalId).toBe(OUTPATIENT_PATH);
    });

    it('prefers the configured employer name', () => {
      const named = parseWorkday(fixture('job-detail-R-24017.json'), {
        ...config,
        employerName: 'Prairie Valley',
      });
      expect(named.postings[0].employer).toBe('Prairie Valley');
    });

    it('skips a detail without a title', () => {
      const body = JSON.stringify({ jobPostingInfo: { id: 'abc', title: '' } });
      expect(parseWorkday(body, config)).toEqual({
        postings: [],
        skipped: [{ externalId: 'abc', reason: 'posting has no title' }],
      });
    });
  });

  it('throws a ParseError for truncated JSON, an HTML page and an error object', () => {
    expect(() => parseWorkday(fixture('jobs-truncated.txt'), config)).toThrow(ParseError);
    expect(() => parseWorkday(fixture('error-page.html'), config)).toThrow(/HTML/);
    expect(() => parseWorkday(fixture('site-not-found.json'), config)).toThrow(/job search page/);
  });
});
