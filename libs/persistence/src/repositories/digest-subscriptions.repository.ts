import { In, type EntityManager } from 'typeorm';
import { updateReturning } from './update-returning';
import {
  DigestSubscriptionEntity,
  type DigestFrequency,
  type DigestKind,
} from '../entities/digest-subscription.entity';

/** What a new (pending) subscription is made of. */
export interface NewDigestSubscription {
  email: string;
  kind: DigestKind;
  criteria: Record<string, unknown> | null;
  searchQuery: string;
  candidateId: string | null;
  frequency: DigestFrequency;
  sendHour: number;
  sendWeekday: number;
  timeZone: string;
  /** Set when the confirmation mail is sent (the worker makes the token). */
  confirmTokenHash: string | null;
  confirmExpiresAt: Date;
}

/** What the person may change from the manage page. */
export type DigestScheduleChange = Pick<
  DigestSubscriptionEntity,
  'frequency' | 'sendHour' | 'sendWeekday' | 'timeZone' | 'nextDueAt'
>;

/** A subscription whose digest is due, with its schedule (the period is worked out from it). */
export interface DueSubscription {
  id: string;
  nextDueAt: Date;
  frequency: DigestFrequency;
  sendHour: number;
  sendWeekday: number;
  timeZone: string;
}

/** E-mail digest subscriptions. */
export class DigestSubscriptionsRepository {
  constructor(private readonly db: EntityManager) {}

  private get repo() {
    return this.db.getRepository(DigestSubscriptionEntity);
  }

  create(fields: NewDigestSubscription): Promise<DigestSubscriptionEntity> {
    return this.repo.save(
      this.repo.create({ ...fields, emailKey: fields.email.toLowerCase(), status: 'pending' }),
    );
  }

