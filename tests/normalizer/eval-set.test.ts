// The normalizer's accuracy on the hand-labelled eval postings, held to the project's targets.
import { evaluateNormalizer, missedTargets, TARGETS } from '../eval/normalizer/evaluate-normalizer';

describe('normalizer eval set', () => {
  const report = evaluateNormalizer();

  it('has at least 80 labelled postings', () => {
    expect(report.postings).toBeGreaterThanOrEqual(80);
  });

  it.each(Object.keys(TARGETS).filter((field) => field !== 'payExact'))('%s F1 meets its target', (field) => {
    const score = report.fields.find((f) => f.field === field);
    expect(score?.f1).toBeGreaterThanOrEqual(TARGETS[field]);
  });

  it('reads pay exactly right often enough', () => {
    expect(report.payExact).toBeGreaterThanOrEqual(TARGETS.payExact);
  });

  it('misses no target', () => {
    expect(missedTargets(report)).toEqual([]);
  });
});
