import type { EntityManager } from 'typeorm';
import { updateReturning } from './update-returning';
import { DigestOutboxEntity } from '../entities/digest-outbox.entity';

export type NewDigestOutboxRow = Pick<
  DigestOutboxEntity,
  'subscriptionId' | 'period' | 'subject' | 'textBody' | 'htmlBody' | 'listingIds' | 'matchCount'
>;

/** Composed digests, one per (subscription, period), and what became of each. */
export class DigestOutboxRepository {
  constructor(private readonly db: EntityManager) {}

  private get repo() {
    return this.db.getRepository(DigestOutboxEntity);
  }

  /** Inserts the digest unless the period already has one; the id of the row (new or existing). */
  async insertOnce(row: NewDigestOutboxRow): Promise<{ id: string; created: boolean }> {
    const inserted: Array<{ id: string }> = await this.db.query(
      `INSERT INTO digest_outbox (subscription_id, period, subject, text_body, html_body, listing_ids, match_count)
       VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7)
       ON CONFLICT ON CONSTRAINT uq_digest_outbox_subscription_period DO NOTHING RETURNING id`,
      [
        row.subscriptionId,
        row.period,
        row.subject,
        row.textBody,
        row.htmlBody,
        row.listingIds,
        row.matchCount,
      ],
    );
    if (inserted.length > 0) return { id: inserted[0].id, created: true };
    const existing = await this.repo.findOneByOrFail({
      subscriptionId: row.subscriptionId,
      period: row.period,
    });
    return { id: existing.id, created: false };
  }

  find(id: string): Promise<DigestOutboxEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findFor(subscriptionId: string, period: string): Promise<DigestOutboxEntity | null> {
    return this.repo.findOneBy({ subscriptionId, period });
  }

  /**
   * Claims a composed digest for sending: only one caller ever gets it (the status moves to
   * `sending` in the same statement). Null when it is not waiting any more.
   */
  async claim(id: string): Promise<DigestOutboxEntity | null> {
    const rows: Array<{ id: string }> = await updateReturning(
      this.db,
      `UPDATE digest_outbox SET status = 'sending', claimed_at = now(), send_attempts = send_attempts + 1
       WHERE id = $1 AND status = 'composed' RETURNING id`,
      [id],
    );
    return rows.length === 0 ? null : this.repo.findOneBy({ id });
  }

  async markSent(id: string): Promise<void> {
    await this.repo.update(
      { id, status: 'sending' },
      { status: 'sent', sentAt: new Date(), lastError: null },
    );
  }

  /** The transport could not take it now: back to waiting, for the job's retry. */
  async release(id: string, error: string): Promise<void> {
    await this.repo.update({ id, status: 'sending' }, { status: 'composed', lastError: error.slice(0, 120) });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.repo.update({ id }, { status: 'failed', lastError: error.slice(0, 120) });
  }

  async cancel(id: string, reason: string): Promise<void> {
    await this.repo.update(
      { id, status: 'sending' },
      { status: 'cancelled', lastError: reason.slice(0, 120) },
    );
  }

  /** Ids of digests still waiting, oldest first (a tick re-enqueues their send jobs; ids dedupe). */
  async waiting(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM digest_outbox WHERE status = 'composed' ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Digests claimed before `before` and never finished: the sender died while handing them over.
   * Whether the server took them is unknown, so they are not sent again (never twice): marked failed.
   */
  async failInterrupted(before: Date): Promise<number> {
    const rows: unknown[] = await updateReturning(
      this.db,
      `UPDATE digest_outbox SET status = 'failed', last_error = 'interrupted while sending'
       WHERE status = 'sending' AND claimed_at < $1 RETURNING id`,
      [before],
    );
    return rows.length;
  }

  /** Counts by status (operators' CLI, metrics). */
  async counts(): Promise<Record<string, number>> {
    const rows: Array<{ status: string; n: string }> = await this.db.query(
      `SELECT status, count(*) AS n FROM digest_outbox GROUP BY status`,
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }
}
