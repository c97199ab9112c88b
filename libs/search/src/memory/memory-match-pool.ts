import {
  eligibilityTest,
  type CandidateProfile,
  type EquivalenceRule,
  type MatchableListing,
} from '#matching';
import { POOL_SIZE, poolCriteria, type PoolCriteria, type PoolOptions } from '../match-pool';
import { atLeastWords, createBitset, orInto, wordBits } from './bitset';
import { remoteEligibleBits, withinCircleBits } from './memory-filters';
import type { OpenListingIndex, ValueKey } from './open-listing-index';

// The match pool from the in-memory index: the same pre-filter as the SQL pool (match-pool.ts) as
// bitsets, then a walk newest first that asks the matching core itself, so a strict pool holds only
// listings the candidate can take (the SQL pool may hand over some the core then drops). Group order
// is the SQL pool's: listings naming one of the candidate's specialties first, then the rest.

export function memoryMatchPool(
  index: OpenListingIndex,
  profile: CandidateProfile,
  rules: readonly EquivalenceRule[],
  options: PoolOptions = {},
): MatchableListing[] {
  const relaxed = options.relaxed ?? false;
  const size = options.size ?? POOL_SIZE;
  const sets = poolSets(index, profile, poolCriteria(profile, rules, relaxed));
  const eligible = eligibilityTest(profile, rules);
  const qualifies = (listing: MatchableListing | null): listing is MatchableListing =>
    listing !== null && (relaxed || eligible(listing));
  const first = firstQualifying(index, sets, NAMED, size, qualifies);
  if (first.length >= size) return first;
  return [...first, ...firstQualifying(index, sets, REST, size - first.length, qualifies)];
}

/**
 * The pre-filter as word arrays, each at least `words` long, so that one expression (poolWord) reads
 * them all at any word without a bounds check: a condition the criteria leave out is all ones
 * (`blocked` and `local`: none). All shared: only read.
 */
interface PoolSets {
  words: number;
  roles: Uint32Array;
  remote: Uint32Array;
  local: Uint32Array;
  modes: Uint32Array;
  types: Uint32Array;
  blocked: Uint32Array;
  later: Uint32Array;
  specialties: Uint32Array;
}

function poolSets(index: OpenListingIndex, profile: CandidateProfile, c: PoolCriteria): PoolSets {
  const words = index.words;
  const full = (bits: Uint32Array) => atLeastWords(bits, words);
  const ones = index.derived(
    'pool:ones',
    () => new Uint32Array(words).fill(0xffffffff),
    () => false, // every bit is set already
  );
  const none = index.derived(
    'pool:none',
    () => new Uint32Array(words),
    () => false,
  );
  return {
    words,
    roles: c.roles ? full(index.anyOf(c.roles.map((r): ValueKey => `role:${r}`))) : ones,
    // Where the candidate can work: remote from their state, or within reach of home.
    remote: full(remoteEligibleBits(index, c.state)),
    local: c.anywhere ? ones : c.circle ? full(withinCircleBits(index, c.circle)) : none,
    modes: full(index.anyOf(c.localModes.map((m): ValueKey => `mode:${m}`))),
    types: c.employmentTypes ? full(index.anyOf(c.employmentTypes.map((t): ValueKey => `type:${t}`))) : ones,
    // Requiring a credential the candidate cannot reach by any rule rules a listing out, unless it
    // may be earned after hire; any-of groups, pay and employers are left to the core.
    blocked: c.reachable ? unreachableCredentials(index, c.reachable) : none,
    later: full(index.value('certsWithinDays')),
    specialties: full(index.anyOf(profile.specialties.map((s): ValueKey => `specialty:${s.specialty}`))),
  };
}

/** Slots of word w passing the pre-filter, before liveness and the specialty split. */
function poolWord(s: PoolSets, w: number): number {
  return s.roles[w] & (s.remote[w] | (s.local[w] & s.modes[w])) & s.types[w] & ~(s.blocked[w] & ~s.later[w]);
}

/** The two groups, as a mask over the specialty word: listings naming one of them, then the rest. */
const NAMED = 0;
const REST = -1;

/** Listings requiring a credential outside `reachable`, kept like any derived set. */
function unreachableCredentials(index: OpenListingIndex, reachable: readonly string[]): Uint32Array {
  const reach = new Set(reachable);
  return index.derived(
    `pool:unreachable:${[...reach].sort().join(',')}`,
    () => {
      // A set of its own (not a cached union): new slots are added to it below.
      const out = createBitset(index.words * 32);
      for (const name of index.valueNames('certRequired')) {
        if (!reach.has(name)) orInto(out, index.value(`certRequired:${name}`));
      }
      return out;
    },
    (slot) => index.listings[slot]?.certifications.required.some((c) => !reach.has(c)) ?? false,
  );
}

/**
 * The first `size` listings of a group, newest first, that the core accepts: the group's live slots
 * worked out in one pass over the words, then, when few, gathered and sorted by rank, else found by
 * walking the newest-first order in a plain loop (this runs for every match request, and a
 * generator's per-slot cost showed at 250,000 open listings).
 */
function firstQualifying(
  index: OpenListingIndex,
  s: PoolSets,
  group: number,
  size: number,
  qualifies: (listing: MatchableListing | null) => listing is MatchableListing,
): MatchableListing[] {
  const out: MatchableListing[] = [];
  if (size <= 0) return out;
  const bits = index.acquireLive();
  try {
    const spec = s.specialties;
    let count = 0;
    for (let w = 0; w < s.words; w++) {
      const x = bits[w] & poolWord(s, w) & (spec[w] ^ group);
      bits[w] = x;
      if (x !== 0) count += wordBits(x);
    }
    if (count === 0) return out;
    const small = count <= SMALL_SET;
    const slots = small ? index.newestFirst(bits, count) : index.newestOrder();
    for (let i = 0; i < slots.length && out.length < size; i++) {
      const slot = slots[i];
      if (!small && (bits[slot >>> 5] & (1 << (slot & 31))) === 0) continue;
      const listing = index.listings[slot];
      if (qualifies(listing)) out.push(listing);
    }
    return out;
  } finally {
    index.release(bits);
  }
}

/** At or below this many candidates, sorting their ranks beats walking the newest-first order. */
const SMALL_SET = 2_000;
