import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A field's value before and after a change. */
export type FieldDiff = Record<string, { from: unknown; to: unknown }>;

/**
 * Append-only: a trigger (migration Recruiters) refuses UPDATE and DELETE, so nothing in the product
 * can edit or remove a row. Actors are "recruiter:<id>", "apikey:<id>", "operator" or "system".
 */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_org', ['organizationId', 'id'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  actor!: string;

  /** What happened, e.g. "posting.published", "member.removed". */
  @Column({ type: 'varchar', length: 48 })
  action!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 24 })
  subjectType!: 'organization' | 'member' | 'invitation' | 'apikey' | 'posting' | 'domain' | 'report';

  @Column({ name: 'subject_id', type: 'varchar', length: 253 })
  subjectId!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  diff!: FieldDiff;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
