import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type OrganizationKind = 'employer' | 'agency';
export type VerifiedBy = 'domain' | 'operator';

/** A hospital, billing company or staffing agency whose members post roles. */
@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Agencies say so: seekers see "Staffing agency" on their listings. */
  @Column({ type: 'varchar', length: 16 })
  kind!: OrganizationKind;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  /** The website's host without www: what a member's e-mail domain must match to verify. */
  @Index('ix_organizations_domain')
  @Column({ type: 'varchar', length: 253, nullable: true })
  domain!: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verified_by', type: 'varchar', length: 16, nullable: true })
  verifiedBy!: VerifiedBy | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
