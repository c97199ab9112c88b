import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type RecruiterPostingState = 'draft' | 'review' | 'published' | 'rejected' | 'closed' | 'expired';

/**
 * A role a recruiter posts. While published it is also a listing (origin recruiter) with the same id;
 * the form's fields are kept as written (the recruiting lib owns their shape).
 */
@Entity({ name: 'recruiter_postings' })
@Index('ix_recruiter_postings_org', ['organizationId', 'updatedAt'])
@Index('ix_recruiter_postings_state', ['state', 'validThrough'])
export class RecruiterPostingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: RecruiterPostingState;

  @Column({ name: 'closed_reason', type: 'varchar', length: 16, nullable: true })
  closedReason!: 'filled' | 'withdrawn' | null;

  @Column({ name: 'reject_reason', type: 'text', nullable: true })
  rejectReason!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'jsonb' })
  fields!: Record<string, unknown>;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'valid_through', type: 'timestamptz', nullable: true })
  validThrough!: Date | null;

  @Column({ name: 'renewal_reminded_at', type: 'timestamptz', nullable: true })
  renewalRemindedAt!: Date | null;

  @Column({ name: 'reposted_from', type: 'uuid', nullable: true })
  repostedFrom!: string | null;

  /** Bumped by every change: a write names the version it read, so two editors cannot overwrite. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
