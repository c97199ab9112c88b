import type { EntityManager } from 'typeorm';
import { RecruiterSessionEntity } from '../entities/recruiter-session.entity';
import { RecruiterEntity } from '../entities/recruiter.entity';
import { SignInLinkEntity } from '../entities/sign-in-link.entity';
import { updateReturning } from './update-returning';

/** Recruiters, their one-time sign-in links and their sessions. */
export class RecruitersRepository {
  constructor(private readonly db: EntityManager) {}

  find(id: string): Promise<RecruiterEntity | null> {
    return this.db.getRepository(RecruiterEntity).findOneBy({ id });
  }

  /** The recruiter with this (lower-cased) address, created on first sign-in. */
  async findOrCreate(email: string): Promise<RecruiterEntity> {
    await this.db.query('INSERT INTO recruiters (email) VALUES ($1) ON CONFLICT (email) DO NOTHING', [email]);
    return this.db.getRepository(RecruiterEntity).findOneByOrFail({ email });
  }

  async signedIn(id: string, at: Date): Promise<void> {
    await this.db.query('UPDATE recruiters SET last_sign_in_at = $2 WHERE id = $1', [id, at]);
  }

  /** A link asked for; its token is minted when the mail goes out (`mintLink`). Returns its id. */
  async createLink(fields: Pick<SignInLinkEntity, 'email' | 'clientHash' | 'expiresAt'>): Promise<string> {
    const repo = this.db.getRepository(SignInLinkEntity);
    const saved = await repo.save(repo.create({ ...fields, tokenHash: null, usedAt: null }));
    return saved.id;
  }

  /** Stores the hash of the token about to be mailed (replacing an earlier attempt's); the address. */
  async mintLink(id: string, tokenHash: string, now: Date): Promise<string | null> {
    const rows = await updateReturning<{ email: string }>(
      this.db,
      `UPDATE recruiter_sign_in_links SET token_hash = $2
        WHERE id = $1 AND used_at IS NULL AND expires_at > $3 RETURNING email`,
      [id, tokenHash, now],
    );
    return rows[0]?.email ?? null;
  }

  /** Links asked for since `since`, for one address and for one client. */
  async linksSince(
    email: string,
    clientHash: string,
    since: Date,
  ): Promise<{ email: number; client: number }> {
    const [row] = await this.db.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS email, count(*) FILTER (WHERE client_hash = $2)::int AS client
         FROM recruiter_sign_in_links WHERE (email = $1 OR client_hash = $2) AND created_at > $3`,
      [email, clientHash, since],
    );
    return { email: row.email, client: row.client };
  }

  /** Uses a link once: its address, or null when unknown, used or expired. */
  async useLink(tokenHash: string, now: Date): Promise<string | null> {
    const rows = await updateReturning<{ email: string }>(
      this.db,
      `UPDATE recruiter_sign_in_links SET used_at = $2
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING email`,
      [tokenHash, now],
    );
    return rows[0]?.email ?? null;
  }

  async createSession(recruiterId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    const repo = this.db.getRepository(RecruiterSessionEntity);
    await repo.insert(repo.create({ recruiterId, tokenHash, expiresAt, endedAt: null }));
  }

  /** The recruiter a live session belongs to. */
  async sessionRecruiter(tokenHash: string, now: Date): Promise<RecruiterEntity | null> {
    const rows: { recruiter_id: string }[] = await this.db.query(
      `SELECT recruiter_id FROM recruiter_sessions WHERE token_hash = $1 AND ended_at IS NULL AND expires_at > $2`,
      [tokenHash, now],
    );
    return rows[0] ? this.find(rows[0].recruiter_id) : null;
  }

  async endSession(tokenHash: string, at: Date): Promise<void> {
    await this.db.query(
      'UPDATE recruiter_sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL',
      [tokenHash, at],
    );
  }
}
