import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../http/api-error';
import { WebCookies } from './web-cookies';
import { CSRF_KEY } from './web-tokens';

// CSRF protection of every form that writes, twice over:
// 1. app.enableCsrfProtection() (configure-app.ts) refuses a cross-site POST by Fetch Metadata or its
//    Origin header before any handler runs;
// 2. every form carries a token, an HMAC under the server's key of a random value kept in this
//    browser's httpOnly cookie (the signed double-submit pattern), checked by CsrfGuard on every
//    POST, PUT, PATCH and DELETE outside /api (where callers authenticate with bearer tokens, not
//    cookies).

/** The form field that carries the token. */
export const CSRF_FIELD = '_csrf';
const COOKIE = 'cj_csrf';
const COOKIE_MAX_AGE = 60 * 60 * 24 * 7;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const NO_CSRF_TOKEN = 'web:no-csrf-token';

/**
 * For a route that must take posts without a form token, e.g. RFC 8058 one-click unsubscribe, which
 * a mail provider posts with no cookie. Say why in the argument.
 */
export const WithoutCsrfToken = (why: string) => SetMetadata(NO_CSRF_TOKEN, why);

@Injectable()
export class CsrfTokens {
  constructor(
    @Inject(CSRF_KEY) private readonly key: Buffer,
    @Inject(WebCookies) private readonly cookies: WebCookies,
  ) {}

  /** The token for this browser's forms; gives the browser its cookie first if it has none. */
  issue(request: FastifyRequest, reply: FastifyReply): string {
    let secret = this.secretOf(request);
    if (!secret) {
      secret = randomBytes(32).toString('base64url');
      this.cookies.set(reply, COOKIE, secret, COOKIE_MAX_AGE);
    }
    return this.sign(secret);
  }

  /** Whether the posted token was made for the secret in this request's cookie. */
  verify(request: FastifyRequest): boolean {
    const secret = this.secretOf(request);
    const body = request.body as Record<string, unknown> | undefined;
    const presented = body?.[CSRF_FIELD];
    if (!secret || typeof presented !== 'string') return false;
    const expected = Buffer.from(this.sign(secret));
    const given = Buffer.from(presented);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private secretOf(request: FastifyRequest): string | undefined {
    const value = this.cookies.read(request, COOKIE);
    return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
  }

  private sign(secret: string): string {
    return createHmac('sha256', this.key).update(`csrf:${secret}`).digest('base64url');
  }
}

/** Refuses a write to a page route without a valid form token (403, on the error page). */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(
    @Inject(CsrfTokens) private readonly tokens: CsrfTokens,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (SAFE_METHODS.has(request.method) || request.url.startsWith('/api/')) return true;
    if (this.reflector.get<string>(NO_CSRF_TOKEN, context.getHandler())) return true;
    if (this.tokens.verify(request)) return true;
    throw new ApiError(
      'CSRF_FAILED',
      'This form has expired or did not come from a CoderJobs page. Go back, reload the page and send it again.',
    );
  }
}
