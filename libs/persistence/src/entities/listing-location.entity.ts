import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ListingEntity } from './listing.entity';

/** Each place a listing can be worked from; one role posted in N cities has N rows. */
@Entity({ name: 'listing_locations' })
// (lat, lon) INCLUDE (listing_id), made in the StoredSearchDocument migration: the ORM does not model
// INCLUDE columns, so it is declared here only to keep migration:generate from dropping it.
@Index('ix_listing_locations_lat_lon', { synchronize: false })
export class ListingLocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_listing_locations_listing')
  @Column({ name: 'listing_id', type: 'uuid' })
  listingId!: string;

  @ManyToOne(() => ListingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'listing_id' })
  listing?: ListingEntity;

  @Column({ type: 'text', nullable: true })
  city!: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  state!: string | null;

  @Column({ name: 'postal_code', type: 'varchar', length: 10, nullable: true })
  postalCode!: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon!: number | null;
}
