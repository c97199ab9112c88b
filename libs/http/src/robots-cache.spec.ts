import type { Clock } from './clock';
import { interpretRobots, judgeUrl, RobotsCache, type RobotsFetchOutcome } from './robots-cache';

const ROBOTS = 'https://jobs.example.org/robots.txt';
const TOKEN = 'CoderJobsBot';

describe('interpretRobots and judgeUrl', () => {
  const judge = (outcome: RobotsFetchOutcome, url: string) =>
    judgeUrl(interpretRobots(ROBOTS, outcome), url, TOKEN);

  it('applies our own group over the * group', () => {
    const body = 'User-agent: *\nDisallow: /\n\nUser-agent: CoderJobsBot\nDisallow: /admin\nCrawl-delay: 2\n';
    expect(judge({ kind: 'body', body }, 'https://jobs.example.org/careers')).toEqual({
      allowed: true,
      reason: null,
      crawlDelayMs: 2_000,
    });
    const denied = judge({ kind: 'body', body }, 'https://jobs.example.org/admin/x');
    expect(denied.allowed).toBe(false);
    expect(denied.reason).toContain('https://jobs.example.org/admin/x');
    expect(denied.reason).toContain('line 5');
  });

  it('falls back to the * group and honours Allow over a shorter Disallow', () => {
    const body = 'User-agent: *\nDisallow: /jobs\nAllow: /jobs/public\n';
    expect(judge({ kind: 'body', body }, 'https://jobs.example.org/jobs/1').allowed).toBe(false);
    expect(judge({ kind: 'body', body }, 'https://jobs.example.org/jobs/public/1').allowed).toBe(true);
  });

  it('allows everything on 4xx, except 429', () => {
    expect(judge({ kind: 'status', status: 404 }, 'https://jobs.example.org/x').allowed).toBe(true);
    expect(judge({ kind: 'status', status: 403 }, 'https://jobs.example.org/x').allowed).toBe(true);
    expect(judge({ kind: 'status', status: 429 }, 'https://jobs.example.org/x').allowed).toBe(false);
  });

  it('disallows everything on 5xx or when unreachable, saying why', () => {
    const server = judge({ kind: 'status', status: 503 }, 'https://jobs.example.org/x');
    expect(server.allowed).toBe(false);
    expect(server.reason).toContain('503');
    const network = judge({ kind: 'unreachable', reason: 'ECONNREFUSED' }, 'https://jobs.example.org/x');
    expect(network.allowed).toBe(false);
    expect(network.reason).toContain('ECONNREFUSED');
  });

  it('allows everything when robots.txt is unavailable (e.g. too many redirects)', () => {
    expect(
      judge({ kind: 'unavailable', reason: 'more than 5 redirects' }, 'https://jobs.example.org/x').allowed,
    ).toBe(true);
  });
});

describe('RobotsCache', () => {
  function setup(outcomes: RobotsFetchOutcome[]) {
    const clock: Clock & { t: number } = { t: 0, now: () => clock.t, sleep: async () => undefined };
    const fetched: string[] = [];
    const cache = new RobotsCache(
      async (url) => {
        fetched.push(url);
        return outcomes.shift() ?? { kind: 'status', status: 404 };
      },
      { productToken: TOKEN, ttlMs: 60_000, errorTtlMs: 5_000, clock },
    );
    return { cache, clock, fetched };
  }
  const page = new URL('https://jobs.example.org/careers');

  it('fetches once per origin, sharing one lookup between concurrent callers', async () => {
    const { cache, fetched } = setup([{ kind: 'body', body: 'User-agent: *\nDisallow: /x\n' }]);
    await Promise.all([
      cache.check(page),
      cache.check(page),
      cache.check(new URL('https://jobs.example.org/x')),
    ]);
    await cache.check(new URL('https://other.example.org/'));
    expect(fetched).toEqual([ROBOTS, 'https://other.example.org/robots.txt']);
  });

  it('fetches again after the TTL', async () => {
    const { cache, clock, fetched } = setup([]);
    await cache.check(page);
    clock.t += 59_000;
    await cache.check(page);
    clock.t += 2_000;
    await cache.check(page);
    expect(fetched).toHaveLength(2);
  });

  it('asks again sooner after an unreachable robots.txt', async () => {
    const { cache, clock, fetched } = setup([
      { kind: 'status', status: 500 },
      { kind: 'status', status: 404 },
    ]);
    expect((await cache.check(page)).allowed).toBe(false);
    clock.t += 6_000;
    expect((await cache.check(page)).allowed).toBe(true);
    expect(fetched).toHaveLength(2);
  });

  it('treats a fetcher that throws as unreachable', async () => {
    const cache = new RobotsCache(() => Promise.reject(new Error('socket hang up')), {
      productToken: TOKEN,
      ttlMs: 1,
      errorTtlMs: 1,
    });
    const verdict = await cache.check(page);
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toContain('socket hang up');
  });
});
