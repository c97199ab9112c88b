import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#config';
import { describeSearch, DigestUrls, hashToken, nextDueAt, verifyLink, type DigestCriteria } from '#digests';
import { DIGESTS_QUEUE, JOB_DIGEST_CONFIRM, digestConfirmJobId, type DigestConfirmPayload } from '#jobs';
import { maskEmail } from '#observability';
import {
  DigestSubscriptionsRepository,
  MailSuppressionsRepository,
  type DigestSubscriptionEntity,
} from '#persistence';
import { CandidatesService } from '../candidates/candidates.service';
import { ApiError } from '../http/api-error';
import { MAX_SUBSCRIPTIONS_PER_ADDRESS, type ScheduleInput, type SubscribeInput } from './digest-input';
import { criteriaFromQuery } from './search-criteria';

/** A subscription as its owner sees it on the manage page. */
export interface SubscriptionView {
  id: string;
  kind: 'search' | 'profile';
  /** "remote CPC jobs for Texas residents", or "matches for your profile". */
  description: string;
  searchQuery: string;
  status: 'pending' | 'confirmed';
  frequency: 'daily' | 'weekly';
  sendHour: number;
  sendWeekday: number;
  timeZone: string;
  nextDueAt: string | null;
}

/** What a manage link opens: every subscription of the address, and the address masked. */
export interface ManageView {
  email: string;
  subscriptions: SubscriptionView[];
}

/** Confirmation links last this long. */
export const CONFIRM_LINK_HOURS = 48;

/**
 * E-mail digest subscriptions: subscribe (double opt-in: the worker sends the confirmation mail),
 * confirm, manage by a signed link, unsubscribe (one click), and suppressions reported by providers.
 * Answers never tell whether an address is known.
 */
