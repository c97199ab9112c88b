import type { FastifyInstance } from 'fastify';

/** The one-click unsubscribe address (RFC 8058). */
export const ONE_CLICK_PREFIX = '/digests/unsubscribe/';

/**
 * RFC 8058 lets a mail provider post the one-click body ("List-Unsubscribe=One-Click") as
 * multipart/form-data, which nothing else here takes. Accepted, unread and bounded, on the
 * unsubscribe address only (the token in the address is all the request needs); refused elsewhere.
 */
export function acceptOneClickMultipart(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'string', bodyLimit: 4096 },
    (request, _body, done) => {
      if (request.url.startsWith(ONE_CLICK_PREFIX)) return done(null, {});
      const err = Object.assign(new Error('multipart bodies are not accepted here'), { statusCode: 415 });
      done(err, undefined);
    },
  );
}
