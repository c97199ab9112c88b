import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import {
  rankMatches,
  type CandidateProfile,
  type CandidateProfileFields,
  type EquivalenceRule,
  type MatchableListing,
} from '#matching';
import {
  placeHome,
  POOL_SIZE,
  SearchIndexService,
  type ListingSearchSource,
  type PoolOptions,
} from '#search';
import { ApiError } from '../http/api-error';
import { EQUIVALENCE_RULES } from './equivalence-rules.provider';
import { decodeMatchCursor, encodeMatchCursor, MAX_MATCH_RESULTS } from './match-request.schema';

/** Near misses added to the pool when stretch is asked for. */
const STRETCH_POOL_SIZE = 40;

export interface MatchPaging {
  stretch: boolean;
  limit: number;
  offset?: number;
  cursor?: string;
}

/**
 * Ranked, explained matches: the database pre-filters a pool of listings the candidate can take (see
 * libs/search/src/match-pool.ts for why that never drops an eligible one), the matching core scores,
 * checks and orders it, and the first page is spread across employers (MATCH_EMPLOYER_CAP).
 */
@Injectable()
export class MatchesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EQUIVALENCE_RULES) private readonly rules: EquivalenceRule[],
    @Inject(SearchIndexService) private readonly searches: ListingSearchSource,
  ) {}

  /** For a profile sent inline: the home is placed here. */
  forFields(fields: CandidateProfileFields, paging: MatchPaging) {
    return this.match({ ...fields, home: placeHome(fields) }, paging);
  }

  async match(profile: CandidateProfile, paging: MatchPaging) {
    const offset = this.offset(paging);
    const search = await this.searches.current();
    const poolOf = (options: PoolOptions) => search.matchPool(profile, this.rules, options);
    const [strict, stretch] = await Promise.all([
      poolOf({ size: POOL_SIZE }),
      paging.stretch
        ? poolOf({ relaxed: true, size: STRETCH_POOL_SIZE })
        : Promise.resolve([] as MatchableListing[]),
    ]);
    const seen = new Set(strict.map((l) => l.id));
    const pool = [...strict, ...stretch.filter((l) => !seen.has(l.id))];

    // The whole pool is ordered, but only the page asked for is explained.
    const { total, page } = rankMatches(pool, profile, {
      rules: this.rules,
      now: new Date(),
      stretch: paging.stretch,
      employerCap: this.config.MATCH_EMPLOYER_CAP,
      pageSize: paging.limit,
      limit: MAX_MATCH_RESULTS,
      explain: { offset, limit: paging.limit },
    });
    const views = new Map((await search.views(page.map((m) => m.listingId))).map((v) => [v.id, v]));
    const end = offset + page.length;
    return {
      items: page.flatMap((m) => {
        const listing = views.get(m.listingId);
        if (!listing) return [];
        return [
          {
            listing,
            score: m.score,
            eligible: m.eligible,
            missing: m.missing,
            parts: m.parts,
            reasons: m.reasons,
          },
        ];
      }),
      home: profile.home,
      nextCursor: end < total ? encodeMatchCursor(end) : null,
    };
  }

  private offset(paging: MatchPaging): number {
    if (paging.cursor === undefined) return paging.offset ?? 0;
    const offset = decodeMatchCursor(paging.cursor);
    if (offset === null) {
      const message = 'cursor is not valid: pass the nextCursor of a previous page unchanged';
      throw new ApiError('INVALID_CURSOR', message, [{ field: 'cursor', message }]);
    }
    return offset;
  }
}
