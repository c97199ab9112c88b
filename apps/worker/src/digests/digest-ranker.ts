import {
  FreshListings,
  newSince,
  parseSnapshot,
  rankForProfile,
  rankForSearch,
  type DigestCriteria,
  type DigestItem,
} from '#digests';
import type { CandidateProfile, EquivalenceRule } from '#matching';
import type { OpeningsRead } from './openings-cache';

/** Rankings kept per read: one per distinct (watermark, criteria or profile). */
const MAX_RANKINGS = 5_000;
/** Indexes of what is new kept per read: one per distinct watermark. */
const MAX_WATERMARKS = 1_000;

interface ReadMemo {
  fresh: Map<string, FreshListings>;
  rankings: Map<string, DigestItem[]>;
}

/** What is asked of the ranking: a search's filters or a candidate's profile. */
export type RankSubject =
  { kind: 'search'; criteria: DigestCriteria } | { kind: 'profile'; profile: CandidateProfile };

/**
 * Ranks the new listings of an openings read for a subscription, before its words and the
 * still-open check. What is new for a watermark is indexed once (FreshListings), and subscriptions
 * with the same watermark and the same filters (or the same profile) share one ranking: a daily run
 * has tens of thousands of subscriptions and far fewer distinct searches. Kept per listings array,
 * which reads that found the same listings share (OpeningsCache). Profiles are scored at the time
 * those listings were first read, so all the subscriptions they serve are ranked at the same instant. Returned
 * arrays are shared: callers must not change them.
 */
export class DigestRanker {
  private readonly memos = new WeakMap<OpeningsRead['listings'], ReadMemo>();

  constructor(private readonly rules: readonly EquivalenceRule[]) {}

  rank(read: OpeningsRead, watermark: string, subject: RankSubject): DigestItem[] {
    const memo = this.memoOf(read);
    const fresh = this.freshFor(memo, read, watermark);
    if (fresh.all.length === 0) return [];
    const key =
      subject.kind === 'profile'
        ? `${watermark}|profile|${JSON.stringify(subject.profile)}`
        : `${watermark}|search|${JSON.stringify(subject.criteria)}`;
    const known = memo.rankings.get(key);
    if (known) return known;
    const ranked =
      subject.kind === 'profile'
        ? rankForProfile(fresh.forProfile(subject.profile), subject.profile, this.rules, new Date(read.since))
        : rankForSearch(fresh.forCriteria(subject.criteria), subject.criteria);
    if (memo.rankings.size >= MAX_RANKINGS) memo.rankings.clear();
    memo.rankings.set(key, ranked);
    return ranked;
  }

  private memoOf(read: OpeningsRead): ReadMemo {
    let memo = this.memos.get(read.listings);
    if (!memo) {
      memo = { fresh: new Map(), rankings: new Map() };
      this.memos.set(read.listings, memo);
    }
    return memo;
  }

  private freshFor(memo: ReadMemo, read: OpeningsRead, watermark: string): FreshListings {
    let fresh = memo.fresh.get(watermark);
    if (!fresh) {
      fresh = new FreshListings(newSince(read.listings, parseSnapshot(watermark)));
      if (memo.fresh.size >= MAX_WATERMARKS) memo.fresh.clear();
      memo.fresh.set(watermark, fresh);
    }
    return fresh;
  }
}
