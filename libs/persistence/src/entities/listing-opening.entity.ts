import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ListingEntity } from './listing.entity';

/**
 * When a listing last became open, stamped with the opening transaction's id (xid8 as bigint) by a
 * trigger on listings (migration DigestTables): digests find what is new since their watermark
 * snapshot by visibility, so a transaction committing late is never skipped.
 */
@Entity({ name: 'listing_openings' })
@Index('ix_listing_openings_xid', ['openedXid'])
export class ListingOpeningEntity {
  @PrimaryColumn({ name: 'listing_id', type: 'uuid' })
  listingId!: string;

  @ManyToOne(() => ListingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'listing_id' })
  listing?: ListingEntity;

  @Column({ name: 'opened_xid', type: 'bigint' })
  openedXid!: string;

  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'now()' })
  openedAt!: Date;
}
