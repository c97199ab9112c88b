import { createBitset, setBit } from './bitset';

// Which slots hold each lexeme. A rare lexeme keeps a sorted list of slots (4 bytes a slot); once it
// is in more slots than the bitset has words, a bitset is smaller and it switches for good. Slots
// only ever grow (a changed listing gets a new slot), so appending keeps lists sorted.

interface Postings {
  slots: Uint32Array | null;
  length: number;
  bits: Uint32Array | null;
}

export class TermPostings {
  private readonly terms = new Map<string, Postings>();
  private words: number;

  constructor(capacityBits: number) {
    this.words = Math.ceil(capacityBits / 32);
  }

  get size(): number {
    return this.terms.size;
  }

  /** Bitsets must cover every slot: called when the index grows. */
  grow(capacityBits: number): void {
    const words = Math.ceil(capacityBits / 32);
    if (words <= this.words) return;
    this.words = words;
    for (const p of this.terms.values()) {
      if (!p.bits) continue;
      const bits = new Uint32Array(words);
      bits.set(p.bits);
      p.bits = bits;
    }
  }

  add(slot: number, lexemes: readonly string[]): void {
    for (const lexeme of lexemes) {
      let p = this.terms.get(lexeme);
      if (!p) {
        p = { slots: new Uint32Array(4), length: 0, bits: null };
        this.terms.set(lexeme, p);
      }
      if (p.bits) {
        setBit(p.bits, slot);
        continue;
      }
      const slots = p.slots as Uint32Array;
      if (p.length > 0 && slots[p.length - 1] === slot) continue; // a lexeme listed twice
      if (p.length === slots.length) {
        if (p.length * 2 > this.words) {
          p.bits = createBitset(this.words * 32);
          for (let i = 0; i < p.length; i++) setBit(p.bits, slots[i]);
          setBit(p.bits, slot);
          p.slots = null;
          continue;
        }
        const bigger = new Uint32Array(p.length * 2);
        bigger.set(slots);
        p.slots = bigger;
      }
      (p.slots as Uint32Array)[p.length++] = slot;
    }
  }

  /** Slots holding the lexeme (or, with prefix, any lexeme starting with it), as a fresh or shared bitset. */
  bitset(lexeme: string, prefix: boolean): Uint32Array {
    if (!prefix) return this.exact(lexeme);
    const out = createBitset(this.words * 32);
    for (const [term, p] of this.terms) {
      if (!term.startsWith(lexeme)) continue;
      this.orPostings(out, p);
    }
    return out;
  }

  private exact(lexeme: string): Uint32Array {
    const p = this.terms.get(lexeme);
    if (p?.bits) return p.bits;
    const out = createBitset(this.words * 32);
    if (p) this.orPostings(out, p);
    return out;
  }

  private orPostings(out: Uint32Array, p: Postings): void {
    if (p.bits) {
      for (let i = 0; i < p.bits.length; i++) out[i] |= p.bits[i];
      return;
    }
    const slots = p.slots as Uint32Array;
    for (let i = 0; i < p.length; i++) setBit(out, slots[i]);
  }

  /** Bytes held by postings (lists and bitsets), for the memory report. */
  bytes(): number {
    let total = 0;
    for (const p of this.terms.values()) total += p.bits ? p.bits.byteLength : (p.slots?.byteLength ?? 0);
    return total;
  }
}
