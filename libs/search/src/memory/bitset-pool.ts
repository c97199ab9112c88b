/**
 * Working bitsets kept for reuse, all of one width: the index's, in words. Every request needs one or
 * two, and at 250,000 slots each is 31 KB outside the JS heap: allocated afresh, they drive the
 * collector into full collections of a heap holding every listing.
 *
 * The width is part of the pool, not of its callers: when the index grows, `resize` empties the pool,
 * and a bitset of another width (one borrowed before the growth and given back after it) is dropped
 * rather than kept, so a borrowed bitset always has the index's current width.
 */
export class BitsetPool {
  private readonly free: Uint32Array[] = [];

  constructor(
    private words: number,
    private readonly maxFree: number,
  ) {}

  /** A bitset holding a copy of `source`, which must be `words` long. */
  copyOf(source: Uint32Array): Uint32Array {
    if (source.length !== this.words) {
      throw new RangeError(`a ${source.length}-word set cannot fill a pool of ${this.words}-word sets`);
    }
    const bits = this.free.pop();
    if (!bits) return source.slice();
    bits.set(source);
    return bits;
  }

  give(bits: Uint32Array): void {
    if (bits.length === this.words && this.free.length < this.maxFree) this.free.push(bits);
  }

  /** The index grew: bitsets of the old width are of no further use. */
  resize(words: number): void {
    this.words = words;
    this.free.length = 0;
  }

  get size(): number {
    return this.free.length;
  }
}
