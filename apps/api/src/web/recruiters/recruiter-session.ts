import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '#config';
import { looksLikeToken, SESSION_DAYS } from '#recruiting';
import { ApiError } from '../../http/api-error';
import { RecruiterAuth } from '../../recruiters/recruiter-auth.service';
import type { OrgAccess, Principal } from '../../recruiters/recruiter-principal';
import { WebCookies } from '../kit/web-cookies';

const COOKIE = 'cj_recruiter';
const OPERATOR_COOKIE = 'cj_operator';
const OPERATOR_HOURS = 8;

type RecruiterPrincipal = Extract<Principal, { kind: 'recruiter' }>;

/**
 * A recruiter's browser session: the session token (whose hash alone is stored, with its expiry) in
 * an httpOnly, SameSite=Lax cookie, checked on every request, so a removed member or an ended session
 * is refused at once. Operators prove the ADMIN_TOKEN once and keep a digest of it for eight hours.
 */
@Injectable()
export class RecruiterSession {
  private readonly operatorDigest: Buffer | null;

  constructor(
    @Inject(WebCookies) private readonly cookies: WebCookies,
    @Inject(RecruiterAuth) private readonly auth: RecruiterAuth,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.operatorDigest = config.ADMIN_TOKEN ? digest(config.ADMIN_TOKEN) : null;
  }

  token(request: FastifyRequest): string | null {
    const value = this.cookies.read(request, COOKIE);
    return looksLikeToken('session', value) ? value : null;
  }

  /** The signed-in recruiter, or null (a cookie that no longer opens a session is cleared). */
  async recruiter(request: FastifyRequest, reply: FastifyReply): Promise<RecruiterPrincipal | null> {
    const token = this.token(request);
    if (!token) return null;
    try {
      const p = await this.auth.fromToken(token);
      return p.kind === 'recruiter' ? p : null;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNAUTHORIZED') {
        this.forget(reply);
        return null;
      }
      throw err;
    }
  }

  /** The signed-in recruiter, or a redirect to the sign-in page (null then). */
  async required(request: FastifyRequest, reply: FastifyReply): Promise<RecruiterPrincipal | null> {
    const p = await this.recruiter(request, reply);
    if (!p) reply.redirect(`/recruiters/sign-in?next=${encodeURIComponent(request.url.slice(0, 300))}`, 303);
    return p;
  }

  access(p: RecruiterPrincipal, orgId: string, need: 'member' | 'owner' = 'member'): Promise<OrgAccess> {
    return this.auth.access(p, orgId, need);
  }

  remember(reply: FastifyReply, token: string): void {
    this.cookies.set(reply, COOKIE, token, SESSION_DAYS * 86_400);
  }

  forget(reply: FastifyReply): void {
    this.cookies.clear(reply, COOKIE);
  }

  /** Whether this browser holds the operator cookie for the current ADMIN_TOKEN. */
  isOperator(request: FastifyRequest): boolean {
    const value = this.cookies.read(request, OPERATOR_COOKIE);
    if (!this.operatorDigest || !value || !/^[0-9a-f]{64}$/.test(value)) return false;
    return timingSafeEqual(Buffer.from(value, 'hex'), this.operatorDigest);
  }

  /** Signs an operator in when the token is the ADMIN_TOKEN. */
  operatorSignIn(reply: FastifyReply, token: string): boolean {
    if (!this.operatorDigest || !timingSafeEqual(digest(token), this.operatorDigest)) return false;
    this.cookies.set(reply, OPERATOR_COOKIE, this.operatorDigest.toString('hex'), OPERATOR_HOURS * 3600);
    return true;
  }
}

// A digest of the ADMIN_TOKEN under its own label: the cookie never holds the token itself.
const digest = (token: string) => createHash('sha256').update(`operator-page:${token}`).digest();
