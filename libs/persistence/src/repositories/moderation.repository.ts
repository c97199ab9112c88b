import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { BannedDomainEntity } from '../entities/banned-domain.entity';
import { JobReportEntity } from '../entities/job-report.entity';
import { updateReturning } from './update-returning';

/** What operators work on besides postings in review: banned domains and seekers' reports. */
export class ModerationRepository {
  constructor(private readonly db: EntityManager) {}

  /** Whether the domain or one it is under (jobs.evil.example under evil.example) is banned. */
  async isBanned(domain: string): Promise<boolean> {
    const labels = domain.toLowerCase().split('.');
    const candidates = labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
    if (candidates.length === 0) return false;
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM banned_domains WHERE domain = ANY($1) LIMIT 1',
      [candidates],
    );
    return rows.length > 0;
  }

  async ban(domain: string, reason: string): Promise<void> {
    await this.db.query(
      'INSERT INTO banned_domains (domain, reason) VALUES ($1, $2) ON CONFLICT (domain) DO UPDATE SET reason = $2',
      [domain, reason],
    );
  }

  bannedDomains(limit: number): Promise<BannedDomainEntity[]> {
    return this.db.getRepository(BannedDomainEntity).find({ order: { createdAt: 'DESC' }, take: limit });
  }

  async report(
    fields: Pick<JobReportEntity, 'listingId' | 'reason' | 'details' | 'email' | 'clientHash'>,
  ): Promise<string> {
    const repo = this.db.getRepository(JobReportEntity);
    const saved = await repo.save(repo.create({ ...fields, resolvedAt: null, resolution: null }));
    return saved.id;
  }

  async reportsSince(clientHash: string, since: Date): Promise<number> {
    const [row] = await this.db.query(
      'SELECT count(*)::int AS n FROM job_reports WHERE client_hash = $1 AND created_at > $2',
      [clientHash, since],
    );
    return row.n;
  }

  openReports(limit: number): Promise<JobReportEntity[]> {
    return this.db
      .getRepository(JobReportEntity)
      .find({ where: { resolvedAt: IsNull() }, order: { createdAt: 'ASC' }, take: limit });
  }

  async resolveReport(id: string, resolution: string, at: Date): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      this.db,
      'UPDATE job_reports SET resolved_at = $3, resolution = $2 WHERE id = $1 AND resolved_at IS NULL RETURNING id',
      [id, resolution, at],
    );
    return rows.length > 0;
  }
}
