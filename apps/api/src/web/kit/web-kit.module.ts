import { randomBytes } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '#config';
import { AssetsController } from './assets.controller';
import { CsrfGuard, CsrfTokens } from './csrf';
import { SiteUrl } from './site-url';
import { WebCookies } from './web-cookies';
import { CSRF_KEY, SITE_URL } from './web-tokens';

/**
 * What every feature's pages share: the site's address, cookies, form tokens with the guard that
 * checks them on every write outside /api, and the self-served assets. Global, so a feature's pages
 * module needs no import to use them.
 */
@Global()
@Module({
  controllers: [AssetsController],
  providers: [
    { provide: SITE_URL, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new SiteUrl(config) },
    {
      provide: CSRF_KEY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.SESSION_SECRET ? Buffer.from(config.SESSION_SECRET, 'utf8') : randomBytes(32),
    },
    WebCookies,
    CsrfTokens,
    { provide: APP_GUARD, useClass: CsrfGuard },
  ],
  exports: [SITE_URL, WebCookies, CsrfTokens],
})
export class WebKitModule {}