@Injectable()
export class DigestsService {
  private readonly logger = new Logger('Digests');
  readonly urls: DigestUrls;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DigestSubscriptionsRepository) private readonly subscriptions: DigestSubscriptionsRepository,
    @Inject(MailSuppressionsRepository) private readonly suppressions: MailSuppressionsRepository,
    @Inject(CandidatesService) private readonly candidates: CandidatesService,
    @InjectQueue(DIGESTS_QUEUE) private readonly queue: Queue,
  ) {
    this.urls = new DigestUrls(config);
  }

  /**
   * A new pending subscription, and its confirmation mail queued. The answer is the same whether
   * or not the address is suppressed (a suppressed address simply gets nothing).
   */
  async subscribe(input: SubscribeInput, authorization?: string): Promise<{ status: 'pending' }> {
    let criteria: DigestCriteria | null = null;
    let searchQuery = '';
    if (input.candidateId) {
      // Ownership: only the profile's token holder may have its matches mailed.
      await this.candidates.get(input.candidateId, authorization);
    } else {
      ({ criteria, query: searchQuery } = criteriaFromQuery(input.search ?? ''));
    }
    const emailKey = input.email.toLowerCase();
    if (await this.suppressions.isSuppressed(emailKey)) {
      this.logger.log(`subscription for suppressed ${maskEmail(input.email)} ignored`);
      return { status: 'pending' };
    }
    if ((await this.subscriptions.countActiveForEmail(emailKey)) >= MAX_SUBSCRIPTIONS_PER_ADDRESS) {
      throw new ApiError(
        'SUBSCRIPTION_LIMIT',
        `an address holds at most ${MAX_SUBSCRIPTIONS_PER_ADDRESS} digests: remove one from the manage page first`,
      );
    }
    const created = await this.subscriptions.create({
      email: input.email,
      kind: input.candidateId ? 'profile' : 'search',
      criteria: criteria as Record<string, unknown> | null,
      searchQuery,
      candidateId: input.candidateId ?? null,
      frequency: input.frequency,
      sendHour: input.sendHour,
      sendWeekday: input.sendWeekday,
      timeZone: input.timeZone,
      confirmTokenHash: null,
      confirmExpiresAt: new Date(Date.now() + CONFIRM_LINK_HOURS * 3600_000),
    });
    const payload: DigestConfirmPayload = { subscriptionId: created.id };
    await this.queue.add(JOB_DIGEST_CONFIRM, payload, {
      jobId: digestConfirmJobId(created.id, 1),
      attempts: 5,
      backoff: { type: 'exponential', delay: 30_000 },
      removeOnComplete: 1000,
      removeOnFail: 1000,
    });
    this.logger.log(`subscription ${created.id} pending for ${maskEmail(input.email)}`);
    return { status: 'pending' };
  }

  /** Confirms by the mailed token: the first digest holds listings opened from now on. */
  async confirm(token: string): Promise<{ status: 'confirmed'; manageUrl: string }> {
    const sub = await this.subscriptions.findByConfirmTokenHash(hashToken(token));
    if (!sub) throw new ApiError('LINK_INVALID', 'this confirmation link is not valid (or was used already)');
    if (sub.confirmExpiresAt && sub.confirmExpiresAt.getTime() < Date.now()) {
      throw new ApiError('LINK_EXPIRED', `this confirmation link expired: subscribe again`);
    }
    await this.subscriptions.confirm(sub.id, nextDueAt(sub, new Date()));
    return { status: 'confirmed', manageUrl: this.urls.manage(sub.id, sub.linkVersion) };
  }

  /** The subscription a manage link names (its address's others come with it on the page). */
  private async fromManageToken(token: string): Promise<DigestSubscriptionEntity> {
    const named = verifyLink(this.urls.signingSecret, 'manage', token);
    const sub = named ? await this.subscriptions.find(named.subscriptionId) : null;
    if (!sub || !named || named.version !== sub.linkVersion) {
      throw new ApiError('LINK_INVALID', 'this link is not valid: use the one in your latest digest');
    }
    return sub;
  }

  /** Every subscription of the address the link belongs to; counts as the person's activity. */
  async manage(token: string): Promise<ManageView & { emailKey: string }> {
    const sub = await this.fromManageToken(token);
    const all = await this.subscriptions.listForEmail(sub.emailKey);
    await this.subscriptions.touch(all.map((s) => s.id));
    return {
      email: maskEmail(sub.email),
      emailKey: sub.emailKey,
      subscriptions: all.map((s) => this.view(s)),
    };
  }

  /** Changes one subscription of the link's address. */
  async change(token: string, id: string, input: ScheduleInput): Promise<SubscriptionView> {
    const target = await this.ownedTarget(token, id);
    const schedule = { ...input };
    await this.subscriptions.changeSchedule(id, {
      ...schedule,
      nextDueAt: target.status === 'confirmed' ? nextDueAt(schedule, new Date()) : target.nextDueAt,
    });
    return this.view((await this.subscriptions.find(id)) as DigestSubscriptionEntity);
  }

  /** Deletes one subscription of the link's address (stops it; nothing more is sent for it). */
  async remove(token: string, id: string): Promise<void> {
    await this.ownedTarget(token, id);
    await this.subscriptions.unsubscribe(id);
  }

  private async ownedTarget(token: string, id: string): Promise<DigestSubscriptionEntity> {
    const sub = await this.fromManageToken(token);
    const target = id === sub.id ? sub : await this.subscriptions.find(id);
    // Another address's subscription answers exactly as a missing one.
    if (!target || target.emailKey !== sub.emailKey || target.status === 'unsubscribed') {
      throw new ApiError('NOT_FOUND', 'no such subscription for this address');
    }
    return target;
  }

  /** What an unsubscribe link names, for the confirm page (nothing changes on a GET). */
  async unsubscribeTarget(token: string): Promise<{ description: string; alreadyStopped: boolean }> {
    const sub = await this.fromUnsubscribeToken(token);
    return { description: this.describe(sub), alreadyStopped: sub.status === 'unsubscribed' };
  }

  /** One-click unsubscribe (RFC 8058): idempotent, answers the same when already stopped. */
  async unsubscribe(token: string): Promise<{ status: 'unsubscribed' }> {
    const sub = await this.fromUnsubscribeToken(token);
    if (await this.subscriptions.unsubscribe(sub.id)) this.logger.log(`subscription ${sub.id} unsubscribed`);
    return { status: 'unsubscribed' };
  }

  private async fromUnsubscribeToken(token: string): Promise<DigestSubscriptionEntity> {
    const named = verifyLink(this.urls.signingSecret, 'unsubscribe', token);
    const sub = named ? await this.subscriptions.find(named.subscriptionId) : null;
    if (!sub || !named || named.version !== sub.linkVersion) {
      throw new ApiError('LINK_INVALID', 'this unsubscribe link is not valid');
    }
    return sub;
  }

  /** A provider's hard bounce or complaint: the address gets nothing any more. */
  async suppress(
    email: string,
    type: 'bounce' | 'complaint',
  ): Promise<{ suppressed: true; stopped: number }> {
    await this.suppressions.add(email, type);
    const stopped = await this.subscriptions.unsubscribeEmail(email.toLowerCase());
    this.logger.log(`${maskEmail(email)} suppressed (${type}); ${stopped} subscriptions stopped`);
    return { suppressed: true, stopped };
  }

  private describe(s: DigestSubscriptionEntity): string {
    if (s.kind === 'profile') return 'new jobs matching your profile';
    return `new ${describeCriteria(s.criteria as DigestCriteria | null)}`;
  }

  private view(s: DigestSubscriptionEntity): SubscriptionView {
    return {
      id: s.id,
      kind: s.kind,
      description: this.describe(s),
      searchQuery: s.searchQuery,
      status: s.status === 'confirmed' ? 'confirmed' : 'pending',
      frequency: s.frequency,
      sendHour: s.sendHour,
      sendWeekday: s.sendWeekday,
      timeZone: s.timeZone,
      nextDueAt: s.nextDueAt?.toISOString() ?? null,
    };
  }
}

function describeCriteria(c: DigestCriteria | null): string {
  return describeSearch(c, 2);
}
