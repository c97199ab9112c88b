import { Inject, Injectable } from '@nestjs/common';
import { candidateProfileSchema, type CandidateProfile, type CandidateProfileFields } from '#matching';
import { CandidatesRepository, type CandidateEntity } from '#persistence';
import { placeHome } from '#search';
import { parseInput } from '../http/endpoint-input';
import { ApiError } from '../http/api-error';
import {
  bearerToken,
  candidateTokenMatches,
  hashCandidateToken,
  newCandidateToken,
  NO_CANDIDATE_HASH,
} from './candidate-token';

export interface CandidateView {
  id: string;
  profile: CandidateProfileFields;
  /** Where matching puts the candidate's home; null when homePostalCode / homeCity could not be placed. */
  home: { lat: number; lon: number } | null;
  warnings: string[];
  createdAt: string;
  updatedAt: string;
}

function homeWarnings(profile: CandidateProfileFields, home: CandidateView['home']): string[] {
  if (home || (!profile.homePostalCode && !profile.homeCity)) return [];
  const given = profile.homePostalCode ?? profile.homeCity;
  return [
    `home ${JSON.stringify(given)} could not be placed on the map: only remote listings can match until it is corrected`,
  ];
}

/** The stored profile: written only by this service, after candidateProfileSchema validated it. */
const profileOf = (c: CandidateEntity) => c.profile as CandidateProfileFields;

function toView(c: CandidateEntity): CandidateView {
  const home = c.homeLat === null || c.homeLon === null ? null : { lat: c.homeLat, lon: c.homeLon };
  return {
    id: c.id,
    profile: profileOf(c),
    home,
    warnings: homeWarnings(profileOf(c), home),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** The profile as matching works on it: the saved fields plus the resolved home. */
export function matchingProfile(c: CandidateEntity): CandidateProfile {
  return {
    ...profileOf(c),
    home: c.homeLat === null || c.homeLon === null ? null : { lat: c.homeLat, lon: c.homeLon },
  };
}

/**
 * Saved candidate profiles and their bearer tokens.
 *
 * Access: `Authorization: Bearer <token>` on every read and write. No or a malformed header answers
 * 401. A token that does not open the candidate answers 403, and so does an id no candidate has, with
 * the same body: whether an id exists is never told to someone without its token (404 would tell).
 */
@Injectable()
export class CandidatesService {
  constructor(@Inject(CandidatesRepository) private readonly repo: CandidatesRepository) {}

  async create(profile: CandidateProfileFields): Promise<CandidateView & { token: string }> {
    const token = newCandidateToken();
    const home = placeHome(profile);
    const saved = await this.repo.create({
      profile,
      homeLat: home?.lat ?? null,
      homeLon: home?.lon ?? null,
      state: profile.stateOfResidence,
      tokenHash: hashCandidateToken(token),
    });
    // The only time the token leaves the service.
    return { ...toView(saved), token };
  }

  async get(id: string, authorization: string | undefined): Promise<CandidateView> {
    return toView(await this.authorize(id, authorization));
  }

  /**
   * Changes some fields: the body is merged over the saved profile and the result validated whole.
   * A field set to null is removed (back to its default).
   */
  async update(id: string, authorization: string | undefined, body: unknown): Promise<CandidateView> {
    const current = await this.authorize(id, authorization);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new ApiError('VALIDATION_FAILED', 'body must be a JSON object', [
        { field: 'body', message: 'expected an object' },
      ]);
    }
    const merged: Record<string, unknown> = { ...current.profile };
    for (const [key, value] of Object.entries(body)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    const profile = parseInput(candidateProfileSchema, merged, 'body');
    const home = placeHome(profile);
    current.profile = profile;
    current.homeLat = home?.lat ?? null;
    current.homeLon = home?.lon ?? null;
    current.state = profile.stateOfResidence;
    return toView(await this.repo.save(current));
  }

  async remove(id: string, authorization: string | undefined): Promise<void> {
    await this.authorize(id, authorization);
    await this.repo.delete(id);
  }

  /** The candidate, if the bearer token opens it (see the class comment for the answers). */
  async authorize(id: string, authorization: string | undefined): Promise<CandidateEntity> {
    const token = bearerToken(authorization);
    if (!token) {
      throw new ApiError('UNAUTHORIZED', 'missing Authorization: Bearer <candidate token>');
    }
    const candidate = await this.repo.find(id);
    // Compare even when there is no candidate, so an unknown id and a wrong token take the same time.
    const matches = candidateTokenMatches(token, candidate?.tokenHash ?? NO_CANDIDATE_HASH);
    if (!candidate || !matches) {
      throw new ApiError('FORBIDDEN', `this token does not open candidate ${id}`);
    }
    return candidate;
  }
}
