import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { MailError } from '#mail';
import {
  DIGESTS_QUEUE,
  JOB_DIGEST_COMPOSE,
  JOB_DIGEST_COMPOSE_PAGE,
  JOB_DIGEST_CONFIRM,
  JOB_DIGEST_HOUSEKEEPING,
  JOB_DIGEST_SEND,
  JOB_DIGEST_SEND_PAGE,
  JOB_DIGEST_TICK,
  type DigestComposePagePayload,
  type DigestComposePayload,
  type DigestConfirmPayload,
  type DigestSendPagePayload,
  type DigestSendPayload,
} from '#jobs';
import { ConfirmationMailer } from './confirmation-mailer';
import { DigestComposer } from './digest-composer';
import { DigestScheduler } from './digest-scheduler';
import { DigestSender } from './digest-sender';

/**
 * Consumes the digests queue: confirmation mails, the tick (enqueues only), compose and send jobs
 * (a page of subscriptions or digests each, idempotent per subscription and per digest), housekeeping. Registers the schedulers at boot.
 */
@Processor(DIGESTS_QUEUE, { concurrency: 16 })
export class DigestsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('DigestsProcessor');

  constructor(
    @Inject(ConfirmationMailer) private readonly confirmations: ConfirmationMailer,
    @Inject(DigestScheduler) private readonly scheduler: DigestScheduler,
    @Inject(DigestComposer) private readonly composer: DigestComposer,
    @Inject(DigestSender) private readonly sender: DigestSender,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.register();
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn(`job ${job?.name} ${job?.id} failed: ${err.message}`);
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOB_DIGEST_CONFIRM: {
        const { subscriptionId } = job.data as DigestConfirmPayload;
        return this.confirmations.send(subscriptionId, job.attemptsMade + 1).catch(permanentIsFinal);
      }
      case JOB_DIGEST_TICK:
        return this.scheduler.tick();
      case JOB_DIGEST_COMPOSE_PAGE:
        return this.composePage((job.data as DigestComposePagePayload).items);
      case JOB_DIGEST_COMPOSE:
        // Enqueued before pages existed: a page of one.
        return this.composePage([job.data as DigestComposePayload]);
      case JOB_DIGEST_SEND_PAGE:
        return this.sendPage((job.data as DigestSendPagePayload).outboxIds);
      case JOB_DIGEST_SEND:
        return this.sendPage([(job.data as DigestSendPayload).outboxId]);
      case JOB_DIGEST_HOUSEKEEPING:
        return this.scheduler.housekeeping();
      default:
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }

  /**
   * Composes a page and enqueues its digests' sends. Subscriptions whose digest threw stay due: the
   * job fails so that BullMQ retries them (the others are done, and a retry skips them).
   */
  private async composePage(items: DigestComposePayload[]): Promise<Record<string, number>> {
    const result = await this.composer.composePage(items);
    await this.scheduler.enqueueSends(result.outboxIds);
    if (result.errors > 0)
      throw new Error(`${result.errors} of ${items.length} digests could not be composed`);
    return countOf([...result.outcomes.values()].map((o) => o.status));
  }

  /** Sends a page; rows the transport could not take now were put back, and the job retries them. */
  private async sendPage(outboxIds: string[]): Promise<Record<string, number>> {
    const result = await this.sender.sendPage(outboxIds);
    if (result.retry.length > 0) {
      throw new Error(
        `${result.retry.length} of ${outboxIds.length} digests put back: ${result.retry[0].error}`,
      );
    }
    return countOf([...result.outcomes.values()]);
  }
}

function countOf(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** A refusal a retry cannot change ends the job; anything else is retried with backoff. */
function permanentIsFinal(err: unknown): never {
  if (err instanceof MailError && err.permanent) throw new UnrecoverableError(`${err.code}: ${err.message}`);
  throw err;
}
