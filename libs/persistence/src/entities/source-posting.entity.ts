import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ListingEntity } from './listing.entity';
import { SourceEntity } from './source.entity';
import type { ListingFacts, ListingLocation } from '#taxonomy';

export type SourcePostingStatus = 'active' | 'closed';

/** One posting as one source published it: the link between a listing and every place it was seen. */
@Entity({ name: 'source_postings' })
@Unique('uq_source_postings_source_external', ['sourceId', 'externalId'])
export class SourcePostingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'source_id', type: 'varchar', length: 64 })
  sourceId!: string;

  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: SourceEntity;

  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Index('ix_source_postings_listing')
  @Column({ name: 'listing_id', type: 'uuid' })
  listingId!: string;

  @ManyToOne(() => ListingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'listing_id' })
  listing?: ListingEntity;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: SourcePostingStatus;

  @Column({ name: 'closed_reason', type: 'varchar', length: 32, nullable: true })
  closedReason!: string | null;

  /** Consecutive complete snapshots of the source this posting was absent from. */
  @Column({ name: 'missed_runs', type: 'integer', default: 0 })
  missedRuns!: number;

  /** sha256 of the raw posting: unchanged content is skipped without normalizing. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  /**
   * The adapter's output (#sources RawPosting), kept so the index can be rebuilt when the normalizer
   * improves, without refetching. Stored as the source gave it; ingestion owns its meaning.
   */
  @Column({ type: 'jsonb' })
  raw!: object;

  /** The facts read from it (descriptions and evidence left out). */
  @Column({ type: 'jsonb' })
  normalized!: ListingFacts & { location: ListingLocation | null };

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
