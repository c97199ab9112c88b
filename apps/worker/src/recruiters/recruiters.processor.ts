import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Queue, UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  JOB_EXPIRE_POSTING,
  JOB_RECRUITER_MAIL,
  JOB_RECRUITERS_TICK,
  RECRUITERS_QUEUE,
  syncRecruitersScheduler,
  type ExpirePostingPayload,
  type RecruiterMailPayload,
} from '#jobs';
import { MailError } from '#mail';
import { enqueueRecruiterTick } from './recruiters-tick';
import { expirePosting } from './posting-expiry';
import { RecruiterMailSender } from './recruiter-mail.sender';

/**
 * Consumes the recruiters' queue: mail (sign-in links, invitations, renewal reminders), the tick that
 * enqueues what is due, and one job per posting to expire.
 */
@Processor(RECRUITERS_QUEUE, { concurrency: 4 })
export class RecruitersProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RecruitersProcessor.name);

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(RecruiterMailSender) private readonly mail: RecruiterMailSender,
    @InjectQueue(RECRUITERS_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await syncRecruitersScheduler(this.queue);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn(`job ${job?.id} failed: ${err.message}`);
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JOB_RECRUITER_MAIL:
        try {
          return { sent: await this.mail.send(job.data as RecruiterMailPayload) };
        } catch (err) {
          if (err instanceof MailError && err.permanent) throw new UnrecoverableError(err.message);
          throw err;
        }
      case JOB_RECRUITERS_TICK:
        return enqueueRecruiterTick(this.ds, this.queue);
      case JOB_EXPIRE_POSTING:
        return { expired: await expirePosting(this.ds, (job.data as ExpirePostingPayload).postingId) };
      default:
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }
}
