import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import type { RecruiterMailPayload } from '#jobs';
import { Mailer } from '#mail';
import { repositoriesOf } from '#persistence';
import { hashToken, INVITATION_DAYS, maskEmail, newToken, SIGN_IN_LINK_MINUTES } from '#recruiting';
import { invitationMessage, renewalReminderMessage, signInMessage } from './recruiter-mail-messages';

/**
 * Sends one recruiter mail. Links are minted here, as the mail goes out: a new token's hash replaces
 * any earlier attempt's, so the queue never holds a secret and a retried job sends a link that works.
 */
@Injectable()
export class RecruiterMailSender {
  private readonly logger = new Logger(RecruiterMailSender.name);
  private readonly base: string;

  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'PUBLIC_URL' | 'PORT'>,
  ) {
    this.base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  }

  /** Sends the mail; false when there is nothing to send any more (used, expired, closed). */
  async send(payload: RecruiterMailPayload, now = new Date()): Promise<boolean> {
    const repos = repositoriesOf(this.ds);
    if (payload.kind === 'sign-in') {
      const token = newToken('signin');
      const email = await repos.recruiters.mintLink(payload.linkId, hashToken(token), now);
      if (!email) return false;
      const link = `${this.base}/recruiters/sign-in/confirm?token=${token}`;
      await this.mailer.send(signInMessage(email, link, SIGN_IN_LINK_MINUTES));
      this.logger.log(`sign-in link sent to ${maskEmail(email)}`);
      return true;
    }
    if (payload.kind === 'invitation') {
      const token = newToken('invite');
      const inv = await repos.organizations.mintInvitation(payload.invitationId, hashToken(token), now);
      if (!inv) return false;
      const org = await repos.organizations.find(inv.organizationId);
      if (!org) return false;
      const link = `${this.base}/recruiters/invitations/accept?token=${token}`;
      await this.mailer.send(invitationMessage(inv.email, org.name, inv.role, link, INVITATION_DAYS));
      this.logger.log(`invitation ${inv.id} sent to ${maskEmail(inv.email)}`);
      return true;
    }
    const posting = await repos.recruiterPostings.findAny(payload.postingId);
    // Only for the end it was enqueued for, once: a renewal moves the end and clears the stamp.
    if (
      !posting ||
      posting.state !== 'published' ||
      posting.renewalRemindedAt ||
      posting.validThrough?.toISOString() !== new Date(payload.validThrough).toISOString()
    )
      return false;
    const members = await repos.organizations.members(posting.organizationId);
    const creator = posting.createdBy.startsWith('recruiter:')
      ? posting.createdBy.slice('recruiter:'.length)
      : null;
    const to = members.find((m) => m.recruiterId === creator) ?? members.find((m) => m.role === 'owner');
    if (!to) return false;
    const link = `${this.base}/recruiters/postings/${posting.id}`;
    await this.mailer.send({
      ...renewalReminderMessage(to.email, posting.title, posting.validThrough!, link),
      messageId: `renew.${posting.id}.${posting.validThrough!.getTime()}@coderjobs`,
    });
    await repos.recruiterPostings.markReminded(posting.id, now);
    this.logger.log(`renewal reminder for posting ${posting.id} sent to ${maskEmail(to.email)}`);
    return true;
  }
}
