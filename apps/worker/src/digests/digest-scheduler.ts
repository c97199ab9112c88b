import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { DigestUrls, describeSearch, renderReconfirm, ScheduleMemo, type DigestCriteria } from '#digests';
import {
  DIGESTS_QUEUE,
  JOB_DIGEST_COMPOSE_PAGE,
  JOB_DIGEST_SEND_PAGE,
  digestComposePageJobId,
  digestSendPageJobId,
  syncDigestSchedulers,
  type DigestComposePagePayload,
  type DigestComposePayload,
  type DigestSendPagePayload,
} from '#jobs';
import { Mailer } from '#mail';
import { repositoriesOf } from '#persistence';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const PAGE = 1000;
/** Subscriptions per compose job: a handful of queries and one transaction each. */
export const COMPOSE_PAGE = 250;
/** Digests per send job: all claimed at once, so a worker killed mid-page loses at most these. */
export const SEND_PAGE = 50;
/** A send claimed this long ago and never finished was interrupted (see DigestSender). */
const INTERRUPTED_AFTER_MS = 15 * MINUTE;
const IDLE_AFTER_MS = 365 * DAY;
const RECONFIRM_GRACE_DAYS = 30;

export const COMPOSE_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: 10_000,
  removeOnFail: 10_000,
};
export const SEND_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: 10_000,
  removeOnFail: 10_000,
};

/**
 * The digests' schedules. The tick only enqueues: one compose job per page of due subscriptions
 * (with their periods), and one send job per page of composed digests still waiting (ids made from
 * the page make a second enqueue a no-op; the locked re-check and the outbox's claim make a second
 * run one). Housekeeping deletes what expired and asks idle
 * subscriptions whether they still want their digest.
 */
@Injectable()
export class DigestScheduler {
  private readonly logger = new Logger('DigestScheduler');
  private readonly urls: DigestUrls;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DataSource) private readonly ds: DataSource,
    @InjectQueue(DIGESTS_QUEUE) private readonly queue: Queue,
    @Inject(Mailer) private readonly mailer: Mailer,
  ) {
    this.urls = new DigestUrls(config);
  }

  /** Registers the tick and housekeeping schedulers (idempotent by id: every worker may call it). */
  async register(): Promise<void> {
    await syncDigestSchedulers(this.queue);
  }

  /** Enqueues what is due; returns how many compose and send jobs (pages) it asked for. */
  async tick(now = new Date()): Promise<{ compose: number; send: number; due: number; waiting: number }> {
    const repos = repositoriesOf(this.ds);
    const schedule = new ScheduleMemo();
    let compose = 0;
    let dueCount = 0;
    let after: { id: string; nextDueAt: Date } | undefined;
    for (;;) {
      const due = await repos.digestSubscriptions.due(now, PAGE, after);
      if (due.length === 0) break;
      const items: DigestComposePayload[] = due.map((s) => ({
        subscriptionId: s.id,
        period: schedule.periodOf(s, s.nextDueAt),
      }));
      const pages = chunks(items, COMPOSE_PAGE);
      await this.addFresh(
        pages.map((page) => {
          const data: DigestComposePagePayload = { items: page };
          return {
            name: JOB_DIGEST_COMPOSE_PAGE,
            data,
            opts: { ...COMPOSE_JOB_OPTIONS, jobId: digestComposePageJobId(page) },
          };
        }),
      );
      compose += pages.length;
      dueCount += due.length;
      after = due[due.length - 1];
      if (due.length < PAGE) break;
    }
    const waiting = await repos.digestOutbox.waiting(10 * PAGE);
    const send = await this.enqueueSends(waiting);
    return { compose, send, due: dueCount, waiting: waiting.length };
  }

  /** Enqueues send jobs for these outbox rows, a page each; returns how many jobs. */
  async enqueueSends(outboxIds: string[]): Promise<number> {
    if (outboxIds.length === 0) return 0;
    const pages = chunks(outboxIds, SEND_PAGE);
    await this.addFresh(
      pages.map((page) => {
        const data: DigestSendPagePayload = { outboxIds: page };
        return {
          name: JOB_DIGEST_SEND_PAGE,
          data,
          opts: { ...SEND_JOB_OPTIONS, jobId: digestSendPageJobId(page) },
        };
      }),
    );
    return pages.length;
  }

  /**
   * Adds jobs whose ids say what they stand for, so an id already waiting or running drops the
   * second. A job that failed all its attempts keeps its id too (removeOnFail keeps 10,000), and would
   * drop the tick's new try until BullMQ trims it: such a job is removed first. A finished one is not
   * (its work is done: the outbox and the subscriptions' due times say so).
   */
  private async addFresh(
    jobs: Array<{ name: string; data: object; opts: { jobId: string } }>,
  ): Promise<void> {
    const states = await Promise.all(jobs.map((j) => this.queue.getJobState(j.opts.jobId)));
    await Promise.all(
      jobs.map((j, i) => (states[i] === 'failed' ? this.queue.remove(j.opts.jobId) : Promise.resolve(0))),
    );
    await this.queue.addBulk(jobs);
  }

  async housekeeping(now = new Date()): Promise<Record<string, number>> {
    const repos = repositoriesOf(this.ds);
    const unconfirmedDeleted = await repos.digestSubscriptions.deleteUnconfirmed(now);
    const interrupted = await repos.digestOutbox.failInterrupted(
      new Date(now.getTime() - INTERRUPTED_AFTER_MS),
    );
    const ignoredStopped = await repos.digestSubscriptions.unsubscribeIgnoredReconfirms(
      new Date(now.getTime() - RECONFIRM_GRACE_DAYS * DAY),
    );
    const stoppedDeleted = await repos.digestSubscriptions.deleteUnsubscribed(
      new Date(now.getTime() - 30 * DAY),
    );
    // No watermark is older than a weekly digest and a late retry: openings past 35 days serve none.
    const openingsPruned = await repos.listingOpenings.prune(new Date(now.getTime() - 35 * DAY));
    let reconfirmAsked = 0;
    for (const sub of await repos.digestSubscriptions.idle(new Date(now.getTime() - IDLE_AFTER_MS), 200)) {
      if (await repos.mailSuppressions.isSuppressed(sub.email)) continue;
      const what =
        sub.kind === 'profile'
          ? 'new jobs matching your profile'
          : `new ${describeSearch(sub.criteria as DigestCriteria | null, 2)}`;
      const mail = renderReconfirm(what, this.urls.manage(sub.id, sub.linkVersion), RECONFIRM_GRACE_DAYS);
      // Marked first: a failure after this means one reminder less, never two.
      await repos.digestSubscriptions.markReconfirmSent(sub.id);
      await this.mailer
        .send({
          to: sub.email,
          ...mail,
          headers: this.urls.listHeaders(sub.id, sub.linkVersion),
          envelopeFrom: this.urls.subscriptionEnvelopeSender(sub.id),
        })
        .catch((err: Error) => this.logger.warn(`re-confirm mail for ${sub.id} not sent: ${err.message}`));
      reconfirmAsked++;
    }
    const counts = {
      unconfirmedDeleted,
      interrupted,
      ignoredStopped,
      stoppedDeleted,
      openingsPruned,
      reconfirmAsked,
    };
    this.logger.log(`digest housekeeping: ${JSON.stringify(counts)}`);
    return counts;
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
