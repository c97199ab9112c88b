import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MemberRole = 'owner' | 'recruiter';

/** A recruiter's place in an organization. Removal stamps removed_at; the row stays for the audit log. */
@Entity({ name: 'organization_members' })
@Index('ux_organization_members_active', ['organizationId', 'recruiterId'], {
  unique: true,
  where: 'removed_at IS NULL',
})
@Index('ix_organization_members_recruiter', ['recruiterId'])
export class OrganizationMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'recruiter_id', type: 'uuid' })
  recruiterId!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: MemberRole;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
