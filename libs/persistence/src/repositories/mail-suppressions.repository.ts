import { In, type EntityManager } from 'typeorm';
import { MailSuppressionEntity, type SuppressionReason } from '../entities/mail-suppression.entity';

/** Addresses nothing is sent to. Keys are lowercased addresses. */
export class MailSuppressionsRepository {
  constructor(private readonly db: EntityManager) {}

  private get repo() {
    return this.db.getRepository(MailSuppressionEntity);
  }

  /** Suppresses the address; true when it was not already. */
  async add(email: string, reason: SuppressionReason): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO mail_suppressions (email_key, reason) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING email_key`,
      [email.toLowerCase(), reason],
    );
    return rows.length > 0;
  }

  async isSuppressed(email: string): Promise<boolean> {
    return this.repo.existsBy({ emailKey: email.toLowerCase() });
  }

  /** Which of these addresses are suppressed (lowercased keys). */
  async suppressedOf(emails: string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows = await this.repo.findBy({ emailKey: In(emails.map((e) => e.toLowerCase())) });
    return new Set(rows.map((r) => r.emailKey));
  }

  async remove(email: string): Promise<boolean> {
    const result = await this.repo.delete({ emailKey: email.toLowerCase() });
    return (result.affected ?? 0) > 0;
  }
}
