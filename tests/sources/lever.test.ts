import { leverAdapter } from '#sources/testing';
import { answerWith, JSON_TYPE, parseOutcome, sourceFixture, useSourceHarness } from './source-harness';

// The Lever adapter against a real local server: skip/limit paging until a short page, the page guard,
// conditional re-fetches and a page that keeps failing.

const PATH = '/v0/postings/summitrevenue';
const page = (skip: number) => `${PATH}?mode=json&skip=${skip}&limit=3`;
const fixture = (name: string) => sourceFixture('lever', name);

const h = useSourceHarness();
const config = h.localConfig(leverAdapter, {
  site: 'summitrevenue',
  employerName: 'Summit Revenue Partners',
  pageSize: 3,
});

it('pages with skip and limit until a short page and parses every posting', async () => {
  h.server.serve(page(0), fixture('postings-page-1.json'), JSON_TYPE);
  h.server.serve(page(3), fixture('postings-page-2.json'), JSON_TYPE);

  const outcome = await leverAdapter.fetch(config(), h.context());

  expect(outcome).toMatchObject({ complete: true, notModified: false });
  expect(h.sourcePaths()).toEqual([page(0), page(3)]);
  const postings = parseOutcome(leverAdapter, outcome, config());
  expect(postings.map((p) => p.title)).toEqual([
    'Risk Adjustment Coder (Remote)',
    'Outpatient Surgery Coder',
    'Medical Billing Specialist',
    'Coding Educator (Contract, 6 months)',
  ]);
  expect(postings[0]).toMatchObject({ remote: true, salary: { min: 26, max: 32, unit: 'per-hour-wage' } });
  expect(postings[1].locations).toHaveLength(3);
});

it('stops at maxPages and calls the fetch partial', async () => {
  h.server.serve(page(0), fixture('postings-page-1.json'), JSON_TYPE);

  const outcome = await leverAdapter.fetch(config({ maxPages: 1 }), h.context());

  expect(outcome.complete).toBe(false);
  expect(outcome.documents).toHaveLength(1);
  expect(h.sourceRequests()).toHaveLength(1);
});

it('returns the pages it got, as partial, when a later page keeps failing', async () => {
  h.server.serve(page(0), fixture('postings-page-1.json'), JSON_TYPE);
  h.server.route('GET', page(3), answerWith(503));

  const outcome = await leverAdapter.fetch(config(), h.context());

  expect(outcome.complete).toBe(false);
  expect(parseOutcome(leverAdapter, outcome, config())).toHaveLength(3);
  // The client retried the failing page once before giving up.
  expect(h.sourceRequests().filter((r) => r.path === page(3))).toHaveLength(2);
});

it('sends the stored ETag for the first page and reports an unchanged feed as not modified', async () => {
  h.server.serve(page(0), fixture('postings-page-1.json'), JSON_TYPE, { etag: 'W/"p1-42"' });

  const outcome = await leverAdapter.fetch(config(), h.contextWithEtag(page(0), 'W/"p1-42"'));

  expect(outcome).toMatchObject({ notModified: true, complete: false });
  expect(h.sourcePaths()).toEqual([page(0)]);
});

it('throws when the first page cannot be fetched', async () => {
  h.server.route('GET', page(0), answerWith(404, fixture('site-not-found.json')));

  await expect(leverAdapter.fetch(config(), h.context())).rejects.toMatchObject({
    code: 'HTTP_STATUS',
    status: 404,
  });
});
