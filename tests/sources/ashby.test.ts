import { ashbyAdapter } from '#sources/testing';
import { ParseError } from '#sources';
import { answerWith, JSON_TYPE, parseOutcome, sourceFixture, useSourceHarness } from './source-harness';

// The Ashby adapter against a real local server: one unpaged board request with compensation, a
// conditional re-fetch, and a board that answers with an error page.

const BOARD = '/posting-api/job-board/northwind-coding';
const fixture = (name: string) => sourceFixture('ashby', name);

const h = useSourceHarness();
const config = h.localConfig(ashbyAdapter, {
  jobBoardName: 'northwind-coding',
  employerName: 'Northwind Coding Co-op',
});

it('fetches the board with compensation and parses its listed jobs', async () => {
  h.server.serve(BOARD, fixture('job-board.json'), JSON_TYPE);

  const outcome = await ashbyAdapter.fetch(config(), h.context());

  expect(outcome).toMatchObject({ complete: true, notModified: false });
  expect(h.sourcePaths()).toEqual([`${BOARD}?includeCompensation=true`]);
  const postings = parseOutcome(ashbyAdapter, outcome, config());
  expect(postings.map((p) => p.title)).toEqual([
    'Emergency Department Coder (Remote)',
    'Inpatient DRG Validation Specialist',
    'Medical Biller (Part-time)',
  ]);
  expect(postings[0]).toMatchObject({ remote: true, salary: { min: 24, max: 30, unit: '1 HOUR' } });
  expect(postings[1].locations).toHaveLength(3);
});

it('reports an unchanged board as not modified', async () => {
  h.server.serve(BOARD, fixture('job-board.json'), JSON_TYPE, { etag: '"nw-12"' });

  const outcome = await ashbyAdapter.fetch(
    config(),
    h.contextWithEtag(`${BOARD}?includeCompensation=true`, '"nw-12"'),
  );

  expect(outcome).toMatchObject({ notModified: true, complete: false });
  expect(h.sourceRequests()[0].headers['if-none-match']).toBe('"nw-12"');
});

it('fetches an HTML page served with 200, which parse refuses', async () => {
  h.server.serve(BOARD, fixture('error-page.html'), 'text/html');

  const outcome = await ashbyAdapter.fetch(config(), h.context());

  expect(() => parseOutcome(ashbyAdapter, outcome, config())).toThrow(ParseError);
});

it('throws when the board keeps failing', async () => {
  h.server.route('GET', BOARD, answerWith(503));

  await expect(ashbyAdapter.fetch(config(), h.context())).rejects.toMatchObject({
    code: 'HTTP_STATUS',
    status: 503,
  });
});
