/**
 * Bitsets over listing slots: bit i lives in word i >>> 5, at bit i & 31. The in-memory search index keeps
 * one per lexeme (its postings) and combines them per query, so these are plain loops with no allocation
 * inside them.
 *
 * Bitsets of different word lengths mix freely: a missing word reads as 0. Results that allocate take
 * the length their operation needs (AND the shorter, OR the longer, a − b the length of a, NOT the
 * universe's), so no bit outside the inputs is ever invented.
 */

export function createBitset(bits: number): Uint32Array<ArrayBuffer> {
  return new Uint32Array((bits + 31) >>> 5);
}

/** Sets bit i. The bitset cannot grow: a bit beyond its length is an error, never a silent no-op. */
export function setBit(b: Uint32Array, i: number): void {
  const w = i >>> 5;
  if (i < 0 || w >= b.length) throw new RangeError(`bit ${i} is outside a ${b.length * 32}-bit set`);
  b[w] |= 1 << (i & 31);
}

export function hasBit(b: Uint32Array, i: number): boolean {
  const w = i >>> 5;
  return i >= 0 && w < b.length && (b[w] & (1 << (i & 31))) !== 0;
}

export function andBits(a: Uint32Array, b: Uint32Array): Uint32Array<ArrayBuffer> {
  const n = Math.min(a.length, b.length);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i] & b[i];
  return out;
}

export function orBits(a: Uint32Array, b: Uint32Array): Uint32Array<ArrayBuffer> {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const out = long.slice();
  for (let i = 0; i < short.length; i++) out[i] |= short[i];
  return out;
}

/** a minus b. */
export function andNotBits(a: Uint32Array, b: Uint32Array): Uint32Array<ArrayBuffer> {
  const out = a.slice();
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) out[i] &= ~b[i];
  return out;
}

/** universe minus a: the complement is only ever taken within a universe, never over raw words. */
export function notBits(a: Uint32Array, universe: Uint32Array): Uint32Array<ArrayBuffer> {
  return andNotBits(universe, a);
}

/** Set bits of one word: the standard SWAR reduction. */
export function wordBits(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Population count. */
export function countBits(b: Uint32Array): number {
  let count = 0;
  for (let i = 0; i < b.length; i++) count += wordBits(b[i]);
  return count;
}

/**
 * A bitset at least `words` long: the same one when it is, else a copy padded with empty words, for
 * loops that read several sets at every word without a bounds check each.
 */
export function atLeastWords(bits: Uint32Array, words: number): Uint32Array {
  if (bits.length >= words) return bits;
  const wide = new Uint32Array(words);
  wide.set(bits);
  return wide;
}

/** target &= other, in place; words of target beyond other's length become 0. Returns target. */
export function andInto<T extends Uint32Array>(target: T, other: Uint32Array): T {
  const n = Math.min(target.length, other.length);
  for (let i = 0; i < n; i++) target[i] &= other[i];
  target.fill(0, n);
  return target;
}

/**
 * target |= other, in place. Returns target. A typed array cannot grow, so a set bit in other beyond
 * target's length is an error rather than dropped.
 */
export function orInto<T extends Uint32Array>(target: T, other: Uint32Array): T {
  const n = Math.min(target.length, other.length);
  for (let i = 0; i < n; i++) target[i] |= other[i];
  for (let i = n; i < other.length; i++) {
    if (other[i] !== 0) throw new RangeError(`orInto: other has bits beyond the target's ${n * 32}`);
  }
  return target;
}

/** Calls fn with every set bit, in increasing order. */
export function forEachBit(b: Uint32Array, fn: (i: number) => void): void {
  for (let w = 0; w < b.length; w++) {
    let word = b[w];
    const base = w << 5;
    while (word !== 0) {
      const lowest = word & -word;
      fn(base + 31 - Math.clz32(lowest));
      word ^= lowest;
    }
  }
}

/**
 * A bitset of bitsLength bits with the first `length` entries of slots set (e.g. a posting list kept in
 * a larger, partly filled typed array). Slots must be ascending, which lets one check of the first and
 * last entry rule out any slot outside the set.
 */
export function bitsetFromSorted(
  slots: ArrayLike<number>,
  length: number,
  bitsLength: number,
): Uint32Array<ArrayBuffer> {
  if (length > slots.length) throw new RangeError(`length ${length} exceeds the ${slots.length} slots given`);
  const out = createBitset(bitsLength);
  if (length === 0) return out;
  if (slots[0] < 0 || slots[length - 1] >= bitsLength) {
    throw new RangeError(`slots ${slots[0]}..${slots[length - 1]} do not fit in ${bitsLength} bits`);
  }
  for (let i = 0; i < length; i++) {
    const s = slots[i];
    out[s >>> 5] |= 1 << (s & 31);
  }
  return out;
}
