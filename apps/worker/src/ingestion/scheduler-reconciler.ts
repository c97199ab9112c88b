import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import {
  DIGEST_HOUSEKEEPING_SCHEDULER_ID,
  DIGEST_TICK_SCHEDULER_ID,
  DIGESTS_QUEUE,
  INGESTION_QUEUE,
  reconcileSourceSchedulers,
  RECRUITERS_QUEUE,
  RECRUITERS_TICK_SCHEDULER_ID,
  syncDigestSchedulers,
  syncRecruitersScheduler,
  withQueueDeadline,
} from '#jobs';

/**
 * Keeps the job schedulers there when the queue backend loses them (a Redis restarted empty has none,
 * and nothing would ingest or sweep until a worker restarted): every SCHEDULER_RECONCILE_SECONDS and
 * each time the queue's connection comes back, missing schedulers are put back. Idempotent, so any
 * number of workers may do it; schedulers in place keep their next tick.
 */
@Injectable()
export class SchedulerReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SchedulerReconciler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @InjectQueue(INGESTION_QUEUE) private readonly queue: Queue,
    @InjectQueue(RECRUITERS_QUEUE) private readonly recruiters: Queue,
    @InjectQueue(DIGESTS_QUEUE) private readonly digests: Queue,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.reconcile('periodic'),
      this.config.SCHEDULER_RECONCILE_SECONDS * 1000,
    );
    this.timer.unref();
    // The backend says 'ready' on every (re)connection; the first one is the boot's, already synced.
    let connections = 0;
    this.queue.getBackend().on('ready', () => {
      if (++connections > 1) void this.reconcile('reconnected');
    });
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * The ingestion queue's schedulers, and the recruiters' and digests' ticks (put back only when
   * missing, so a present one keeps its next run).
   */
  private async reconcileAll(): Promise<{ restored: number; removed: number }> {
    const ingestion = await reconcileSourceSchedulers(this.queue, this.ds);
    let restored = ingestion.restored;
    if (await missing(this.recruiters, [RECRUITERS_TICK_SCHEDULER_ID])) {
      await syncRecruitersScheduler(this.recruiters);
      restored += 1;
    }
    if (await missing(this.digests, [DIGEST_TICK_SCHEDULER_ID, DIGEST_HOUSEKEEPING_SCHEDULER_ID])) {
      await syncDigestSchedulers(this.digests);
      restored += 1;
    }
    return { ...ingestion, restored };
  }

  /** One reconciliation at a time; a failure is a warning, and the next period tries again. */
  reconcile(why: string): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= withQueueDeadline(
      this.queue,
      'reconciling job schedulers',
      () => this.reconcileAll(),
      30_000,
    )
      .then(({ restored, removed }) => {
        if (restored + removed > 0) {
          this.logger.warn(`job schedulers reconciled (${why}): ${restored} restored, ${removed} removed`);
        }
      })
      .catch((err: Error) => this.logger.warn(`job schedulers not reconciled (${why}): ${err.message}`))
      .finally(() => (this.running = null));
    return this.running;
  }
}

async function missing(queue: Queue, ids: string[]): Promise<boolean> {
  const present = new Set((await queue.getJobSchedulers(0, -1)).map((s) => s.key));
  return ids.some((id) => !present.has(id));
}
