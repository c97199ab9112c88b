import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { JOB_EXPIRE_POSTING, JOB_RECRUITER_MAIL, recruiterMailJobId, type RecruiterMailPayload } from '#jobs';
import { repositoriesOf } from '#persistence';
import { RENEW_WINDOW_DAYS } from '#recruiting';

const BATCH = 500;

/**
 * The tick only enqueues: one expiry job per published posting past its end, one reminder mail per
 * posting whose renew window opened. Job ids make a second tick (or a second worker) add nothing.
 */
export async function enqueueRecruiterTick(
  ds: DataSource,
  queue: Queue,
  now = new Date(),
): Promise<{ expiries: number; reminders: number }> {
  const repos = repositoriesOf(ds);
  const expiring = await repos.recruiterPostings.dueToExpire(now, BATCH);
  if (expiring.length > 0)
    await queue.addBulk(
      expiring.map((postingId) => ({
        name: JOB_EXPIRE_POSTING,
        data: { postingId },
        opts: { jobId: `expire-${postingId}`, removeOnComplete: true, removeOnFail: 1000, attempts: 3 },
      })),
    );
  const windowEnd = new Date(now.getTime() + RENEW_WINDOW_DAYS * 86_400_000);
  const due = await repos.recruiterPostings.dueForReminder(windowEnd, now, BATCH);
  if (due.length > 0)
    await queue.addBulk(
      due.map((p) => {
        const data: RecruiterMailPayload = {
          kind: 'renewal-reminder',
          postingId: p.id,
          validThrough: p.validThrough.toISOString(),
        };
        return {
          name: JOB_RECRUITER_MAIL,
          data,
          opts: {
            jobId: recruiterMailJobId(data),
            attempts: 5,
            backoff: { type: 'exponential', delay: 60_000 },
            removeOnComplete: 1000,
            removeOnFail: 1000,
          },
        };
      }),
    );
  return { expiries: expiring.length, reminders: due.length };
}
