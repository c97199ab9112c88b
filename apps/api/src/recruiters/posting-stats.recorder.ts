import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { RecruiterPostingsRepository, type PostingStatKind } from '#persistence';

const FLUSH_MS = 5_000;
const MAX_IDS = 50_000;

/**
 * Counts views, search appearances and apply clicks of recruiters' postings. Pages record in memory
 * and the counts are written every few seconds in a few statements, so a search page does not pay a
 * database write; ids that are not postings are dropped by the write itself.
 */
@Injectable()
export class PostingStatsRecorder implements OnModuleDestroy {
  private pending = new Map<PostingStatKind, Map<string, number>>();
  private readonly timer: NodeJS.Timeout;

  constructor(@Inject(RecruiterPostingsRepository) private readonly postings: RecruiterPostingsRepository) {
    this.timer = setInterval(() => void this.flush().catch(() => undefined), FLUSH_MS);
    this.timer.unref();
  }

  record(kind: PostingStatKind, ids: readonly string[]): void {
    let counts = this.pending.get(kind);
    if (!counts) this.pending.set(kind, (counts = new Map()));
    for (const id of ids)
      if (counts.size < MAX_IDS || counts.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }

  /** Writes what was recorded (also called by tests and at shutdown). */
  async flush(now = new Date()): Promise<void> {
    const pending = this.pending;
    this.pending = new Map();
    const day = now.toISOString().slice(0, 10);
    for (const [kind, counts] of pending) await this.postings.countMany(counts, kind, day);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
