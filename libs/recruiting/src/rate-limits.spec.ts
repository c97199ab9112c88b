import { allowedAfter, RATE_RULES, windowStart } from './rate-limits';

describe('rate rules', () => {
  it('allow up to the limit within the window', () => {
    const rule = RATE_RULES.signInPerEmail;
    expect(allowedAfter(rule, rule.limit - 1)).toBe(true);
    expect(allowedAfter(rule, rule.limit)).toBe(false);
    const now = new Date('2026-03-01T12:00:00Z');
    expect(windowStart(rule, now).toISOString()).toBe('2026-03-01T11:00:00.000Z');
  });
});
