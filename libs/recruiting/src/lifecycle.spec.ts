import {
  inRenewWindow,
  renewedValidThrough,
  transition,
  validThroughFor,
  validThroughProblem,
} from './lifecycle';

const now = new Date('2026-03-01T12:00:00Z');
const ctx = (verified: boolean, validThrough: Date | null = null) => ({ verified, now, validThrough });
const DAY = 86_400_000;

describe('posting lifecycle', () => {
  it('publishes a verified organization at once and sends an unverified one to review', () => {
    expect(transition('draft', 'submit', ctx(true))).toEqual({ ok: true, state: 'published' });
    expect(transition('draft', 'submit', ctx(false))).toEqual({ ok: true, state: 'review' });
    expect(transition('review', 'approve', ctx(false))).toEqual({ ok: true, state: 'published' });
    expect(transition('review', 'reject', ctx(false))).toEqual({ ok: true, state: 'rejected' });
    expect(transition('rejected', 'submit', ctx(false))).toEqual({ ok: true, state: 'review' });
  });

  it('sends an unverified organization edit of a published posting back to review', () => {
    expect(transition('published', 'edit', ctx(false))).toEqual({ ok: true, state: 'review' });
    expect(transition('published', 'edit', ctx(true))).toEqual({ ok: true, state: 'published' });
    expect(transition('closed', 'edit', ctx(true)).ok).toBe(false);
  });

  it('closes, expires and reposts', () => {
    expect(transition('published', 'close', ctx(true))).toEqual({ ok: true, state: 'closed' });
    expect(transition('draft', 'close', ctx(true)).ok).toBe(false);
    expect(transition('published', 'expire', ctx(true))).toEqual({ ok: true, state: 'expired' });
    expect(transition('expired', 'repost', ctx(false))).toEqual({ ok: true, state: 'review' });
    expect(transition('published', 'repost', ctx(true)).ok).toBe(false);
    expect(transition('review', 'approve', ctx(true)).ok).toBe(true);
    expect(transition('published', 'approve', ctx(true)).ok).toBe(false);
  });

  it('renews only in the window before expiry', () => {
    const end = new Date(now.getTime() + 3 * DAY);
    expect(transition('published', 'renew', ctx(true, end))).toEqual({ ok: true, state: 'published' });
    expect(transition('published', 'renew', ctx(true, new Date(now.getTime() + 20 * DAY))).ok).toBe(false);
    expect(inRenewWindow(new Date(now.getTime() - DAY), now)).toBe(false);
    expect(renewedValidThrough(end).getTime() - end.getTime()).toBe(30 * DAY);
  });

  it('closes 30 days after publication unless the posting says when (90 days at most)', () => {
    expect(validThroughFor(null, now).toISOString()).toBe('2026-03-31T12:00:00.000Z');
    expect(validThroughFor('2026-03-10', now).toISOString()).toBe('2026-03-10T23:59:59.999Z');
    expect(validThroughFor('2026-02-10', now).toISOString()).toBe('2026-03-31T12:00:00.000Z');
    expect(validThroughFor('2027-01-01', now).getTime()).toBe(now.getTime() + 90 * DAY);
    expect(validThroughProblem('2026-02-10', now)).toBe('must be a future date');
    expect(validThroughProblem('2027-01-01', now)).toBe('must be within 90 days');
    expect(validThroughProblem('2026-03-10', now)).toBeNull();
  });
});
