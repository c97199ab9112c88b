import type { AuditEntryEntity, Repositories } from '#persistence';
import { fieldDiff } from '#recruiting';

export interface AuditEvent {
  organizationId: string | null;
  actor: string;
  action: string;
  subjectType: AuditEntryEntity['subjectType'];
  subjectId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Writes one audit row with the field diff, in the caller's transaction. */
export async function audit(repos: Repositories, e: AuditEvent): Promise<void> {
  await repos.auditLog.append({
    organizationId: e.organizationId,
    actor: e.actor,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    diff: fieldDiff(e.before ?? null, e.after ?? null),
  });
}
