import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { applyEnvFile, loadConfig } from '#config';
import { checkBackends } from '#jobs';
import { createLogger } from '#observability';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  applyEnvFile();
  const config = loadConfig();
  await checkBackends(config);
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: createLogger(config.LOG_LEVEL, config.LOG_FORMAT),
  });
  app.enableShutdownHooks();
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`worker failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
