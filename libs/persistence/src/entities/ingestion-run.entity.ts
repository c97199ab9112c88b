import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SourceEntity } from './source.entity';

export type RunStatus = 'running' | 'succeeded' | 'partial' | 'not_modified' | 'failed' | 'skipped';
export type RunTrigger = 'schedule' | 'manual' | 'api';

/** Every run leaves a row saying what happened. */
@Entity({ name: 'ingestion_runs' })
@Index('ix_ingestion_runs_source_started', ['sourceId', 'startedAt'])
export class IngestionRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'source_id', type: 'varchar', length: 64 })
  sourceId!: string;

  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: SourceEntity;

  @Column({ type: 'varchar', length: 16 })
  trigger!: RunTrigger;

  @Column({ type: 'varchar', length: 16 })
  status!: RunStatus;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs!: number | null;

  /** Whether the fetch covered the whole source (only complete snapshots close missing postings). */
  @Column({ type: 'boolean', default: false })
  complete!: boolean;

  @Column({ type: 'integer', default: 0 })
  fetched!: number;

  @Column({ name: 'new_count', type: 'integer', default: 0 })
  newCount!: number;

  @Column({ type: 'integer', default: 0 })
  updated!: number;

  @Column({ type: 'integer', default: 0 })
  unchanged!: number;

  @Column({ type: 'integer', default: 0 })
  closed!: number;

  @Column({ type: 'integer', default: 0 })
  reopened!: number;

  @Column({ type: 'integer', default: 0 })
  skipped!: number;

  /** Counts by reason, e.g. {"missing title": 2, "title longer than 300 characters": 1}. */
  @Column({ name: 'skipped_reasons', type: 'jsonb', default: () => "'{}'" })
  skippedReasons!: Record<string, number>;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;
}
