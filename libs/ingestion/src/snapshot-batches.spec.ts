import { cutBatches } from './snapshot-writer';

describe('cutBatches', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('keeps every item once, in order', () => {
    for (const n of [0, 1, 99, 100, 500, 1000, 1001, 1234, 10_000]) {
      expect(cutBatches(items(n), 500).flat()).toEqual(items(n));
    }
  });

  it('cuts short first and last batches from a large snapshot', () => {
    const sizes = cutBatches(items(10_000), 500).map((b) => b.length);
    expect(sizes[0]).toBe(100);
    expect(sizes[sizes.length - 1]).toBe(100);
    expect(Math.max(...sizes)).toBe(500);
  });

  it('leaves small snapshots and small batch sizes as plain batches', () => {
    expect(cutBatches(items(800), 500).map((b) => b.length)).toEqual([500, 300]);
    expect(cutBatches(items(450), 100).map((b) => b.length)).toEqual([100, 100, 100, 100, 50]);
  });
});
