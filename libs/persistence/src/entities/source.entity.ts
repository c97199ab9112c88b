import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Conditional-request validators remembered per URL between runs. */
export type SourceValidators = Record<string, { etag: string | null; lastModified: string | null }>;

@Entity({ name: 'sources' })
export class SourceEntity {
  /** A readable slug chosen by the operator, e.g. "greenhouse-acme-health". */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Adapter config, validated by the adapter's schema before it is stored. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  config!: Record<string, unknown>;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'interval_minutes', type: 'integer', default: 360 })
  intervalMinutes!: number;

  @Column({ name: 'last_run_at', type: 'timestamptz', nullable: true })
  lastRunAt!: Date | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt!: Date | null;

  @Column({ name: 'last_error_code', type: 'varchar', length: 64, nullable: true })
  lastErrorCode!: string | null;

  @Column({ name: 'last_error_message', type: 'text', nullable: true })
  lastErrorMessage!: string | null;

  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures!: number;

  /** After repeated failures the source rests until then; ticks before it are skipped. */
  @Column({ name: 'cooldown_until', type: 'timestamptz', nullable: true })
  cooldownUntil!: Date | null;

  /**
   * Set when a run failed for good (a 404 board, a refused config): scheduled runs stop until an
   * operator changes the source or runs it by hand; a successful run clears it.
   */
  @Column({ name: 'halted_at', type: 'timestamptz', nullable: true })
  haltedAt!: Date | null;

  /**
   * Since when the source's complete snapshots have been losing more than the shrink guard's share of
   * its open postings at once (held as suspect: nothing closed), and how many runs in a row.
   */
  @Column({ name: 'suspect_since', type: 'timestamptz', nullable: true })
  suspectSince!: Date | null;

  @Column({ name: 'suspect_runs', type: 'integer', default: 0 })
  suspectRuns!: number;

  /** When an operator confirmed a suspect shrink: the next shrunken snapshot is trusted. */
  @Column({ name: 'shrink_confirmed_at', type: 'timestamptz', nullable: true })
  shrinkConfirmedAt!: Date | null;

  @Column({ name: 'next_run_at', type: 'timestamptz', nullable: true })
  nextRunAt!: Date | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  validators!: SourceValidators;

  /**
   * Fencing token of the source's run lock: raised by every run that takes the lock, and checked by
   * each of its write transactions, so a run that lost the lock cannot write after another took it.
   */
  @Column({ name: 'run_token', type: 'bigint', default: 0 })
  runToken!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
