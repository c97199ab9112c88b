import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SITE_URL } from './web-tokens';
import type { SiteUrl } from './site-url';

/**
 * The pages' cookies: httpOnly, SameSite=Lax (sent on a link followed from elsewhere, never with a
 * form posted from another site), Path=/, and Secure with a `__Host-` name when PUBLIC_URL is https
 * (so no other host or path can set them). Written through Nest's own cookie support; read here, as
 * RFC 6265 says, so guards can read them too.
 */
const SPACE_OR_TAB = /^[ \t]+|[ \t]+$/g;

@Injectable()
export class WebCookies {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(SITE_URL) private readonly site: SiteUrl,
  ) {}

  /** The cookie's name as sent: `__Host-<name>` on https. */
  name(base: string): string {
    return this.site.secure ? `__Host-${base}` : base;
  }

  /** The first cookie of that name (browsers send the most specific first); only spaces and tabs trimmed. */
  read(request: FastifyRequest, base: string): string | undefined {
    const header = request.headers.cookie;
    if (!header) return undefined;
    const wanted = this.name(base);
    for (const part of header.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).replace(SPACE_OR_TAB, '') === wanted) {
        return part.slice(eq + 1).replace(SPACE_OR_TAB, '');
      }
    }
    return undefined;
  }

  set(reply: FastifyReply, base: string, value: string, maxAgeSeconds: number): void {
    this.adapterHost.httpAdapter.setCookie?.(reply, this.name(base), value, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.site.secure,
      maxAge: maxAgeSeconds,
    });
  }

  clear(reply: FastifyReply, base: string): void {
    this.adapterHost.httpAdapter.clearCookie?.(reply, this.name(base), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.site.secure,
    });
  }
}
