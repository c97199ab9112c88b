import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CandidatesService, type CandidateView } from '../../candidates/candidates.service';
import { ApiError } from '../../http/api-error';
import { WebCookies } from '../kit/web-cookies';
import type { Viewer } from '../kit/viewer';

const COOKIE = 'cj_profile';
const ONE_YEAR = 60 * 60 * 24 * 365;
const VALUE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

/**
 * A seeker's saved profile, kept by the browser as the candidate id and its token (the same token the
 * API hands out, whose hash alone is stored) in an httpOnly, SameSite=Lax cookie. No account, no
 * password: whoever holds the cookie holds the profile, and deleting the profile ends it.
 */
@Injectable()
export class SeekerSession {
  constructor(
    @Inject(WebCookies) private readonly cookies: WebCookies,
    @Inject(CandidatesService) private readonly candidates: CandidatesService,
  ) {}

  /** For the layout: whether this browser holds a profile cookie (not checked against the database). */
  viewer(request: FastifyRequest): Viewer {
    return { hasProfile: this.credentials(request) !== null };
  }

  /** The saved candidate and its token, or null; a cookie that no longer opens one is removed. */
  async candidate(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<{ view: CandidateView; token: string } | null> {
    const held = this.credentials(request);
    if (!held) return null;
    try {
      return { view: await this.candidates.get(held.id, this.bearer(held.token)), token: held.token };
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'FORBIDDEN' || err.code === 'UNAUTHORIZED')) {
        this.forget(reply);
        return null;
      }
      throw err;
    }
  }

  /** The API's Authorization header for a candidate token: the services check it as they do for the API. */
  bearer(token: string): string {
    return `Bearer ${token}`;
  }

  remember(reply: FastifyReply, id: string, token: string): void {
    this.cookies.set(reply, COOKIE, `${id}.${token}`, ONE_YEAR);
  }

  forget(reply: FastifyReply): void {
    this.cookies.clear(reply, COOKIE);
  }

  private credentials(request: FastifyRequest): { id: string; token: string } | null {
    const m = VALUE.exec(this.cookies.read(request, COOKIE) ?? '');
    return m ? { id: m[1], token: m[2] } : null;
  }
}
