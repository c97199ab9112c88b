import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { RecruiterPostingEntity, type RecruiterPostingState } from '../entities/recruiter-posting.entity';

export type NewRecruiterPosting = Pick<
  RecruiterPostingEntity,
  'organizationId' | 'createdBy' | 'state' | 'title' | 'fields' | 'repostedFrom'
>;

export type PostingChange = Partial<
  Pick<
    RecruiterPostingEntity,
    | 'state'
    | 'title'
    | 'fields'
    | 'closedReason'
    | 'rejectReason'
    | 'publishedAt'
    | 'validThrough'
    | 'renewalRemindedAt'
  >
>;

export interface PostingStatsDay {
  day: string;
  views: number;
  appearances: number;
  applyClicks: number;
}

export type PostingStatKind = 'views' | 'appearances' | 'apply_clicks';

/** Recruiters' postings and their daily stats. Every read and write names the organization. */
export class RecruiterPostingsRepository {
  constructor(private readonly db: EntityManager) {}

  private get repo() {
    return this.db.getRepository(RecruiterPostingEntity);
  }

  create(fields: NewRecruiterPosting): Promise<RecruiterPostingEntity> {
    return this.repo.save(this.repo.create({ ...fields, version: 1 }));
  }

  /** A posting of this organization (null for another's: the caller cannot tell the two apart). */
  find(organizationId: string, id: string): Promise<RecruiterPostingEntity | null> {
    return this.repo.findOneBy({ id, organizationId });
  }

