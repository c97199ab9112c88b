import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CandidateEntity } from './candidate.entity';

export type DigestKind = 'search' | 'profile';
export type DigestFrequency = 'daily' | 'weekly';
/** pending: waiting for the confirmation link; confirmed: receives digests; unsubscribed: stopped. */
export type DigestSubscriptionStatus = 'pending' | 'confirmed' | 'unsubscribed';

/**
 * One e-mail digest a person asked for: new listings matching a search's filters or a saved
 * profile, daily or weekly at an hour of their time zone. One address may hold several.
 */
@Entity({ name: 'digest_subscriptions' })
@Index('ix_digest_subscriptions_due', ['nextDueAt', 'id'], { where: `"status" = 'confirmed'` })
@Index('ix_digest_subscriptions_email_key', ['emailKey'])
@Index('ix_digest_subscriptions_pending', ['createdAt'], { where: `"status" = 'pending'` })
export class DigestSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The address as the person typed it (what mail goes to). */
  @Column({ type: 'text' })
  email!: string;

  /** lower(email): addresses compare case-insensitively (suppressions, the per-address limit). */
  @Column({ name: 'email_key', type: 'text' })
  emailKey!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: DigestKind;

  /** For a search digest: the filters (the digests feature owns their shape). */
  @Column({ type: 'jsonb', nullable: true })
  criteria!: Record<string, unknown> | null;

  /** The /jobs query string of the search (for "see all" links); '' for a profile digest. */
  @Column({ name: 'search_query', type: 'text', default: '' })
  searchQuery!: string;

  /** For a profile digest: the saved profile; the digest goes when the profile does. */
  @Column({ name: 'candidate_id', type: 'uuid', nullable: true })
  candidateId!: string | null;

  @ManyToOne(() => CandidateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidate_id' })
  candidate?: CandidateEntity | null;

  @Column({ type: 'varchar', length: 8 })
  frequency!: DigestFrequency;

  /** Local hour (0-23) in `timeZone` at which the digest goes out. */
  @Column({ name: 'send_hour', type: 'smallint' })
  sendHour!: number;

  /** Local weekday (0 Sunday .. 6 Saturday) of a weekly digest. */
  @Column({ name: 'send_weekday', type: 'smallint', default: 1 })
  sendWeekday!: number;

  /** IANA time zone name, e.g. America/Chicago. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: DigestSubscriptionStatus;

  /** Hex sha256 of the confirmation token (the token itself is only in the e-mail). */
  @Column({ name: 'confirm_token_hash', type: 'varchar', length: 64, nullable: true })
  confirmTokenHash!: string | null;

  @Column({ name: 'confirm_expires_at', type: 'timestamptz', nullable: true })
  confirmExpiresAt!: Date | null;

  /**
   * What the last digest covered: the database snapshot (pg_snapshot text) its listings were read in.
   * Listings opened by transactions that snapshot did not see are new for the next one.
   */
  @Column({ type: 'text', nullable: true })
  watermark!: string | null;

  /** When the next digest is due (UTC); advanced when one is composed, or found empty. */
  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt!: Date | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** The person's last sign of life: confirming, the manage page, a digest link followed. */
  @Column({ name: 'last_activity_at', type: 'timestamptz', nullable: true })
  lastActivityAt!: Date | null;

  /** When a "still want these?" mail went to an idle subscription; cleared by any activity. */
  @Column({ name: 'reconfirm_sent_at', type: 'timestamptz', nullable: true })
  reconfirmSentAt!: Date | null;

  /** Bumped to invalidate every signed link handed out so far (manage, unsubscribe). */
  @Column({ name: 'link_version', type: 'integer', default: 1 })
  linkVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
