import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueueHealth } from '#jobs';
import { DatabaseHealth } from '#persistence';
import { SearchIndexService } from '#search';
import { ApiError } from '../http/api-error';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)),
  ]);

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DatabaseHealth) private readonly database: DatabaseHealth,
    @Inject(QueueHealth) private readonly queue: QueueHealth,
    @Inject(SearchIndexService) private readonly searchIndex: SearchIndexService,
  ) {}

  /** Which database and queue backend this process uses (e.g. embedded PostgreSQL, queues in it). */
  private backends() {
    return { database: this.database.backend, queue: this.queue.backend };
  }

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers, and which backends it uses.' })
  live() {
    return { status: 'ok', backends: this.backends() };
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: the database and the queue backend answer and the search index is loaded; 503 naming ' +
      'what is not ready. `backends` says which are in use (database: embedded or server; queue: redis ' +
      'or postgres).',
  })
  async ready() {
    const checks: Record<string, string> = {};
    for (const dependency of [this.database, this.queue]) {
      await withTimeout(dependency.ping(), 2000).then(
        () => (checks[dependency.name] = 'ok'),
        (e: Error) => (checks[dependency.name] = `down: ${e.message}`),
      );
    }
    // Loading: not ready yet, so a new instance gets traffic once its index is warm. Failed: still
    // ready (SQL answers), and the check says why.
    const index = this.searchIndex.status();
    checks.searchIndex =
      index.state === 'ready' || index.state === 'off'
        ? 'ok'
        : index.state === 'loading'
          ? 'down: loading'
          : `degraded: ${index.error}`;
    const down = Object.entries(checks).filter(([, v]) => v.startsWith('down'));
    if (down.length > 0) {
      throw new ApiError('NOT_READY', `not ready: ${down.map(([k, v]) => `${k} ${v}`).join('; ')}`);
    }
    return { status: 'ok', checks, backends: this.backends() };
  }
}