  /** A posting by id alone: for operators and the worker, never for a recruiter's request. */
  findAny(id: string): Promise<RecruiterPostingEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** The postings whose listings these are, with their organization's id. */
  async byIds(ids: string[]): Promise<{ id: string; organizationId: string }[]> {
    if (ids.length === 0) return [];
    const rows: { id: string; organization_id: string }[] = await this.db.query(
      'SELECT id, organization_id FROM recruiter_postings WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return rows.map((r) => ({ id: r.id, organizationId: r.organization_id }));
  }

  list(organizationId: string, limit: number): Promise<RecruiterPostingEntity[]> {
    return this.repo.find({ where: { organizationId }, order: { updatedAt: 'DESC' }, take: limit });
  }

  inState(state: RecruiterPostingState, limit: number): Promise<RecruiterPostingEntity[]> {
    return this.repo.find({ where: { state }, order: { updatedAt: 'ASC' }, take: limit });
  }

  async createdSince(organizationId: string, since: Date): Promise<number> {
    const [row] = await this.db.query(
      'SELECT count(*)::int AS n FROM recruiter_postings WHERE organization_id = $1 AND created_at > $2',
      [organizationId, since],
    );
    return row.n;
  }

  /**
   * Applies a change if the posting is still at `version` (and in one of `from`, when given); the
   * changed posting, or null when someone else changed it first.
   */
  async change(
    id: string,
    version: number,
    change: PostingChange,
    from?: RecruiterPostingState[],
  ): Promise<RecruiterPostingEntity | null> {
    const q = this.repo
      .createQueryBuilder()
      .update()
      .set({ ...change, version: () => 'version + 1' } as QueryDeepPartialEntity<RecruiterPostingEntity>)
      .where('id = :id AND version = :version', { id, version });
    if (from) q.andWhere('state IN (:...from)', { from });
    const result = await q.execute();
    return result.affected ? this.repo.findOneBy({ id }) : null;
  }

  /** Published postings whose end has passed: ids for the expiry jobs. */
  async dueToExpire(now: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM recruiter_postings WHERE state = 'published' AND valid_through <= $1 ORDER BY valid_through LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Published postings whose renew window has opened and who have not been reminded. */
  async dueForReminder(
    windowEnd: Date,
    now: Date,
    limit: number,
  ): Promise<{ id: string; validThrough: Date }[]> {
    const rows: { id: string; valid_through: Date }[] = await this.db.query(
      `SELECT id, valid_through FROM recruiter_postings
        WHERE state = 'published' AND renewal_reminded_at IS NULL AND valid_through > $2 AND valid_through <= $1
        ORDER BY valid_through LIMIT $3`,
      [windowEnd, now, limit],
    );
    return rows.map((r) => ({ id: r.id, validThrough: r.valid_through }));
  }

  async markReminded(id: string, now: Date): Promise<void> {
    await this.db.query('UPDATE recruiter_postings SET renewal_reminded_at = $2 WHERE id = $1', [id, now]);
  }

  /** Adds counts of one kind for one day (ids that are not postings are ignored). */
  async countMany(counts: Map<string, number>, kind: PostingStatKind, day: string): Promise<void> {
    if (counts.size === 0) return;
    const column = { views: 'views', appearances: 'appearances', apply_clicks: 'apply_clicks' }[kind];
    await this.db.query(
      `INSERT INTO recruiter_posting_stats (posting_id, day, ${column})
       SELECT p.id, $3::date, c.n FROM unnest($1::uuid[], $2::int[]) AS c(id, n) JOIN recruiter_postings p ON p.id = c.id
       ON CONFLICT (posting_id, day) DO UPDATE SET ${column} = recruiter_posting_stats.${column} + EXCLUDED.${column}`,
      [[...counts.keys()], [...counts.values()], day],
    );
  }

  /** Who posted a listing, for seekers: whether the organization is verified, and an agency. */
  async posterOf(
    listingId: string,
  ): Promise<{ verified: boolean; agency: boolean; applyUrl: string | null } | null> {
    const rows: {
      verified: boolean;
      agency: boolean;
      fields: { applyUrl?: string | null; applyEmail?: string | null };
    }[] = await this.db.query(
      `SELECT o.verified_at IS NOT NULL AS verified, o.kind = 'agency' AS agency, p.fields
           FROM recruiter_postings p JOIN organizations o ON o.id = p.organization_id WHERE p.id = $1`,
      [listingId],
    );
    const r = rows[0];
    if (!r) return null;
    const applyUrl = r.fields.applyUrl ?? (r.fields.applyEmail ? `mailto:${r.fields.applyEmail}` : null);
    return { verified: r.verified, agency: r.agency, applyUrl };
  }

  /** Daily stats of an organization's postings (or one of them), oldest day first. */
  async stats(
    organizationId: string,
    postingId: string | null,
    limitDays: number,
  ): Promise<(PostingStatsDay & { postingId: string })[]> {
    const rows: {
      posting_id: string;
      day: string;
      views: number;
      appearances: number;
      apply_clicks: number;
    }[] = await this.db.query(
      `SELECT s.posting_id, to_char(s.day, 'YYYY-MM-DD') AS day, s.views, s.appearances, s.apply_clicks
           FROM recruiter_posting_stats s JOIN recruiter_postings p ON p.id = s.posting_id
          WHERE p.organization_id = $1 AND ($2::uuid IS NULL OR p.id = $2::uuid)
            AND s.day > current_date - $3::int
          ORDER BY s.day, s.posting_id LIMIT 20000`,
      [organizationId, postingId, limitDays],
    );
    return rows.map((r) => ({
      postingId: r.posting_id,
      day: r.day,
      views: r.views,
      appearances: r.appearances,
      applyClicks: r.apply_clicks,
    }));
  }

  /** Totals per posting over every day. */
  async totals(organizationId: string): Promise<Map<string, Omit<PostingStatsDay, 'day'>>> {
    const rows: { posting_id: string; views: number; appearances: number; apply_clicks: number }[] =
      await this.db.query(
        `SELECT s.posting_id, sum(s.views)::int AS views, sum(s.appearances)::int AS appearances,
                sum(s.apply_clicks)::int AS apply_clicks
           FROM recruiter_posting_stats s JOIN recruiter_postings p ON p.id = s.posting_id
          WHERE p.organization_id = $1 GROUP BY s.posting_id`,
        [organizationId],
      );
    return new Map(
      rows.map((r) => [
        r.posting_id,
        { views: r.views, appearances: r.appearances, applyClicks: r.apply_clicks },
      ]),
    );
  }
}
