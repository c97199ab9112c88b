import { failsCheapConstraint, remoteBar, type CandidateProfile } from '#matching';
import { remoteEligible, type DigestCriteria } from './digest-criteria';
import type { DigestListing } from './digest-listing';

/** Listings alike in what a profile's cheap hard constraints look at: role, work mode, employment type. */
interface Bucket {
  probe: DigestListing;
  remote: boolean;
  positions: number[];
}

/**
 * The new listings of one openings read, indexed so that a subscription looks only at the listings
 * that can pass its filters instead of testing every one: thousands of subscriptions share one read.
 * Both lookups return a SUPERSET of what the plain path keeps (the caller still ranks them with
 * rankForSearch or rankForProfile, which test everything), in the read's order, so the digests are
 * the same as ranking every new listing (fresh-listings.spec.ts holds them to it).
 */
export class FreshListings {
  private readonly lists = new Map<string, number[]>();
  private readonly unions = new Map<string, number[]>();
  private readonly buckets = new Map<string, Bucket>();
  private readonly remoteBarFree = new Map<string, Set<number>>();
  private readonly remotePositions: number[] = [];

  constructor(readonly all: readonly DigestListing[]) {
    all.forEach((l, i) => {
      this.add(`role:${l.role}`, i);
      this.add(`mode:${l.workMode}`, i);
      this.add(`type:${l.employmentType}`, i);
      for (const c of new Set<string>(l.certsAll)) this.add(`cert:${c}`, i);
      for (const s of new Set(l.states)) this.add(`state:${s}`, i);
      for (const s of new Set<string>(l.specialties)) this.add(`specialty:${s}`, i);
      for (const c of new Set<string>(l.codingSystems)) this.add(`system:${c}`, i);
      if (l.workMode === 'remote') this.remotePositions.push(i);
      const key = `${l.role}|${l.workMode}|${l.employmentType}`;
      const bucket = this.buckets.get(key);
      if (bucket) bucket.positions.push(i);
      else {
        // Remote limits cleared: the probe fails the cheap constraints only for what the bucket shares.
        const probe = { ...l, remoteStates: null, remoteExcludedStates: [], remoteCountry: null };
        this.buckets.set(key, { probe, remote: l.workMode === 'remote', positions: [i] });
      }
    });
  }

  private add(key: string, position: number): void {
    const list = this.lists.get(key);
    if (list) list.push(position);
    else this.lists.set(key, [position]);
  }

  /** Positions holding any of these keys, ascending (kept: subscriptions repeat the same filters). */
  private anyOf(prefix: string, values: readonly string[]): number[] {
    const key = `${prefix}:${[...values].sort().join(',')}`;
    let union = this.unions.get(key);
    if (!union) {
      const set = new Set<number>();
      for (const v of values) for (const p of this.lists.get(`${prefix}:${v}`) ?? []) set.add(p);
      union = [...set].sort((a, b) => a - b);
      this.unions.set(key, union);
    }
    return union;
  }

  /** Remote listings a resident of `state` may take, by the search's rule. */
  private remoteEligibleFor(state: string): number[] {
    return this.anyOfComputed(`remote:${state}`, () =>
      this.remotePositions.filter((p) => remoteEligible(this.all[p], state)),
    );
  }

  private anyOfComputed(key: string, make: () => number[]): number[] {
    let list = this.unions.get(key);
    if (!list) {
      list = make();
      this.unions.set(key, list);
    }
    return list;
  }

  /**
   * The listings that may match a search's filters: the shortest of the candidate lists its filters
   * name (any-of lists, remote eligibility). Words, place, pay and employer are left to the ranking.
   */
  forCriteria(c: DigestCriteria): DigestListing[] {
    const lists: number[][] = [];
    if (c.roles) lists.push(this.anyOf('role', c.roles));
    if (c.credentials) lists.push(this.anyOf('cert', c.credentials));
    if (c.specialties) lists.push(this.anyOf('specialty', c.specialties));
    if (c.codingSystems) lists.push(this.anyOf('system', c.codingSystems));
    if (c.workModes) lists.push(this.anyOf('mode', c.workModes));
    if (c.employmentTypes) lists.push(this.anyOf('type', c.employmentTypes));
    if (c.states) lists.push(this.anyOf('state', c.states));
    if (c.remoteEligibleFor) lists.push(this.remoteEligibleFor(c.remoteEligibleFor));
    if (lists.length === 0) return [...this.all];
    const shortest = lists.reduce((a, b) => (b.length < a.length ? b : a));
    return shortest.map((p) => this.all[p]);
  }

  /**
   * The listings a profile's cheap hard constraints (role, work mode, employment type, remote
   * state) do not rule out, asked of the matching core itself: once per bucket of listings alike in
   * the first three, and for remote ones once per listing and state of residence (kept).
   */
  forProfile(profile: CandidateProfile): DigestListing[] {
    const state = profile.stateOfResidence;
    const positions: number[] = [];
    for (const bucket of this.buckets.values()) {
      if (failsCheapConstraint(bucket.probe, profile)) continue;
      if (!bucket.remote) {
        positions.push(...bucket.positions);
        continue;
      }
      const open = this.remoteOpenTo(state);
      for (const p of bucket.positions) if (open.has(p)) positions.push(p);
    }
    return positions.sort((a, b) => a - b).map((p) => this.all[p]);
  }

  private remoteOpenTo(state: string): Set<number> {
    let open = this.remoteBarFree.get(state);
    if (!open) {
      open = new Set(this.remotePositions.filter((p) => remoteBar(this.all[p], state) === null));
      this.remoteBarFree.set(state, open);
    }
    return open;
  }
}
