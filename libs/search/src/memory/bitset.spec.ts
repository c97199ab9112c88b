import {
  andBits,
  atLeastWords,
  andInto,
  andNotBits,
  bitsetFromSorted,
  countBits,
  createBitset,
  forEachBit,
  hasBit,
  notBits,
  orBits,
  orInto,
  setBit,
  wordBits,
} from './bitset';

function bitsOf(b: Uint32Array): number[] {
  const out: number[] = [];
  forEachBit(b, (i) => out.push(i));
  return out;
}

function from(bits: number, ...set: number[]): Uint32Array {
  const b = createBitset(bits);
  for (const i of set) setBit(b, i);
  return b;
}

describe('bitset', () => {
  it('sizes to whole words and sets and reads bits, including bit 31 of a word', () => {
    expect(createBitset(0).length).toBe(0);
    expect(createBitset(1).length).toBe(1);
    expect(createBitset(32).length).toBe(1);
    expect(createBitset(33).length).toBe(2);
    const b = from(64, 0, 31, 32, 63);
    expect([0, 31, 32, 63].map((i) => hasBit(b, i))).toEqual([true, true, true, true]);
    expect([1, 30, 33, 64, 1000, -1].map((i) => hasBit(b, i))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(bitsOf(b)).toEqual([0, 31, 32, 63]);
  });

  it('refuses to set a bit it has no room for', () => {
    expect(() => setBit(createBitset(32), 32)).toThrow(RangeError);
    expect(() => setBit(createBitset(32), -1)).toThrow(RangeError);
  });

  it('combines sets of the same length without touching the inputs', () => {
    const a = from(70, 1, 2, 40, 69);
    const b = from(70, 2, 3, 69);
    expect(bitsOf(andBits(a, b))).toEqual([2, 69]);
    expect(bitsOf(orBits(a, b))).toEqual([1, 2, 3, 40, 69]);
    expect(bitsOf(andNotBits(a, b))).toEqual([1, 40]);
    expect(bitsOf(a)).toEqual([1, 2, 40, 69]);
    expect(bitsOf(b)).toEqual([2, 3, 69]);
  });

  it('treats missing words of a shorter set as zero', () => {
    const long = from(96, 5, 40, 90);
    const short = from(32, 5, 6);
    expect(bitsOf(andBits(long, short))).toEqual([5]);
    expect(bitsOf(andBits(short, long))).toEqual([5]);
    expect(bitsOf(orBits(short, long))).toEqual([5, 6, 40, 90]);
    expect(bitsOf(andNotBits(long, short))).toEqual([40, 90]);
    expect(bitsOf(andNotBits(short, long))).toEqual([6]);
  });

  it('complements only within the universe', () => {
    const universe = from(64, 0, 1, 2, 50);
    expect(bitsOf(notBits(from(64, 1, 7), universe))).toEqual([0, 2, 50]);
    // A shorter set leaves the rest of the universe in; a longer one cannot add bits outside it.
    expect(bitsOf(notBits(from(8, 0), universe))).toEqual([1, 2, 50]);
    expect(bitsOf(notBits(from(200, 199), universe))).toEqual([0, 1, 2, 50]);
    expect(notBits(from(200, 199), universe).length).toBe(universe.length);
  });

  it('counts bits, all 32 of a full word too', () => {
    expect(countBits(createBitset(100))).toBe(0);
    expect(countBits(Uint32Array.of(0xffffffff, 0x80000001, 0x0f0f0f0f))).toBe(32 + 2 + 16);
    const b = from(1000, 0, 31, 32, 500, 999);
    expect(countBits(b)).toBe(5);
    // Against a naive count over varied words.
    const words = Uint32Array.from({ length: 64 }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);
    let naive = 0;
    for (const w of words) for (let k = 0; k < 32; k++) naive += (w >>> k) & 1;
    expect(countBits(words)).toBe(naive);
  });

  it('ANDs and ORs in place, returning the target', () => {
    const t = from(96, 1, 40, 90);
    expect(andInto(t, from(64, 1, 40))).toBe(t);
    expect(bitsOf(t)).toEqual([1, 40]);
    expect(orInto(t, from(32, 3))).toBe(t);
    expect(bitsOf(t)).toEqual([1, 3, 40]);
    // Extra words in other are fine while they are empty, an error when they hold bits.
    orInto(t, from(200, 95));
    expect(bitsOf(t)).toEqual([1, 3, 40, 95]);
    expect(() => orInto(t, from(200, 150))).toThrow(RangeError);
  });

  it('visits bits in increasing order, including the sign bit of a word', () => {
    expect(bitsOf(Uint32Array.of(0x80000000, 0, 0xffffffff)).length).toBe(33);
    expect(bitsOf(Uint32Array.of(0x80000001))).toEqual([0, 31]);
  });

  it('builds a set from the used prefix of a sorted slot array', () => {
    const slots = Uint32Array.of(0, 3, 33, 64, 9999);
    const b = bitsetFromSorted(slots, 4, 65);
    expect(b.length).toBe(3);
    expect(bitsOf(b)).toEqual([0, 3, 33, 64]);
    expect(bitsOf(bitsetFromSorted([], 0, 10))).toEqual([]);
    expect(() => bitsetFromSorted(slots, 5, 65)).toThrow(RangeError);
    expect(() => bitsetFromSorted([1], 2, 65)).toThrow(RangeError);
  });

  it('counts the bits of one word, the sign bit included', () => {
    expect([0, 1, 0x80000000, 0xffffffff, 0x0f0f0f0f, -1].map(wordBits)).toEqual([0, 1, 1, 32, 16, 32]);
    const b = Uint32Array.of(0xffffffff, 5, 0x80000000);
    expect(countBits(b)).toBe(35);
  });

  it('pads a short set with empty words and hands a long enough one back unchanged', () => {
    const short = Uint32Array.of(7);
    const wide = atLeastWords(short, 3);
    expect([...wide]).toEqual([7, 0, 0]);
    expect(wide).not.toBe(short);
    expect(atLeastWords(wide, 2)).toBe(wide);
    expect(atLeastWords(wide, 3)).toBe(wide);
  });
});
