import { createHash } from 'node:crypto';
import type { RunTrigger } from '#persistence';

export const INGESTION_QUEUE = 'ingestion';

export const JOB_INGEST_SOURCE = 'ingest-source';
export const JOB_CLOSE_EXPIRED = 'close-expired';

export interface IngestSourcePayload {
  sourceId: string;
  trigger: RunTrigger;
}

/** One scheduler per source, keyed by id, so re-registering is idempotent. */
export const sourceSchedulerId = (sourceId: string) => `source:${sourceId}`;
export const MAINTENANCE_SCHEDULER_ID = 'maintenance:close-expired';

/** Recruiters' mail and posting lifecycle: sign-in links, invitations, renewal reminders, expiry. */
export const RECRUITERS_QUEUE = 'recruiters';
export const JOB_RECRUITER_MAIL = 'recruiter-mail';
export const JOB_RECRUITERS_TICK = 'recruiters-tick';
export const JOB_EXPIRE_POSTING = 'expire-posting';
export const RECRUITERS_TICK_SCHEDULER_ID = 'recruiters:tick';

/**
 * A mail to send. It names a row, never a secret: the worker mints the link's token as it sends, so
 * no token waits in the queue.
 */
export type RecruiterMailPayload =
  | { kind: 'sign-in'; linkId: string }
  | { kind: 'invitation'; invitationId: string }
  | { kind: 'renewal-reminder'; postingId: string; validThrough: string };

export interface ExpirePostingPayload {
  postingId: string;
}

/** One job per mail: a duplicate enqueue of the same row is dropped by its id. */
export const recruiterMailJobId = (p: RecruiterMailPayload) =>
  p.kind === 'sign-in'
    ? `signin-${p.linkId}`
    : p.kind === 'invitation'
      ? `invite-${p.invitationId}`
      : `renew-${p.postingId}-${Date.parse(p.validThrough)}`;

/** E-mail digests: confirmation mails, compose and send jobs, the hourly tick. */
export const DIGESTS_QUEUE = 'digests';

export const JOB_DIGEST_CONFIRM = 'digest-confirm';
/** One subscription's digest (jobs enqueued before pages existed; still consumed). */
export const JOB_DIGEST_COMPOSE = 'digest-compose';
/** One composed digest (jobs enqueued before pages existed; still consumed). */
export const JOB_DIGEST_SEND = 'digest-send';
/** A page of due subscriptions composed together (what the tick enqueues). */
export const JOB_DIGEST_COMPOSE_PAGE = 'digest-compose-page';
/** A page of composed digests sent together. */
export const JOB_DIGEST_SEND_PAGE = 'digest-send-page';
export const JOB_DIGEST_TICK = 'digest-tick';
export const JOB_DIGEST_HOUSEKEEPING = 'digest-housekeeping';

export interface DigestConfirmPayload {
  subscriptionId: string;
}

/** One compose per subscription and period: the period is also in the job id. */
export interface DigestComposePayload {
  subscriptionId: string;
  period: string;
}

export interface DigestSendPayload {
  outboxId: string;
}

/** A page of (subscription, period) pairs: a few hundred, each composed at most once. */
export interface DigestComposePagePayload {
  items: DigestComposePayload[];
}

/** A page of outbox rows: each claimed before it is sent, so a second run sends none twice. */
export interface DigestSendPagePayload {
  outboxIds: string[];
}

// Job ids name what they stand for, so a second enqueue of the same work is dropped while the first
// is kept. BullMQ refuses most ids with ':' in them: dashes and dots only.
export const digestConfirmJobId = (subscriptionId: string, attempt: number) =>
  `digest-confirm-${subscriptionId}-${attempt}`;
export const digestComposeJobId = (subscriptionId: string, period: string) =>
  `digest-compose-${subscriptionId}-${period.replace(':', '.')}`;
export const digestSendJobId = (outboxId: string) => `digest-send-${outboxId}`;
const digestOf = (parts: readonly string[]) =>
  createHash('sha256').update(parts.join(',')).digest('hex').slice(0, 32);
/** The same page (same subscriptions, same periods) has the same id: a second tick adds nothing. */
export const digestComposePageJobId = (items: readonly DigestComposePayload[]) =>
  `digest-compose-page-${digestOf(items.map((i) => `${i.subscriptionId}.${i.period}`))}`;
export const digestSendPageJobId = (outboxIds: readonly string[]) =>
  `digest-send-page-${digestOf(outboxIds)}`;
export const DIGEST_TICK_SCHEDULER_ID = 'digests:tick';
export const DIGEST_HOUSEKEEPING_SCHEDULER_ID = 'digests:housekeeping';
