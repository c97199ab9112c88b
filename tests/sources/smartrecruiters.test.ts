import { smartrecruitersAdapter } from '#sources/testing';
import { answerWith, JSON_TYPE, parseOutcome, sourceFixture, useSourceHarness } from './source-harness';

// The SmartRecruiters adapter against a real local server: offset paging by totalFound, one detail
// request per posting, a detail that keeps failing, and a conditional list request.

const LIST = '/v1/companies/BayouPhysicianBilling/postings';
const listPage = (offset: number, q = '') => `${LIST}?limit=3&offset=${offset}${q}`;
const IDS = [
  '3301000012000101',
  '3301000012000102',
  '3301000012000103',
  '3301000012000104',
  '3301000012000105',
];
const fixture = (name: string) => sourceFixture('smartrecruiters', name);

const h = useSourceHarness();
const config = h.localConfig(smartrecruitersAdapter, { companyId: 'BayouPhysicianBilling', pageSize: 3 });

function serveAll(q = '', opts: { etag?: string } = {}) {
  h.server.serve(listPage(0, q), fixture('postings-page-1.json'), JSON_TYPE, opts);
  h.server.serve(listPage(3, q), fixture('postings-page-2.json'), JSON_TYPE);
  for (const id of IDS) h.server.serve(`${LIST}/${id}`, fixture(`posting-${id}.json`), JSON_TYPE);
}

it('pages the list until totalFound, then fetches each detail, and parses the details', async () => {
  serveAll();

  const outcome = await smartrecruitersAdapter.fetch(config(), h.context());

  expect(outcome).toMatchObject({ complete: true, notModified: false });
  expect(h.sourcePaths()).toEqual([listPage(0), listPage(3), ...IDS.map((id) => `${LIST}/${id}`)]);
  const postings = parseOutcome(smartrecruitersAdapter, outcome, config());
  expect(postings.map((p) => p.externalId)).toEqual(IDS.slice(0, 4));
  expect(postings.every((p) => p.description)).toBe(true);
  expect(postings[1]).toMatchObject({ title: 'AR Follow-Up Specialist (Remote)', remote: true });
  expect(postings[3].closed).toBe(true);
});

it('sends the keyword as the API search parameter', async () => {
  serveAll('&q=coding');

  const outcome = await smartrecruitersAdapter.fetch(config({ keyword: 'coding' }), h.context());

  expect(outcome.complete).toBe(true);
  expect(h.sourceRequests()[0].path).toBe(listPage(0, '&q=coding'));
});

it('keeps the other postings and calls the fetch partial when a detail keeps failing', async () => {
  serveAll();
  h.server.route('GET', `${LIST}/${IDS[1]}`, answerWith(500));

  const outcome = await smartrecruitersAdapter.fetch(config(), h.context());

  expect(outcome.complete).toBe(false);
  const ids = parseOutcome(smartrecruitersAdapter, outcome, config()).map((p) => p.externalId);
  expect(ids).toEqual([IDS[0], IDS[2], IDS[3]]);
});

it('calls the fetch partial when a list page fails, and still fetches the details it knows', async () => {
  serveAll();
  h.server.route('GET', listPage(3), answerWith(502));

  const outcome = await smartrecruitersAdapter.fetch(config(), h.context());

  expect(outcome.complete).toBe(false);
  expect(parseOutcome(smartrecruitersAdapter, outcome, config()).map((p) => p.externalId)).toEqual(
    IDS.slice(0, 3),
  );
});

it('reports an unchanged list as not modified without fetching any detail', async () => {
  serveAll('', { etag: '"list-3"' });

  const outcome = await smartrecruitersAdapter.fetch(config(), h.contextWithEtag(listPage(0), '"list-3"'));

  expect(outcome.notModified).toBe(true);
  expect(h.sourcePaths()).toEqual([listPage(0)]);
});
