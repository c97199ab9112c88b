import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { MailError } from '#mail';
import {
  DIGESTS_QUEUE,
  JOB_DIGEST_COMPOSE,
  JOB_DIGEST_CONFIRM,
  JOB_DIGEST_HOUSEKEEPING,
  JOB_DIGEST_SEND,
  JOB_DIGEST_TICK,
  type DigestComposePayload,
  type DigestConfirmPayload,
  type DigestSendPayload,
} from '#jobs';
import { ConfirmationMailer } from './confirmation-mailer';
import { DigestComposer } from './digest-composer';
import { DigestScheduler } from './digest-scheduler';
import { DigestSender } from './digest-sender';

/**
 * Consumes the digests queue: confirmation mails, the tick (enqueues only), compose and send jobs
 * (each idempotent on its own), housekeeping. Registers the schedulers at boot.
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
      case JOB_DIGEST_COMPOSE: {
        const { subscriptionId, period } = job.data as DigestComposePayload;
        const outcome = await this.composer.compose(subscriptionId, period);
        if (outcome.status === 'composed') await this.scheduler.enqueueSends([outcome.outboxId]);
        return outcome;
      }
      case JOB_DIGEST_SEND: {
        const { outboxId } = job.data as DigestSendPayload;
        return this.sender.send(outboxId);
      }
      case JOB_DIGEST_HOUSEKEEPING:
        return this.scheduler.housekeeping();
      default:
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }
}

/** A refusal a retry cannot change ends the job; anything else is retried with backoff. */
function permanentIsFinal(err: unknown): never {
  if (err instanceof MailError && err.permanent) throw new UnrecoverableError(`${err.code}: ${err.message}`);
  throw err;
}
