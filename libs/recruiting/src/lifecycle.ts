import { DEFAULT_VALID_DAYS, MAX_VALID_DAYS } from './posting-form';

// A posting's life: draft -> (review) -> published -> closed (filled or withdrawn) or expired. An
// unverified organization's postings wait in review for an operator; a rejected one can be edited
// and sent again. Reposting copies a closed or expired posting into a new one with a new id.

export const POSTING_STATES = ['draft', 'review', 'published', 'rejected', 'closed', 'expired'] as const;
export type PostingState = (typeof POSTING_STATES)[number];
export const CLOSE_REASONS = ['filled', 'withdrawn'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export type PostingAction =
  'edit' | 'submit' | 'approve' | 'reject' | 'close' | 'expire' | 'renew' | 'repost';

export interface TransitionContext {
  /** The organization is verified (by domain or by an operator). */
  verified: boolean;
  now: Date;
  /** The posting's current closing time, when published. */
  validThrough: Date | null;
}

export type Transition = { ok: true; state: PostingState } | { ok: false; reason: string };

const DAY = 86_400_000;
/** A posting can be renewed in the last days before it expires; the reminder goes out as this opens. */
export const RENEW_WINDOW_DAYS = 7;

/** Where an action takes a posting, or why it cannot. */
export function transition(state: PostingState, action: PostingAction, ctx: TransitionContext): Transition {
  const to = (s: PostingState): Transition => ({ ok: true, state: s });
  const no = (reason: string): Transition => ({ ok: false, reason });
  switch (action) {
    case 'edit':
      if (state === 'draft' || state === 'review') return to(state);
      if (state === 'rejected') return to('draft');
      if (state === 'published') return to(ctx.verified ? 'published' : 'review');
      return no(`a ${state} posting cannot be edited: repost it`);
    case 'submit':
      if (state === 'draft' || state === 'rejected') return to(ctx.verified ? 'published' : 'review');
      return no(`a ${state} posting cannot be submitted`);
    case 'approve':
      return state === 'review' ? to('published') : no('only a posting in review can be approved');
    case 'reject':
      return state === 'review' ? to('rejected') : no('only a posting in review can be rejected');
    case 'close':
      return state === 'published' || state === 'review'
        ? to('closed')
        : no(`a ${state} posting is not open`);
    case 'expire':
      return state === 'published' ? to('expired') : no(`a ${state} posting does not expire`);
    case 'renew':
      if (state !== 'published') return no('only a published posting can be renewed');
      if (!inRenewWindow(ctx.validThrough, ctx.now))
        return no(`a posting can be renewed in the ${RENEW_WINDOW_DAYS} days before it expires`);
      return to('published');
    case 'repost':
      return state === 'closed' || state === 'expired'
        ? to(ctx.verified ? 'published' : 'review')
        : no('only a closed or expired posting can be reposted');
  }
}

/** When a posting published now closes: its own date (end of that day, UTC) or 30 days. */
export function validThroughFor(requested: string | null, now: Date): Date {
  const latest = now.getTime() + MAX_VALID_DAYS * DAY;
  if (requested) {
    const end = new Date(`${requested}T23:59:59.999Z`).getTime();
    if (end > now.getTime()) return new Date(Math.min(end, latest));
  }
  return new Date(now.getTime() + DEFAULT_VALID_DAYS * DAY);
}

/** A renewal runs for another 30 days from the current end. */
export function renewedValidThrough(current: Date): Date {
  return new Date(current.getTime() + DEFAULT_VALID_DAYS * DAY);
}

export function renewWindowOpens(validThrough: Date): Date {
  return new Date(validThrough.getTime() - RENEW_WINDOW_DAYS * DAY);
}

export function inRenewWindow(validThrough: Date | null, now: Date): boolean {
  return validThrough !== null && now >= renewWindowOpens(validThrough) && now < validThrough;
}

/** Whether the requested closing date is too far ahead (a validation message) or null when fine. */
export function validThroughProblem(requested: string | null, now: Date): string | null {
  if (!requested) return null;
  const end = new Date(`${requested}T23:59:59.999Z`).getTime();
  if (end <= now.getTime()) return 'must be a future date';
  if (end > now.getTime() + MAX_VALID_DAYS * DAY) return `must be within ${MAX_VALID_DAYS} days`;
  return null;
}
