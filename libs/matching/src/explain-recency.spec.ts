import { listingWith } from '../testing/fixtures';
import { explainRecency } from './explain-recency';

const now = new Date('2026-03-31T12:00:00Z');
const postedDaysAgo = (days: number) =>
  listingWith({ postedAt: new Date(now.getTime() - days * 86_400_000).toISOString() });

describe('explainRecency', () => {
  it('says how long ago a listing was posted', () => {
    expect(explainRecency(postedDaysAgo(0), now).reasons[0]).toEqual({
      code: 'posted_recently',
      text: 'Posted today',
      effect: 'positive',
    });
    expect(explainRecency(postedDaysAgo(1), now).reasons[0].text).toBe('Posted yesterday');
    expect(explainRecency(postedDaysAgo(20), now).reasons[0]).toEqual({
      code: 'posted',
      text: 'Posted 20 days ago',
      effect: 'neutral',
    });
    expect(explainRecency(postedDaysAgo(60), now).reasons[0]).toEqual({
      code: 'posted_long_ago',
      text: 'Posted 60 days ago: it may be filled',
      effect: 'negative',
    });
  });

  it('halves every thirty days', () => {
    expect(explainRecency(postedDaysAgo(0), now).part).toBe(1);
    expect(explainRecency(postedDaysAgo(30), now).part).toBeCloseTo(0.5, 5);
  });

  it('treats a future date as today and a missing date as neutral', () => {
    expect(explainRecency(postedDaysAgo(-2), now).part).toBe(1);
    const unknown = explainRecency(listingWith({ postedAt: null }), now);
    expect(unknown.reasons[0].text).toBe('Posting date unknown');
    expect(unknown.part).toBeGreaterThan(0);
    expect(unknown.part).toBeLessThan(1);
  });
});
