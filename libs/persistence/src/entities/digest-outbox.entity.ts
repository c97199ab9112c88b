import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { DigestSubscriptionEntity } from './digest-subscription.entity';

/**
 * composed: waiting to be sent; sending: claimed by a send job (committed before the mail is handed
 * over, so a second job never sends it again); sent; failed: refused for good or interrupted mid-send;
 * cancelled: the subscription stopped (or the address was suppressed) before it went.
 */
export type DigestOutboxStatus = 'composed' | 'sending' | 'sent' | 'failed' | 'cancelled';

/**
 * One digest for one subscription and one period (`daily:2026-12-07`): composed once, sent at most
 * once. The unique key is what makes a retried, doubled or restarted job harmless.
 */
@Entity({ name: 'digest_outbox' })
@Unique('uq_digest_outbox_subscription_period', ['subscriptionId', 'period'])
@Index('ix_digest_outbox_unsent', ['createdAt'], { where: `"status" = 'composed'` })
export class DigestOutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId!: string;

  @ManyToOne(() => DigestSubscriptionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id' })
  subscription?: DigestSubscriptionEntity;

  @Column({ type: 'varchar', length: 32 })
  period!: string;

  @Column({ type: 'varchar', length: 16, default: 'composed' })
  status!: DigestOutboxStatus;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ name: 'text_body', type: 'text' })
  textBody!: string;

  @Column({ name: 'html_body', type: 'text' })
  htmlBody!: string;

  /** The listings shown, in order. */
  @Column({ name: 'listing_ids', type: 'uuid', array: true })
  listingIds!: string[];

  /** Every new match the digest stood for (shown or in "and N more"). */
  @Column({ name: 'match_count', type: 'integer' })
  matchCount!: number;

  @Column({ name: 'send_attempts', type: 'integer', default: 0 })
  sendAttempts!: number;

  /** A short reason for the last failure (a code, never a server's reply text). */
  @Column({ name: 'last_error', type: 'varchar', length: 120, nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When a send job claimed it. */
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
