import { cli, jsonLines } from '../support/cli-process';

// `cli parse` on a payload saved from each kind of source, with no source config: the kind's own
// defaults apply, so an operator can read what a source serves before configuring it. Payloads are in
// tests/fixtures/saved-payloads/, one or two per kind. List pages that only index detail requests
// (Workday, SmartRecruiters) print their entries marked as summaries.

const payload = (name: string) => `tests/fixtures/saved-payloads/${name}`;

async function parse(kind: string, file: string, ...extra: string[]) {
  const r = await cli(['parse', '--adapter', kind, ...extra, payload(file)]);
  return { ...r, listings: r.code === 0 ? jsonLines(r.stdout) : [] };
}

const titles = (listings: Record<string, unknown>[]) => listings.map((l) => l.title);

describe('cli parse of a saved payload, without a source config', () => {
  it.each([
    [
      'greenhouse',
      'greenhouse-board.json',
      ['Inpatient Coding Specialist', 'Professional Fee Coder - Remote'],
    ],
    ['lever', 'lever-postings.json', ['Medical Biller', 'Coding Auditor (Remote)']],
    ['ashby', 'ashby-job-board.json', ['Outpatient Coder (Remote)', 'Denials Management Specialist']],
    ['usajobs', 'usajobs-search.json', ['Medical Records Technician (Coder)']],
    ['jsonld', 'jsonld-job-page.html', ['Clinical Documentation Integrity Specialist']],
    ['rss', 'rss-feed.xml', ['Emergency Department Coder', 'Payment Poster']],
    ['smartrecruiters', 'smartrecruiters-posting.json', ['Certified Coder - Family Medicine']],
    ['workday', 'workday-job-detail.json', ['Coding Quality Analyst']],
  ])('%s prints its postings as listings', async (kind, file, expected) => {
    const r = await parse(kind, file);
    expect(r.stderr).not.toMatch(/TypeError|Cannot read/);
    expect(r.code).toBe(0);
    expect(titles(r.listings)).toEqual(expected);
    for (const l of r.listings) {
      expect(l).not.toHaveProperty('summary');
      expect(l).not.toHaveProperty('descriptionHtml');
    }
  });

  it('himalayas applies its default keyword filter', async () => {
    const r = await parse('himalayas', 'himalayas-jobs.json');
    expect(r.stderr).not.toMatch(/TypeError|Cannot read/);
    expect(r.code).toBe(0);
    expect(titles(r.listings)).toEqual(['Remote Risk Adjustment Coder', 'Medical Billing Representative']);
    expect(r.stderr).toContain('frontend-engineer: not a coding or billing job');
  });

  it('himalayas with keywords: [] keeps every job', async () => {
    const r = await parse('himalayas', 'himalayas-jobs.json', '--config', '{"keywords":[]}');
    expect(r.code).toBe(0);
    expect(titles(r.listings)).toContain('Frontend Engineer');
  });

  it('a Workday job search page prints its entries as summaries', async () => {
    const r = await parse('workday', 'workday-job-search.json');
    expect(r.code).toBe(0);
    expect(r.listings.map((l) => [l.summary, l.externalId, l.title])).toEqual([
      [true, '/job/Madison-WI/Coding-Quality-Analyst_R-51007', 'Coding Quality Analyst'],
      [true, '/job/Remote-Wisconsin/HIM-Coder-II---Remote_R-51011', 'HIM Coder II - Remote'],
    ]);
    expect(r.listings[1]).toMatchObject({ workMode: 'remote' });
    expect(r.stderr).toContain('posting has no id');
  });

  it('with the site in --config, Workday summaries link to the careers page', async () => {
    const r = await parse(
      'workday',
      'workday-job-search.json',
      '--config',
      '{"tenant":"lakecountryhealth","site":"External","employerName":"Lake Country Health"}',
    );
    expect(r.code).toBe(0);
    expect(r.listings[0]).toMatchObject({
      summary: true,
      employer: 'Lake Country Health',
      url: 'https://lakecountryhealth.wd1.myworkdayjobs.com/External/job/Madison-WI/Coding-Quality-Analyst_R-51007',
    });
  });

  it('a SmartRecruiters postings list prints its entries as summaries', async () => {
    const r = await parse('smartrecruiters', 'smartrecruiters-postings-list.json');
    expect(r.code).toBe(0);
    expect(r.listings.map((l) => [l.summary, l.externalId, l.title, l.employer])).toEqual([
      [true, '440200009910001', 'Certified Coder - Family Medicine', 'Pine River Clinics'],
      [true, '440200009910002', 'Insurance Follow-Up Representative (Remote)', 'Pine River Clinics'],
    ]);
  });

  it('html cannot guess selectors: it says which config is missing and exits 2', async () => {
    const r = await parse('html', 'html-openings.html');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --config for html: .*url.*list/m);
    expect(r.stderr).not.toMatch(/TypeError|at /);
  });

  it('html parses with its selectors given', async () => {
    const config = {
      url: 'https://careers.cottonwood.example.org/openings',
      employerName: 'Cottonwood Regional Hospital',
      list: {
        item: 'table.jobs tbody tr',
        title: 'td.position a',
        url: 'td.position a@href',
        id: '@data-req',
        location: 'td.where',
      },
    };
    const r = await parse('html', 'html-openings.html', '--config', JSON.stringify(config));
    expect(r.code).toBe(0);
    expect(r.listings.map((l) => [l.externalId, l.title, l.url])).toEqual([
      ['CRH-410', 'Outpatient Coding Specialist', 'https://careers.cottonwood.example.org/careers/CRH-410'],
      ['CRH-415', 'Charge Entry Clerk', 'https://careers.cottonwood.example.org/careers/CRH-415'],
    ]);
  });

  it.each([['[1,2]'], ['"text"'], ['null']])('--config %s is refused as not an object', async (config) => {
    const r = await parse('greenhouse', 'greenhouse-board.json', '--config', config);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--config must be a JSON object');
  });

  it('a config field of the wrong type is named', async () => {
    const r = await parse('himalayas', 'himalayas-jobs.json', '--config', '{"keywords":"coder"}');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--config for himalayas: keywords:');
  });
});
