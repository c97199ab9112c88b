import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkerModule } from '../../apps/worker/src/worker.module';

const WORKER_MAIN = join(__dirname, '../../dist/apps/worker/src/main.js');

/**
 * The real WorkerModule in this process, with `env` as its configuration (restored once it is up):
 * processors start consuming as soon as it is created.
 */
export async function createTestWorker(env: Record<string, string>): Promise<INestApplicationContext> {
  const settings: Record<string, string> = { LOG_LEVEL: 'error', NODE_ENV: 'test', ...env };
  const previous = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
  Object.assign(process.env, settings);
  try {
    const app = await NestFactory.createApplicationContext(WorkerModule, {
      logger: false,
      abortOnError: false,
    });
    await app.init();
    return app;
  } finally {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The built worker as production runs it, in a process of its own (so a test can kill it). */
export function spawnWorker(env: Record<string, string>): ChildProcess {
  if (!existsSync(WORKER_MAIN)) throw new Error(`build first (npm run build): ${WORKER_MAIN} is missing`);
  return spawn(process.execPath, [WORKER_MAIN], {
    env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}
