import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from '#observability';
import { METRICS } from './common/tokens';
import { ErrorCodeFilter } from './errors/error-code.filter';

/** Shared by main.ts and the e2e tests, so filters, limits and docs cannot drift between them. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  // Create the app with { bodyParser: false }: this parser caps bodies at 1 MB.
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalFilters(new ErrorCodeFilter());
  app.enableShutdownHooks();
  const express = app.getHttpAdapter().getInstance();
  express.disable('x-powered-by');
  express.set('query parser', 'simple');

  const metrics = app.get<Metrics>(METRICS);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const route = (req.route?.path as string | undefined) ?? 'unmatched';
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      metrics.httpRequests.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
    });
    next();
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
