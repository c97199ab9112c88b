import {
  eligibilityTest,
  type CandidateProfile,
  type EquivalenceRule,
  type MatchableListing,
} from '#matching';
import { POOL_SIZE, poolCriteria, type PoolOptions } from '../match-pool';
import { andInto, countBits, hasBit } from './bitset';
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
  // Two working bitsets, worked in place: the shared ones (unions, a state's remote rules, a commute
  // circle) are only read.
  const bits = index.acquireLive();
  const named = index.acquireLive();
  try {
    const c = poolCriteria(profile, rules, relaxed);
    if (c.roles) andInto(bits, index.anyOf(c.roles.map((r): ValueKey => `role:${r}`)));

    // Where the candidate can work: remote from their state, or within reach of home.
    const remote = remoteEligibleBits(index, c.state);
    if (c.circle) {
      const local = withinCircleBits(index, c.circle);
      const modes = index.anyOf(c.localModes.map((m): ValueKey => `mode:${m}`));
      for (let w = 0; w < bits.length; w++) bits[w] &= (remote[w] ?? 0) | ((local[w] ?? 0) & (modes[w] ?? 0));
    } else {
      andInto(bits, remote);
    }

    if (c.employmentTypes) andInto(bits, index.anyOf(c.employmentTypes.map((t): ValueKey => `type:${t}`)));
    if (c.reachable) {
      // Requiring a credential the candidate cannot reach by any rule rules a listing out, unless it
      // may be earned after hire; any-of groups, pay and employers are left to the core below.
      const reachable = new Set(c.reachable);
      const unreachable = index
        .valueNames('certRequired')
        .filter((name) => !reachable.has(name))
        .map((name): ValueKey => `certRequired:${name}`);
      if (unreachable.length > 0) {
        const blocked = index.anyOf(unreachable);
        const later = index.value('certsWithinDays');
        for (let w = 0; w < bits.length; w++) bits[w] &= ~((blocked[w] ?? 0) & ~(later[w] ?? 0));
      }
    }

    // Listings naming one of the candidate's specialties, then the rest.
    const specialties = index.anyOf(profile.specialties.map((s): ValueKey => `specialty:${s.specialty}`));
    for (let w = 0; w < bits.length; w++) {
      named[w] = bits[w] & (specialties[w] ?? 0);
      bits[w] &= ~(specialties[w] ?? 0);
    }
    const eligible = eligibilityTest(profile, rules);
    const qualifies = (listing: MatchableListing | null): listing is MatchableListing =>
      listing !== null && (relaxed || eligible(listing));
    const first = firstQualifying(index, named, size, qualifies);
    const rest = first.length >= size ? [] : firstQualifying(index, bits, size, qualifies);
    return [...first, ...rest].slice(0, size);
  } finally {
    index.release(bits);
    index.release(named);
  }
}

/**
 * The first `size` listings of a set, newest first, that the core accepts. A small set is gathered and
 * sorted by rank; a larger one is found by walking the newest-first order, in a plain loop (this runs
 * for every match request, and a generator's per-slot cost showed at 250,000 open listings).
 */
function firstQualifying(
  index: OpenListingIndex,
  set: Uint32Array,
  size: number,
  qualifies: (listing: MatchableListing | null) => listing is MatchableListing,
): MatchableListing[] {
  const out: MatchableListing[] = [];
  const count = countBits(set);
  if (count === 0 || size === 0) return out;
  const small = count <= SMALL_SET;
  const slots = small ? index.newestFirst(set) : index.newestOrder();
  for (let i = 0; i < slots.length && out.length < size; i++) {
    const slot = slots[i];
    if (!small && !hasBit(set, slot)) continue;
    const listing = index.listings[slot];
    if (qualifies(listing)) out.push(listing);
  }
  return out;
}

/** At or below this many candidates, sorting their ranks beats walking the newest-first order. */
const SMALL_SET = 2_000;
