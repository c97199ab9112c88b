import { HttpError } from '#http';
import { usajobsAdapter } from '#sources/testing';
import { UsajobsApiKeyMissingError } from '#sources/testing';
import { answerWith, JSON_TYPE, parseOutcome, sourceFixture, useSourceHarness } from './source-harness';

// The USAJOBS adapter against a real local server: the auth headers on every page, Page=N paging by
// NumberOfPages, a conditional first page, and the API key kept out of every error.

const API_KEY = 'Zm9yLXRlc3RzLW9ubHk-usajobs-key-1234567890';
const EMAIL = 'feeds@coderjobs.example';
const QUERY = 'Keyword=coder&JobCategoryCode=0675&ResultsPerPage=3';
const page = (n: number) => `/api/search?${QUERY}&Page=${n}`;
const fixture = (name: string) => sourceFixture('usajobs', name);

const h = useSourceHarness();
const config = h.localConfig(usajobsAdapter, {
  keyword: 'coder',
  jobCategoryCode: '0675',
  email: EMAIL,
  apiKey: API_KEY,
  resultsPerPage: 3,
});

function servePages(opts: { etag?: string } = {}) {
  h.server.serve(page(1), fixture('search-page-1.json'), JSON_TYPE, opts);
  h.server.serve(page(2), fixture('search-page-2.json'), JSON_TYPE);
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const result = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(result instanceof Error)) throw new Error('expected the fetch to fail');
  return result;
}

it('pages through NumberOfPages and parses every announcement', async () => {
  servePages();

  const outcome = await usajobsAdapter.fetch(config(), h.context());

  expect(outcome).toMatchObject({ complete: true, notModified: false });
  expect(h.sourcePaths()).toEqual([page(1), page(2)]);
  const postings = parseOutcome(usajobsAdapter, outcome, config());
  expect(postings.map((p) => p.externalId)).toEqual(['871204500', '871204611', '871205037', '871205160']);
  expect(postings[2]).toMatchObject({ remote: true, employer: 'Indian Health Service' });
  expect(outcome.documents.map((d) => d.url).join(' ')).not.toContain(API_KEY);
});

it('sends the key and the host on every request, and the key nowhere else', async () => {
  servePages();

  await usajobsAdapter.fetch(config(), h.context());

  for (const request of h.sourceRequests()) {
    expect(request.headers['authorization-key']).toBe(API_KEY);
    expect(request.headers.host).toBe(new URL(h.server.origin).host);
    expect(request.path).not.toContain(API_KEY);
  }
});

it('sends the registered e-mail as the User-Agent', async () => {
  servePages();

  await usajobsAdapter.fetch(config(), h.context());

  expect(h.sourceRequests()[0].headers['user-agent']).toBe(EMAIL);
});

it('reads the key from the environment variable the config names', async () => {
  servePages();
  process.env.CODERJOBS_TEST_USAJOBS_KEY = API_KEY;
  try {
    await usajobsAdapter.fetch(
      config({ apiKey: undefined, apiKeyEnv: 'CODERJOBS_TEST_USAJOBS_KEY' }),
      h.context(),
    );
  } finally {
    delete process.env.CODERJOBS_TEST_USAJOBS_KEY;
  }
  expect(h.sourceRequests()[0].headers['authorization-key']).toBe(API_KEY);
});

it('refuses to run without a key, naming where it looked', async () => {
  const error = await failure(
    usajobsAdapter.fetch(config({ apiKey: undefined, apiKeyEnv: 'CODERJOBS_TEST_NO_SUCH_KEY' }), h.context()),
  );

  expect(error).toBeInstanceOf(UsajobsApiKeyMissingError);
  expect(error.message).toContain('CODERJOBS_TEST_NO_SUCH_KEY');
  expect(h.sourceRequests()).toHaveLength(0);
});

it('keeps the key out of the error when the API refuses it', async () => {
  h.server.route('GET', page(1), (req, res) => {
    // A server that echoes the key back must not get it into our error either.
    res.writeHead(401, { 'content-type': JSON_TYPE, 'x-echo': String(req.headers['authorization-key']) });
    res.end(fixture('unauthorized.json'));
  });

  const error = await failure(usajobsAdapter.fetch(config(), h.context()));

  expect(error).toBeInstanceOf(HttpError);
  expect(error).toMatchObject({ code: 'HTTP_STATUS', status: 401 });
  expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(API_KEY);
});

it('keeps the key out of a network error', async () => {
  h.server.route('GET', page(1), (req) => {
    req.socket.destroy();
  });

  const error = await failure(usajobsAdapter.fetch(config(), h.context()));

  expect(error).toMatchObject({ code: 'NETWORK' });
  expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(API_KEY);
});

it('calls the fetch partial when a later page keeps failing', async () => {
  h.server.serve(page(1), fixture('search-page-1.json'), JSON_TYPE);
  h.server.route('GET', page(2), answerWith(500));

  const outcome = await usajobsAdapter.fetch(config(), h.context());

  expect(outcome.complete).toBe(false);
  expect(parseOutcome(usajobsAdapter, outcome, config())).toHaveLength(3);
});

it('reports an unchanged first page as not modified', async () => {
  servePages({ etag: '"search-9"' });

  const outcome = await usajobsAdapter.fetch(config(), h.contextWithEtag(page(1), '"search-9"'));

  expect(outcome.notModified).toBe(true);
  expect(h.sourcePaths()).toEqual([page(1)]);
});
