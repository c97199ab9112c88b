import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { applyEnvFile, loadConfig } from '#config';
import { checkBackends } from '#jobs';
import { createLogger } from '#observability';
import { ApiModule } from './api.module';
import { configureApp, createHttpAdapter } from './configure-app';

async function bootstrap(): Promise<void> {
  applyEnvFile();
  const config = loadConfig();
  await checkBackends(config);
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, createHttpAdapter(), {
    logger: createLogger(config.LOG_LEVEL, config.LOG_FORMAT),
  });
  configureApp(app);
  await app.listen(config.PORT, config.HOST);
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`api failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
