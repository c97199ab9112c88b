import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type JobReportReason = 'scam' | 'wrong_info' | 'closed' | 'offensive' | 'other';

/** A seeker's "report this job": it joins the operators' moderation queue. */
@Entity({ name: 'job_reports' })
@Index('ix_job_reports_open', ['resolvedAt', 'createdAt'])
export class JobReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'listing_id', type: 'uuid' })
  listingId!: string;

  @Column({ type: 'varchar', length: 16 })
  reason!: JobReportReason;

  @Column({ type: 'text', default: '' })
  details!: string;

  /** Optional, for a reply; never logged. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ name: 'client_hash', type: 'varchar', length: 64 })
  clientHash!: string;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  resolution!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
