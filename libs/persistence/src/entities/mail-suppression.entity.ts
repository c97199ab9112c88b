import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type SuppressionReason = 'bounce' | 'complaint' | 'manual';

/** An address nothing is sent to any more (a hard bounce, a spam complaint, an operator's decision). */
@Entity({ name: 'mail_suppressions' })
export class MailSuppressionEntity {
  /** lower(address). */
  @PrimaryColumn({ name: 'email_key', type: 'text' })
  emailKey!: string;

  @Column({ type: 'varchar', length: 16 })
  reason!: SuppressionReason;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