  find(id: string): Promise<DigestSubscriptionEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findMany(ids: string[]): Promise<DigestSubscriptionEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repo.findBy({ id: In(ids) });
  }

  /** The subscription, locked until the transaction ends (compose holds it while it writes). */
  async lock(id: string): Promise<DigestSubscriptionEntity | null> {
    return this.repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * These subscriptions, locked until the transaction ends, in id order (two workers locking
   * overlapping pages take the rows in the same order, so neither waits on the other in a cycle).
   */
  lockMany(ids: string[]): Promise<DigestSubscriptionEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo
      .createQueryBuilder('s')
      .where('s.id IN (:...ids)', { ids })
      .orderBy('s.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  findByConfirmTokenHash(hash: string): Promise<DigestSubscriptionEntity | null> {
    return this.repo.findOneBy({ confirmTokenHash: hash });
  }

  /** Subscriptions (pending or confirmed) of one address, oldest first. */
  listForEmail(emailKey: string): Promise<DigestSubscriptionEntity[]> {
    return this.repo.find({
      where: { emailKey, status: In(['pending', 'confirmed']) },
      order: { createdAt: 'ASC' },
      take: 100,
    });
  }

  countActiveForEmail(emailKey: string): Promise<number> {
    return this.repo.countBy({ emailKey, status: In(['pending', 'confirmed']) });
  }

  /**
   * Confirms a pending subscription: the watermark is the database's current snapshot, so the first
   * digest holds listings opened from now on. False when it was not pending (already confirmed).
   */
  async confirm(id: string, nextDueAt: Date): Promise<boolean> {
    const rows: unknown[] = await updateReturning(
      this.db,
      `UPDATE digest_subscriptions SET status = 'confirmed', confirm_token_hash = NULL,
         confirm_expires_at = NULL, confirmed_at = now(), last_activity_at = now(), updated_at = now(),
         watermark = pg_current_snapshot()::text, next_due_at = $2
       WHERE id = $1 AND status = 'pending' RETURNING id`,
      [id, nextDueAt],
    );
    return rows.length > 0;
  }

  async changeSchedule(id: string, change: DigestScheduleChange): Promise<void> {
    await this.repo.update({ id }, change);
  }

  /** Stops a subscription for good. True when this call stopped it (false: it already was). */
  async unsubscribe(id: string): Promise<boolean> {
    const rows: unknown[] = await updateReturning(
      this.db,
      `UPDATE digest_subscriptions SET status = 'unsubscribed', next_due_at = NULL, updated_at = now()
       WHERE id = $1 AND status <> 'unsubscribed' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** Stops every subscription of an address (it was suppressed). */
  async unsubscribeEmail(emailKey: string): Promise<number> {
    const rows: unknown[] = await updateReturning(
      this.db,
      `UPDATE digest_subscriptions SET status = 'unsubscribed', next_due_at = NULL, updated_at = now()
       WHERE email_key = $1 AND status <> 'unsubscribed' RETURNING id`,
      [emailKey],
    );
    return rows.length;
  }

  /** The person showed up (manage page, a digest link): counts against the idle clean-up. */
  async touch(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await updateReturning(
      this.db,
      `UPDATE digest_subscriptions SET last_activity_at = now(), reconfirm_sent_at = NULL
       WHERE id = ANY($1::uuid[]) AND status = 'confirmed'`,
      [ids],
    );
  }

  /** Due subscriptions in due order, a page at a time (keyset on next_due_at, id). */
  async due(
    now: Date,
    limit: number,
    after?: Pick<DueSubscription, 'id' | 'nextDueAt'>,
  ): Promise<DueSubscription[]> {
    const rows: Array<{
      id: string;
      next_due_at: Date;
      frequency: DigestFrequency;
      send_hour: number;
      send_weekday: number;
      time_zone: string;
    }> = await this.db.query(
      `SELECT id, next_due_at, frequency, send_hour, send_weekday, time_zone FROM digest_subscriptions
       WHERE status = 'confirmed' AND next_due_at <= $1
         AND ($3::timestamptz IS NULL OR (next_due_at, id) > ($3::timestamptz, $4::uuid))
       ORDER BY next_due_at, id LIMIT $2`,
      [now, limit, after?.nextDueAt ?? null, after?.id ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      nextDueAt: r.next_due_at,
      frequency: r.frequency,
      sendHour: r.send_hour,
      sendWeekday: r.send_weekday,
      timeZone: r.time_zone,
    }));
  }

  /** After a digest was composed (or found empty): what it covered, and when the next is due. */
  async advance(id: string, watermark: string, nextDueAt: Date): Promise<void> {
    await this.repo.update({ id }, { watermark, nextDueAt });
  }

  /** `advance` for many subscriptions in one statement (a composed page). */
  async advanceMany(rows: ReadonlyArray<{ id: string; watermark: string; nextDueAt: Date }>): Promise<void> {
    if (rows.length === 0) return;
    await updateReturning(
      this.db,
      `UPDATE digest_subscriptions s SET watermark = v.watermark, next_due_at = v.next_due_at, updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS v(id, watermark, next_due_at)
       WHERE s.id = v.id`,
      [rows.map((r) => r.id), rows.map((r) => r.watermark), rows.map((r) => r.nextDueAt.toISOString())],
    );
  }

  /** Deletes pending subscriptions whose link expired before `before`. */
  async deleteUnconfirmed(before: Date): Promise<number> {
    const rows: unknown[] = await updateReturning(
      this.db,
      `DELETE FROM digest_subscriptions WHERE status = 'pending' AND confirm_expires_at < $1 RETURNING id`,
      [before],
    );
    return rows.length;
  }

  /** Deletes stopped subscriptions (and their outbox rows) untouched since `before`. */
  async deleteUnsubscribed(before: Date): Promise<number> {
    const rows: unknown[] = await updateReturning(
      this.db,
      `DELETE FROM digest_subscriptions WHERE status = 'unsubscribed' AND updated_at < $1 RETURNING id`,
      [before],
    );
    return rows.length;
  }

  /** Confirmed subscriptions idle since `before` and not yet asked whether they are still wanted. */
  idle(before: Date, limit: number): Promise<DigestSubscriptionEntity[]> {
    return this.db
      .getRepository(DigestSubscriptionEntity)
      .createQueryBuilder('s')
      .where(`s.status = 'confirmed' AND s.reconfirm_sent_at IS NULL`)
      .andWhere('coalesce(s.last_activity_at, s.confirmed_at, s.created_at) < :before', { before })
      .orderBy('s.id')
      .limit(limit)
      .getMany();
  }

  /** A new confirmation token (its hash) for a pending subscription; false when it is not pending. */
  async setConfirmToken(id: string, hash: string, expiresAt: Date): Promise<boolean> {
    const result = await this.repo.update(
      { id, status: 'pending' },
      { confirmTokenHash: hash, confirmExpiresAt: expiresAt },
    );
    return (result.affected ?? 0) > 0;
  }

  async markReconfirmSent(id: string): Promise<void> {
    await this.repo.update({ id }, { reconfirmSentAt: new Date() });
  }

  /** Ends subscriptions asked "still wanted?" before `before` that showed no sign of life since. */
  async unsubscribeIgnoredReconfirms(before: Date): Promise<number> {
    const rows: unknown[] = await updateReturning(
      this.db,
      `UPDATE digest_subscriptions SET status = 'unsubscribed', next_due_at = NULL, updated_at = now()
       WHERE status = 'confirmed' AND reconfirm_sent_at < $1 RETURNING id`,
      [before],
    );
    return rows.length;
  }
}
