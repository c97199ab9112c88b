import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { MailError } from '#mail';
import { JOB_DIGEST_CONFIRM, DIGESTS_QUEUE, type DigestConfirmPayload } from '#jobs';
import { ConfirmationMailer } from './confirmation-mailer';

/** Consumes the digests queue: confirmation mails (compose and send jobs come with the scheduler). */
@Processor(DIGESTS_QUEUE, { concurrency: 16 })
export class DigestsProcessor extends WorkerHost {
  private readonly logger = new Logger('DigestsProcessor');

  constructor(@Inject(ConfirmationMailer) private readonly confirmations: ConfirmationMailer) {
    super();
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn(`job ${job?.name} ${job?.id} failed: ${err.message}`);
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === JOB_DIGEST_CONFIRM) {
      const { subscriptionId } = job.data as DigestConfirmPayload;
      return this.confirmations.send(subscriptionId, job.attemptsMade + 1).catch(permanentIsFinal);
    }
    throw new UnrecoverableError(`unknown job ${job.name}`);
  }
}

/** A refusal a retry cannot change ends the job; anything else is retried with backoff. */
function permanentIsFinal(err: unknown): never {
  if (err instanceof MailError && err.permanent) throw new UnrecoverableError(`${err.code}: ${err.message}`);
  throw err;
}
