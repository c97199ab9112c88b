import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Metrics } from '#observability';
import { keptJson } from '#search';
import { ApiError } from './http/api-error';
import { ErrorCodeFilter } from './http/error-code.filter';
import { replySerializer } from './http/reply-serializer';
import { guardRequests } from './http/request-guard';
import { configureWeb } from './web/kit/configure-web';

type SecurityHook = (request: unknown, response: unknown) => void;

/** Largest request body accepted (JSON only): larger ones are answered 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The HTTP layer: Fastify, not Express. At our search targets the API's one thread is the bottleneck,
 * and Fastify spends about a third of Express's CPU per request (measured: 0.12 against 0.36 ms for a
 * trivial route on this machine).
 */
export function createHttpAdapter(): FastifyAdapter {
  // A listing page's address is its id and words from its title: room for old, longer ones to redirect.
  const adapter: FastifyAdapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: 300 },
    // The router refuses a malformed URL (400) or an over-long parameter (414) before any hook or
    // route runs, and would answer in its own shape: the application's error handler (ErrorCodeFilter)
    // answers instead, after the security headers Nest's own handler here would have set.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      (adapter as unknown as { securityHook?: SecurityHook }).securityHook?.(request, reply.raw);
      adapter.getInstance().errorHandler(frameworkError(error), request, reply);
    },
  });
  // Before any route exists: a route takes the default serializer when it is registered.
  adapter.getInstance().setReplySerializer(replySerializer(keptJson));
  return adapter;
}

/** The router's refusals as the API's errors; their own messages echo the address. */
function frameworkError(error: FastifyError): Error {
  if (error.code === 'FST_ERR_BAD_URL')
    return new ApiError('BAD_REQUEST', 'the address has a malformed percent escape');
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return new ApiError('URI_TOO_LONG', 'a path segment of the address is too long');
  return error;
}

/** Shared by main.ts and the e2e tests, so filters, limits and docs cannot drift between them. */
export function configureApp(app: NestFastifyApplication): NestFastifyApplication {
  app.useGlobalFilters(new ErrorCodeFilter(app.get(HttpAdapterHost)));
  app.enableShutdownHooks();
  configureWeb(app);

  const metrics = app.get(Metrics);
  const fastify = app.getHttpAdapter().getInstance();
  guardRequests(fastify);
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('CoderJobs API')
      .setDescription('Medical coding and billing jobs: listings, search, matching, sources.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
