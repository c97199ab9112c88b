import { BitsetPool } from './bitset-pool';

describe('BitsetPool', () => {
  it('hands back a given bitset, filled with the source', () => {
    const pool = new BitsetPool(2, 4);
    const first = pool.copyOf(Uint32Array.of(1, 2));
    pool.give(first);
    const again = pool.copyOf(Uint32Array.of(7, 8));
    expect(again).toBe(first);
    expect([...again]).toEqual([7, 8]);
  });

  it('forgets bitsets of the old width when resized, and drops ones given back late', () => {
    const pool = new BitsetPool(2, 4);
    const borrowed = pool.copyOf(new Uint32Array(2));
    pool.give(pool.copyOf(new Uint32Array(2)));
    expect(pool.size).toBe(1);
    pool.resize(4);
    expect(pool.size).toBe(0);
    pool.give(borrowed); // borrowed before the growth
    expect(pool.size).toBe(0);
    const wide = pool.copyOf(Uint32Array.of(1, 2, 3, 4));
    expect(wide).toHaveLength(4);
  });

  it('refuses a source of another width instead of copying part of it', () => {
    const pool = new BitsetPool(2, 4);
    expect(() => pool.copyOf(new Uint32Array(4))).toThrow(RangeError);
  });

  it('keeps at most maxFree bitsets', () => {
    const pool = new BitsetPool(1, 2);
    for (let i = 0; i < 5; i++) pool.give(new Uint32Array(1));
    expect(pool.size).toBe(2);
  });
});
