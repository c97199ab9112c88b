import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { acceptOneClickMultipart } from '../digests/one-click-body';
import { DOCS_CSP, PERMISSIONS_POLICY, SECURITY_HEADERS } from './security-headers';

/**
 * The pages' part of configureApp: security headers on every answer, the cross-origin check on every
 * write (the first half of CSRF protection; CsrfGuard is the second), and the docs' own policy.
 */
export function configureWeb(app: NestFastifyApplication): void {
  app.useSecurityHeaders(SECURITY_HEADERS);
  app.enableCsrfProtection();
  const fastify = app.getHttpAdapter().getInstance();
  acceptOneClickMultipart(fastify);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('Permissions-Policy', PERMISSIONS_POLICY);
    if (request.url === '/docs' || request.url.startsWith('/docs/')) {
      reply.header('Content-Security-Policy', DOCS_CSP);
    }
    done();
  });
}
