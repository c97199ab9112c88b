import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '#config';
import { createLogger } from '#observability';
import { ApiModule } from './api.module';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, {
    logger: createLogger(config.LOG_LEVEL, config.LOG_FORMAT),
    // configureApp installs the JSON body parser with a size limit.
    bodyParser: false,
  });
  configureApp(app);
  await app.listen(config.PORT, config.HOST);
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`api failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
