import type { EntityManager } from 'typeorm';
import { AuditEntryEntity } from '../entities/audit-entry.entity';

export type NewAuditEntry = Pick<
  AuditEntryEntity,
  'organizationId' | 'actor' | 'action' | 'subjectType' | 'subjectId' | 'diff'
>;

/** The append-only audit log: this repository only inserts and reads. */
export class AuditLogRepository {
  constructor(private readonly db: EntityManager) {}

  async append(entry: NewAuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (organization_id, actor, action, subject_type, subject_id, diff)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      [
        entry.organizationId,
        entry.actor,
        entry.action,
        entry.subjectType,
        entry.subjectId,
        JSON.stringify(entry.diff),
      ],
    );
  }

  /** An organization's entries, newest first, before an id (keyset paging). */
  ofOrganization(organizationId: string, limit: number, beforeId?: string): Promise<AuditEntryEntity[]> {
    const q = this.db
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('a')
      .where('a.organizationId = :organizationId', { organizationId });
    if (beforeId) q.andWhere('a.id < :beforeId', { beforeId });
    return q.orderBy('a.id', 'DESC').take(limit).getMany();
  }
}
