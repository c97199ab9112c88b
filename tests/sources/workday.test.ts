import { workdayAdapter } from '#sources/testing';
import { answerWith, JSON_TYPE, parseOutcome, sourceFixture, useSourceHarness } from './source-harness';

// The Workday adapter against a real local server: the job search POSTed page by page (with
// Workday's habit of reporting the total on the first page only), one detail GET per posting, and
// the failures in between.

const CXS = '/wday/cxs/prairiehealth/Careers';
const PATHS = [
  '/job/Omaha-NE/Coding-Specialist-II---Outpatient_R-24017',
  '/job/Lincoln-NE/Patient-Financial-Services-Representative_R-24021',
  '/job/Remote-Nebraska/Remote-Profee-Coder---Orthopedics_R-24030',
  '/job/Omaha-NE/HIM-Coding-Manager_R-23880',
  '/job/Kearney-NE/Clinical-Documentation-Integrity-Specialist--RN----PRN_R-24044',
];
const fixture = (name: string) => sourceFixture('workday', name);
const reqOf = (path: string) => path.slice(path.lastIndexOf('_') + 1);

const h = useSourceHarness();
const config = h.localConfig(workdayAdapter, {
  tenant: 'prairiehealth',
  site: 'Careers',
  searchText: 'coding',
  pageSize: 2,
});

/** The search answers by the offset in the POSTed body, as Workday does. */
function serveSearch(failOffset?: number) {
  h.server.route('POST', `${CXS}/jobs`, (_req, res, body) => {
    const { offset } = JSON.parse(body) as { offset: number };
    if (offset === failOffset) return void res.writeHead(500).end();
    const page = { 0: 'jobs-page-1.json', 2: 'jobs-page-2.json', 4: 'jobs-page-3.json' }[offset];
    if (!page) return void res.writeHead(400).end();
    res.writeHead(200, { 'content-type': JSON_TYPE }).end(fixture(page));
  });
  for (const path of PATHS)
    h.server.serve(`${CXS}${path}`, fixture(`job-detail-${reqOf(path)}.json`), JSON_TYPE);
}

const searchBodies = () =>
  h
    .sourceRequests()
    .filter((r) => r.method === 'POST')
    .map((r) => JSON.parse(r.body) as unknown);

it('POSTs the search page by page, then fetches each detail, and parses the details', async () => {
  serveSearch();

  const outcome = await workdayAdapter.fetch(config(), h.context());

  expect(outcome).toMatchObject({ complete: true, notModified: false });
  expect(searchBodies()).toEqual(
    [0, 2, 4].map((offset) => ({ appliedFacets: {}, limit: 2, offset, searchText: 'coding' })),
  );
  const post = h.sourceRequests().find((r) => r.method === 'POST')!;
  expect(post.headers['content-type']).toBe('application/json');
  expect(
    h
      .sourceRequests()
      .filter((r) => r.method === 'GET')
      .map((r) => r.path),
  ).toEqual(PATHS.map((p) => `${CXS}${p}`));

  const postings = parseOutcome(workdayAdapter, outcome, config());
  expect(postings.map((p) => p.externalId)).toEqual(PATHS);
  expect(postings[0]).toMatchObject({
    title: 'Coding Specialist II - Outpatient',
    employer: 'Prairie Valley Health System',
    description: expect.stringContaining('CCS, COC or CPC required'),
  });
  expect(postings[3].closed).toBe(true);
  // Each search page is its own document even though all were POSTed to one URL.
  expect(new Set(outcome.documents.map((d) => d.url)).size).toBe(outcome.documents.length);
});

it('never sends validators with the search POST, so an unchanged site is re-read in full', async () => {
  serveSearch();

  const outcome = await workdayAdapter.fetch(config(), h.contextWithEtag(`${CXS}/jobs`, '"x"'));

  expect(outcome.notModified).toBe(false);
  expect(h.sourceRequests()[0].headers['if-none-match']).toBeUndefined();
});

it('keeps the other postings and calls the fetch partial when a detail keeps failing', async () => {
  serveSearch();
  h.server.route('GET', `${CXS}${PATHS[2]}`, answerWith(503));

  const outcome = await workdayAdapter.fetch(config(), h.context());

  expect(outcome.complete).toBe(false);
  expect(parseOutcome(workdayAdapter, outcome, config()).map((p) => p.externalId)).toEqual([
    PATHS[0],
    PATHS[1],
    PATHS[3],
    PATHS[4],
  ]);
});

it('calls the fetch partial when a search page keeps failing', async () => {
  serveSearch(2);

  const outcome = await workdayAdapter.fetch(config(), h.context());

  expect(outcome.complete).toBe(false);
  expect(parseOutcome(workdayAdapter, outcome, config()).map((p) => p.externalId)).toEqual(PATHS.slice(0, 2));
});

it('stops at maxPages and calls the fetch partial', async () => {
  serveSearch();

  const outcome = await workdayAdapter.fetch(config({ maxPages: 1 }), h.context());

  expect(outcome.complete).toBe(false);
  expect(searchBodies()).toHaveLength(1);
});
