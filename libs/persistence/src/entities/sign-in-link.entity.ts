import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A one-time sign-in link mailed to an address. The rows double as the rate-limit log: links asked
 * for per address and per client (a hash of the network address) in the last hour.
 */
@Entity({ name: 'recruiter_sign_in_links' })
@Index('ix_recruiter_sign_in_links_email', ['email', 'createdAt'])
@Index('ix_recruiter_sign_in_links_client', ['clientHash', 'createdAt'])
export class SignInLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Index('ux_recruiter_sign_in_links_token', { unique: true })
  /** Set by the worker as it mails the link (null until then): the token never waits in the queue. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64, nullable: true })
  tokenHash!: string | null;

  @Column({ name: 'client_hash', type: 'varchar', length: 64 })
  clientHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
