import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParseError } from '../../parse-error';
import { jsonldAdapter } from './index';
import { INVALID_BLOCK_REASON, parseJsonLd } from './jsonld.parse';

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '../../../../../tests/fixtures/sources/jsonld', name), 'utf8');

const config = jsonldAdapter.configSchema.parse({
  urls: ['https://careers.northpine.example.org/jobs/1001'],
});

describe('parseJsonLd: a job detail page', () => {
  const PAGE = 'https://careers.northpine.example.org/jobs/1001';
  const { postings, skipped } = parseJsonLd(fixture('job-detail.html'), config, PAGE);

  it('reads the one JobPosting and counts the invalid block', () => {
    expect(postings).toHaveLength(1);
    expect(skipped).toEqual([{ externalId: null, reason: INVALID_BLOCK_REASON }]);
  });

  it('maps identifier, organization, remote flag, state requirements and hourly pay', () => {
    expect(postings[0]).toMatchObject({
      externalId: 'REQ-1001',
      title: 'Outpatient Coder - Remote',
      employer: 'Northpine Health',
      url: PAGE,
      descriptionFormat: 'html',
      remote: true,
      applicantLocations: ['Texas', 'Oklahoma', 'Arkansas'],
      locations: [{ city: 'Dallas', state: 'TX', postalCode: '75201', country: 'US' }],
      salary: { min: 24.5, max: 31, currency: 'USD', unit: 'HOUR' },
      employmentType: 'FULL_TIME',
      postedAt: '2026-05-04T00:00:00.000Z',
      validThrough: '2026-07-01T04:59:00.000Z',
    });
  });

  it('unescapes an entity-encoded description', () => {
    expect(postings[0].description).toBe(
      '<p>Code hospital outpatient surgery and ED encounters (ICD-10-CM, CPT, HCPCS).</p><ul><li>50-65 encounters per day</li><li>CPC, COC or CCS required</li></ul>',
    );
  });

  it('keeps requirements and categories as readable text in extra', () => {
    expect(postings[0].extra).toEqual({
      educationRequirements: 'CPC, COC or CCS - professional certificate',
      experienceRequirements: '24 months of experience',
      qualifications: 'Working knowledge of NCCI edits and modifier rules.',
      occupationalCategory: '29-2072.00 Medical Records Specialists',
      directApply: true,
    });
  });

  it('lets the configured employer win', () => {
    const named = jsonldAdapter.configSchema.parse({ urls: [PAGE], employerName: 'Northpine Health System' });
    expect(parseJsonLd(fixture('job-detail.html'), named, PAGE).postings[0].employer).toBe(
      'Northpine Health System',
    );
  });
});

describe('parseJsonLd: a listing page with @graph, references and an ItemList', () => {
  const PAGE = 'https://jobs.cedarvalley.example.org/careers/revenue-cycle';
  const { postings, skipped } = parseJsonLd(fixture('listing-graph.html'), config, PAGE);
  const byId = (id: string) => postings.find((p) => p.externalId === id)!;

  it('finds postings in @graph and inside ItemList items, and says why others were skipped', () => {
    expect(postings.map((p) => p.externalId)).toEqual([
      'CV-PF-0418',
      'https://jobs.cedarvalley.example.org/openings/denials-specialist',
      '77031',
    ]);
    expect(skipped).toEqual([
      { externalId: 'CV-NO-TITLE', reason: 'JobPosting has no title' },
      { externalId: 'CV-PF-0418', reason: 'JobPosting repeats an identifier on the page' },
    ]);
  });

  it('follows an @id reference to the organization and reads every job location', () => {
    expect(byId('CV-PF-0418')).toMatchObject({
      employer: 'Cedar Valley Physician Group',
      url: 'https://jobs.cedarvalley.example.org/openings/pf-coder',
      remote: null,
      locations: [
        { city: 'Tulsa', state: 'OK', postalCode: '74103', country: 'US' },
        { city: 'Little Rock', state: 'AR', postalCode: null, country: 'US', lat: 34.7465, lon: -92.2896 },
      ],
      salary: { min: 46000, max: 58000, currency: 'USD', unit: 'YEAR' },
      extra: { educationRequirements: ['CPC - professional certificate', 'High school diploma or GED'] },
    });
  });

  it('reads a bare-number salary, a text address and an employment type list', () => {
    expect(byId('https://jobs.cedarvalley.example.org/openings/denials-specialist')).toMatchObject({
      employmentType: 'PART_TIME, TEMPORARY',
      locations: [{ text: 'Broken Arrow, OK 74012' }],
      salary: { min: 19.75, max: 19.75, currency: 'USD', unit: null },
      description: null,
      descriptionFormat: 'text',
    });
  });

  it('repairs a block with raw line breaks and reads a typed array, a numeric id and a country requirement', () => {
    expect(byId('77031')).toMatchObject({
      title: 'Coding Auditor',
      employer: 'Cedar Valley Physician Group',
      description: 'Audit profee coding. Quarterly provider education.',
      descriptionFormat: 'text',
      remote: true,
      applicantLocations: ['USA'],
      salary: { min: 68000, max: 68000, currency: 'USD', unit: 'YEAR' },
      url: PAGE,
      extra: { occupationalCategory: '13-1041 - Compliance Officers' },
    });
  });
});

describe('parseJsonLd: pages without postings', () => {
  it('reads a page without any JobPosting as no postings', () => {
    expect(parseJsonLd(fixture('no-jobposting.html'), config, 'https://x.example/blog/cdi')).toEqual({
      postings: [],
      skipped: [],
    });
  });

  it('names a posting without identifier or url by the page URL and its position', () => {
    const page = 'https://careers.northpine.example.org/jobs/1003#apply';
    const [cdi] = parseJsonLd(fixture('job-1003.html'), config, page).postings;
    expect(cdi.externalId).toBe('https://careers.northpine.example.org/jobs/1003#0');
    expect(parseJsonLd(fixture('job-1003.html'), config).skipped).toEqual([
      { externalId: null, reason: 'JobPosting has no identifier, url or page URL' },
    ]);
  });

  it('throws a ParseError for an error page, JSON and an empty body', () => {
    expect(() => parseJsonLd(fixture('error-page.html'), config, 'https://x.example/jobs/9')).toThrow(
      ParseError,
    );
    expect(() => parseJsonLd(fixture('error-page.html'), config)).toThrow(/error page \("404 Not Found"\)/);
    expect(() => parseJsonLd('{"@type":"JobPosting"}', config)).toThrow(/response is JSON/);
    expect(() => parseJsonLd('', config)).toThrow(/response is empty/);
  });

  it('reads the sitemap document fetch returns as no postings, and rejects a broken one', () => {
    expect(parseJsonLd(fixture('sitemap-index.xml'), config)).toEqual({ postings: [], skipped: [] });
    expect(() => parseJsonLd(fixture('sitemap-malformed.xml'), config)).toThrow(
      /malformed XML in the XML sitemap/,
    );
  });
});
