import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A saved candidate profile: what matching works on, kept so a coder can come back for fresh matches.
 * Owned by whoever holds the token handed out at creation; only its sha256 is stored.
 */
@Entity({ name: 'candidates' })
export class CandidateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /**
   * The validated profile (#matching candidateProfileSchema output, defaults applied). Stored as
   * given; the candidates feature owns its meaning.
   */
  @Column({ type: 'jsonb' })
  profile!: Record<string, unknown>;

  /** Home resolved from homePostalCode or homeCity at save time; null when it could not be placed. */
  @Column({ name: 'home_lat', type: 'double precision', nullable: true })
  homeLat!: number | null;

  @Column({ name: 'home_lon', type: 'double precision', nullable: true })
  homeLon!: number | null;

  /** State of residence, for remote-eligibility checks and operator statistics. */
  @Column({ type: 'varchar', length: 2 })
  state!: string;

  /** Hex sha256 of the bearer token; the token itself is never stored or logged. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
