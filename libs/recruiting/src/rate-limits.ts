// How often a thing may happen in a sliding window: the counts come from the database (rows written
// when it happens), so every API process enforces the same limit.

export interface RateRule {
  limit: number;
  windowMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const RATE_RULES = {
  /** Sign-in links mailed to one address. */
  signInPerEmail: { limit: 5, windowMs: HOUR },
  /** Sign-in links asked for from one network address (hashed), whatever the e-mail. */
  signInPerClient: { limit: 20, windowMs: HOUR },
  /** Postings an organization creates (drafts included) in a day. */
  postingsPerOrg: { limit: 50, windowMs: DAY },
  /** Invitations an organization sends in a day. */
  invitesPerOrg: { limit: 30, windowMs: DAY },
  /** Reports of a job from one network address. */
  reportsPerClient: { limit: 10, windowMs: HOUR },
} as const satisfies Record<string, RateRule>;

export type RateRuleName = keyof typeof RATE_RULES;

/** The start of the window a count is taken over. */
export function windowStart(rule: RateRule, now: Date): Date {
  return new Date(now.getTime() - rule.windowMs);
}

/** Whether one more is allowed when `used` already happened within the window. */
export function allowedAfter(rule: RateRule, used: number): boolean {
  return used < rule.limit;
}
