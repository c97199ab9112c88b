import type { EntityManager } from 'typeorm';
import { updateReturning } from './update-returning';
import { DigestOutboxEntity } from '../entities/digest-outbox.entity';

export type NewDigestOutboxRow = Pick<
  DigestOutboxEntity,
  'subscriptionId' | 'period' | 'subject' | 'textBody' | 'htmlBody' | 'listingIds' | 'matchCount'
>;

/** Rows per INSERT statement: 7 parameters each, far below the protocol's 65,535. */
const INSERT_CHUNK = 1000;

/** What a send needs of a claimed row. */
export type ClaimedDigest = Pick<
  DigestOutboxEntity,
  'id' | 'subscriptionId' | 'period' | 'subject' | 'textBody' | 'htmlBody' | 'sendAttempts'
>;

/** A row and the short reason it failed or was put back. */
export interface DigestOutcome {
  id: string;
  error: string;
}

interface ClaimedRow {
  id: string;
  subscription_id: string;
  period: string;
  subject: string;
  text_body: string;
  html_body: string;
  send_attempts: number;
}

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

  /**
   * Inserts many digests in one statement; a (subscription, period) that already has one is left
   * as it is. The subscriptions that got a new row, with its id.
   */
  async insertMany(rows: readonly NewDigestOutboxRow[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    // Plain parameters rather than one JSON document: the bodies are most of the bytes, and JSON
    // would escape every quote of the HTML on one side and parse it again on the other.
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      const values: unknown[] = [];
      const tuples = chunk.map((r) => {
        const n = values.push(
          r.subscriptionId,
          r.period,
          r.subject,
          r.textBody,
          r.htmlBody,
          r.listingIds,
          r.matchCount,
        );
        const at = (i: number) => `$${n - 7 + i}`;
        return `(${at(1)}::uuid, ${at(2)}, ${at(3)}, ${at(4)}, ${at(5)}, ${at(6)}::uuid[], ${at(7)}::int)`;
      });
      const inserted: Array<{ id: string; subscription_id: string }> = await this.db.query(
        `INSERT INTO digest_outbox (subscription_id, period, subject, text_body, html_body, listing_ids, match_count)
         VALUES ${tuples.join(', ')}
         ON CONFLICT ON CONSTRAINT uq_digest_outbox_subscription_period DO NOTHING
         RETURNING id, subscription_id`,
        values,
      );
      for (const r of inserted) ids.set(r.subscription_id, r.id);
    }
    return ids;
  }

  /** The listings of each subscription's last digest that went out (one query for a page). */
  async lastSentListings(subscriptionIds: string[]): Promise<Map<string, string[]>> {
    if (subscriptionIds.length === 0) return new Map();
    const rows: Array<{ subscription_id: string; listing_ids: string[] }> = await this.db.query(
      `SELECT DISTINCT ON (subscription_id) subscription_id, listing_ids FROM digest_outbox
       WHERE subscription_id = ANY($1::uuid[]) AND status = 'sent'
       ORDER BY subscription_id, created_at DESC`,
      [subscriptionIds],
    );
    return new Map(rows.map((r) => [r.subscription_id, r.listing_ids]));
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

  /**
   * Claims every row of these still waiting, in one statement (see claim): each goes to exactly one
   * caller. The claimed rows, with what a send needs.
   */
  async claimMany(ids: string[]): Promise<ClaimedDigest[]> {
    if (ids.length === 0) return [];
    const rows: ClaimedRow[] = await updateReturning(
      this.db,
      `UPDATE digest_outbox SET status = 'sending', claimed_at = now(), send_attempts = send_attempts + 1
       WHERE id = ANY($1::uuid[]) AND status = 'composed'
       RETURNING id, subscription_id, period, subject, text_body, html_body, send_attempts`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      subscriptionId: r.subscription_id,
      period: r.period,
      subject: r.subject,
      textBody: r.text_body,
      htmlBody: r.html_body,
      sendAttempts: r.send_attempts,
    }));
  }

  /** Claimed rows the server took. */
  async markSentMany(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await updateReturning(
      this.db,
      `UPDATE digest_outbox SET status = 'sent', sent_at = now(), last_error = NULL
       WHERE id = ANY($1::uuid[]) AND status = 'sending'`,
      [ids],
    );
  }

  /**
   * Claimed rows moved on to `to` with their reasons, in one statement: `composed` (put back for a
   * retry), `failed` or `cancelled`.
   */
  async settleMany(
    to: 'composed' | 'failed' | 'cancelled',
    outcomes: readonly DigestOutcome[],
  ): Promise<void> {
    if (outcomes.length === 0) return;
    await updateReturning(
      this.db,
      `UPDATE digest_outbox o SET status = $1, last_error = left(v.error, 120)
       FROM unnest($2::uuid[], $3::text[]) AS v(id, error)
       WHERE o.id = v.id AND o.status = 'sending'`,
      [to, outcomes.map((o) => o.id), outcomes.map((o) => o.error)],
    );
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
