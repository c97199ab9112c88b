import { HttpError } from '#http';
import { greenhouseAdapter } from '#sources/testing';
import { ParseError } from '#sources';
import { JSON_TYPE, parseOutcome, sourceFixture, useSourceHarness } from './source-harness';

// The Greenhouse adapter against a real local server: one unpaged board request, conditional
// re-fetches, and the failures a board can answer with.

const BOARD_PATH = '/v1/boards/lakeshorehealth/jobs';
const fixture = (name: string) => sourceFixture('greenhouse', name);

const h = useSourceHarness();
const config = h.localConfig(greenhouseAdapter, { boardToken: 'lakeshorehealth' });

it('fetches the board once, with content and pay ranges, and parses its postings', async () => {
  h.server.serve(BOARD_PATH, fixture('board-jobs.json'), JSON_TYPE);

  const outcome = await greenhouseAdapter.fetch(config(), h.context());

  expect(outcome).toMatchObject({ complete: true, notModified: false });
  expect(h.sourcePaths()).toEqual([`${BOARD_PATH}?content=true&pay_transparency=true`]);
  const postings = parseOutcome(greenhouseAdapter, outcome, config());
  expect(postings.map((p) => p.title)).toEqual([
    'Inpatient Coder II',
    'Professional Fee Coder - Remote',
    'Coding Quality Auditor',
    'Patient Account Representative - Hospital Billing (Part-time)',
  ]);
  expect(postings[0]).toMatchObject({
    employer: 'Lakeshore Health Partners',
    salary: { min: 31, max: 38, currency: 'USD' },
    locations: [{ city: 'Dallas', state: 'TX' }],
  });
  expect(postings[0].description).toContain('<li>CCS required; RHIT or RHIA preferred</li>');
});

it('sends the stored ETag and reports an unchanged board as not modified', async () => {
  h.server.serve(BOARD_PATH, fixture('board-jobs.json'), JSON_TYPE, { etag: '"board-v7"' });
  const first = await greenhouseAdapter.fetch(config(), h.context());
  const [document] = first.documents;
  expect(document.etag).toBe('"board-v7"');

  const second = await greenhouseAdapter.fetch(
    config(),
    h.context({ [document.url]: { etag: '"board-v7"', lastModified: null } }),
  );

  expect(second.notModified).toBe(true);
  expect(second.documents).toEqual([expect.objectContaining({ notModified: true, body: '' })]);
  expect(h.sourceRequests()[1].headers['if-none-match']).toBe('"board-v7"');
});

it('fails with a permanent HTTP error for a board that does not exist', async () => {
  h.server.route('GET', BOARD_PATH, (_req, res) => {
    res.writeHead(404, { 'content-type': JSON_TYPE }).end(fixture('board-not-found.json'));
  });

  const error = await greenhouseAdapter.fetch(config(), h.context()).catch((err: unknown) => err);

  expect(error).toBeInstanceOf(HttpError);
  expect((error as HttpError).permanent).toBe(true);
});

it('fetches an HTML error page served with 200, which parse refuses', async () => {
  h.server.serve(BOARD_PATH, fixture('error-page.html'), 'text/html');

  const outcome = await greenhouseAdapter.fetch(config(), h.context());

  expect(() => parseOutcome(greenhouseAdapter, outcome, config())).toThrow(ParseError);
});
