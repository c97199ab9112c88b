import robotsParser from 'robots-parser';
import { systemClock, untilAborted, type Clock } from './clock';
import { HttpError } from './http-client.types';

// robots.txt per origin (RFC 9309), fetched once and cached. How an answer is read:
// - 2xx: the rules apply to our product token (or the "*" group);
// - 4xx ("unavailable"): no rules, everything is allowed (§2.3.1.3), except 429, which means
//   "slow down" and is treated like a server error, as the major crawlers do;
// - 5xx or no answer at all ("unreachable"): the whole origin is disallowed (§2.3.1.4) until
//   robotsErrorTtlMs passes and it is asked again.

type RobotsRules = ReturnType<typeof robotsParser>;

/** What fetching /robots.txt produced, before interpretation. */
export type RobotsFetchOutcome =
  | { kind: 'body'; body: string }
  | { kind: 'status'; status: number }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'unreachable'; reason: string };

export type RobotsPolicy =
  | { kind: 'allow-all'; reason: string }
  | { kind: 'disallow-all'; reason: string }
  | { kind: 'rules'; rules: RobotsRules };

export interface RobotsVerdict {
  allowed: boolean;
  /** Why it is disallowed, naming the robots.txt URL; null when allowed. */
  reason: string | null;
  /** Crawl-delay for our group in ms, or null when none is given. */
  crawlDelayMs: number | null;
}

export function robotsUrlFor(url: URL): string {
  return `${url.origin}/robots.txt`;
}

/** Pure: what a robots.txt outcome means for the origin. */
export function interpretRobots(robotsUrl: string, outcome: RobotsFetchOutcome): RobotsPolicy {
  switch (outcome.kind) {
    case 'body':
      return { kind: 'rules', rules: robotsParser(robotsUrl, outcome.body) };
    case 'unavailable':
      return { kind: 'allow-all', reason: `${robotsUrl} is unavailable (${outcome.reason})` };
    case 'unreachable':
      return { kind: 'disallow-all', reason: `${robotsUrl} is unreachable (${outcome.reason})` };
    case 'status':
      if (outcome.status >= 400 && outcome.status < 500 && outcome.status !== 429) {
        return { kind: 'allow-all', reason: `${robotsUrl} answered ${outcome.status}` };
      }
      return { kind: 'disallow-all', reason: `${robotsUrl} answered ${outcome.status}` };
  }
}

/** Pure: the verdict of a policy for one URL and product token. */
export function judgeUrl(policy: RobotsPolicy, url: string, productToken: string): RobotsVerdict {
  switch (policy.kind) {
    case 'allow-all':
      return { allowed: true, reason: null, crawlDelayMs: null };
    case 'disallow-all':
      return {
        allowed: false,
        reason: `${policy.reason}, so the whole site is treated as disallowed`,
        crawlDelayMs: null,
      };
    case 'rules': {
      const delay = policy.rules.getCrawlDelay(productToken);
      const crawlDelayMs =
        typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? delay * 1000 : null;
      // undefined means the URL is not on this robots.txt's origin; it cannot forbid it.
      const allowed = policy.rules.isAllowed(url, productToken) !== false;
      const line = allowed ? null : policy.rules.getMatchingLineNumber(url, productToken);
      return {
        allowed,
        reason: allowed
          ? null
          : `robots.txt disallows ${url} for ${productToken}${line && line > 0 ? ` (line ${line})` : ''}`,
        crawlDelayMs,
      };
    }
  }
}

interface CacheEntry {
  policy: RobotsPolicy;
  expiresAt: number;
}

export interface RobotsCacheOptions {
  productToken: string;
  ttlMs: number;
  errorTtlMs: number;
  clock?: Clock;
}

export class RobotsCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** One fetch per origin at a time: concurrent callers share it. */
  private readonly inFlight = new Map<string, Promise<RobotsPolicy>>();
  private readonly clock: Clock;

  constructor(
    private readonly fetchRobots: (robotsUrl: string) => Promise<RobotsFetchOutcome>,
    private readonly options: RobotsCacheOptions,
  ) {
    this.clock = options.clock ?? systemClock;
  }

  async check(url: URL, signal?: AbortSignal): Promise<RobotsVerdict> {
    const policy = await untilAborted(this.policyFor(url), signal);
    return judgeUrl(policy, url.href, this.options.productToken);
  }

  private policyFor(url: URL): Promise<RobotsPolicy> {
    const origin = url.origin;
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > this.clock.now()) return Promise.resolve(cached.policy);
    const pending = this.inFlight.get(origin);
    if (pending) return pending;

    const robotsUrl = robotsUrlFor(url);
    const lookup = this.fetchRobots(robotsUrl)
      .catch((err: unknown): RobotsFetchOutcome => {
        // A refused destination is not a robots.txt answer: it fails the request and is not cached.
        if (err instanceof HttpError && err.permanent) throw err;
        return { kind: 'unreachable', reason: (err as Error).message };
      })
      .then((outcome) => {
        const policy = interpretRobots(robotsUrl, outcome);
        const ttl = policy.kind === 'disallow-all' ? this.options.errorTtlMs : this.options.ttlMs;
        this.entries.set(origin, { policy, expiresAt: this.clock.now() + ttl });
        return policy;
      })
      .finally(() => this.inFlight.delete(origin));
    this.inFlight.set(origin, lookup);
    return lookup;
  }
}
