import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JOB_RECRUITER_MAIL, RECRUITERS_QUEUE, recruiterMailJobId, type RecruiterMailPayload } from '#jobs';

/** The API only enqueues the recruiters' mail; the worker sends it (and mints the link as it does). */
@Injectable()
export class RecruiterJobs {
  constructor(@InjectQueue(RECRUITERS_QUEUE) private readonly queue: Queue) {}

  async mail(payload: RecruiterMailPayload): Promise<void> {
    await this.queue.add(JOB_RECRUITER_MAIL, payload, {
      jobId: recruiterMailJobId(payload),
      attempts: 5,
      backoff: { type: 'exponential', delay: 30_000 },
      removeOnComplete: 1000,
      removeOnFail: 1000,
    });
  }
}
