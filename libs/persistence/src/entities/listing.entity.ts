import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { EmployerEntity } from './employer.entity';
import type { ListingFacts, ListingLocation, SalaryPeriod } from '#taxonomy';

export type ListingOrigin = 'feed' | 'recruiter';
export type ListingStatus = 'open' | 'closed';
export type ListingClosedReason = 'source_closed' | 'missing' | 'expired' | 'withdrawn' | 'filled' | 'merged';

// Numeric columns come back from pg as strings; these keep them numbers.
const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * One job, however many sources it was seen in. Field types are the listing's facts (#taxonomy
 * ListingFacts), flattened into columns. Content comes from its primary source posting; the
 * normalized facts are columns (not one JSON blob) so search and matching can index them.
 */
@Entity({ name: 'listings' })
@Index('ix_listings_status_posted', ['status', 'sortAt'])
// Made by hand in the SearchIndexesAndCandidates and StoredSearchDocument migrations (trigram, GIN,
// partial, INCLUDE): declared here so migration:generate does not drop them.
@Index('ix_listings_open_search_document', { synchronize: false })
@Index('ix_listings_open_title_employer_document', { synchronize: false })
@Index('ix_listings_open_employer_trgm', { synchronize: false })
@Index('ix_listings_open_certs_all', { synchronize: false })
@Index('ix_listings_open_specialties', { synchronize: false })
@Index('ix_listings_open_coding_systems', { synchronize: false })
@Index('ix_listings_open_states', { synchronize: false })
@Index('ix_listings_open_sort_at', { synchronize: false })
@Index('ix_listings_open_pay', { synchronize: false })
@Index('ix_listings_change_xid', { synchronize: false })
export class ListingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Where the listing came from: an ingested feed, or (later) a recruiter posting it directly. */
  @Column({ type: 'varchar', length: 16, default: 'feed' })
  origin!: ListingOrigin;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: ListingStatus;

  @Column({ name: 'closed_reason', type: 'varchar', length: 32, nullable: true })
  closedReason!: ListingClosedReason | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** sha256 of normalized employer + title: the same role seen twice or in N cities. */
  @Index('ix_listings_fingerprint')
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  /** sha256 of normalized title + description: an agency or aggregator repost under another name. */
  @Index('ix_listings_content_fingerprint')
  @Column({ name: 'content_fingerprint', type: 'varchar', length: 64, nullable: true })
  contentFingerprint!: string | null;

  @Column({ name: 'employer_id', type: 'uuid', nullable: true })
  employerId!: string | null;

  @ManyToOne(() => EmployerEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'employer_id' })
  employer?: EmployerEntity | null;

  @Column({ name: 'employer_name', type: 'text', nullable: true })
  employerName!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ type: 'varchar', length: 32 })
  role!: ListingFacts['role'];

  @Column({ name: 'certs_required', type: 'text', array: true, default: () => "'{}'" })
  certsRequired!: ListingFacts['certifications']['required'];

  @Column({ name: 'certs_any_of', type: 'jsonb', default: () => "'[]'" })
  certsAnyOf!: ListingFacts['certifications']['anyOf'];

  @Column({ name: 'certs_preferred', type: 'text', array: true, default: () => "'{}'" })
  certsPreferred!: ListingFacts['certifications']['preferred'];

  /** Every credential the listing names (required, any-of, preferred), for the credential filter. */
  @Column({ name: 'certs_all', type: 'text', array: true, default: () => "'{}'" })
  certsAll!: string[];

  @Column({ name: 'certs_within_days', type: 'integer', nullable: true })
  certsWithinDays!: number | null;

  @Column({ name: 'certs_equivalent_accepted', type: 'boolean', default: false })
  certsEquivalentAccepted!: boolean;

  @Column({ name: 'certs_apprentice_accepted', type: 'boolean', default: false })
  certsApprenticeAccepted!: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  specialties!: ListingFacts['specialties'];

  @Column({ name: 'coding_systems', type: 'text', array: true, default: () => "'{}'" })
  codingSystems!: ListingFacts['codingSystems'];

  @Column({ name: 'work_mode', type: 'varchar', length: 16 })
  workMode!: ListingFacts['workMode'];

  /** null: remote with no state restriction (or not remote). */
  @Column({ name: 'remote_states', type: 'text', array: true, nullable: true })
  remoteStates!: string[] | null;

  @Column({ name: 'remote_excluded_states', type: 'text', array: true, default: () => "'{}'" })
  remoteExcludedStates!: string[];

  @Column({ name: 'remote_country', type: 'varchar', length: 2, nullable: true })
  remoteCountry!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  locations!: ListingLocation[];

  /** States of every location, for the state filter. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  states!: string[];

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon!: number | null;

  @Column({
    name: 'salary_min',
    type: 'numeric',
    precision: 12,
    scale: 2,
    nullable: true,
    transformer: numeric,
  })
  salaryMin!: number | null;

  @Column({
    name: 'salary_max',
    type: 'numeric',
    precision: 12,
    scale: 2,
    nullable: true,
    transformer: numeric,
  })
  salaryMax!: number | null;

  @Column({ name: 'salary_period', type: 'varchar', length: 8, nullable: true })
  salaryPeriod!: SalaryPeriod | null;

  @Column({ name: 'salary_currency', type: 'varchar', length: 3, nullable: true })
  salaryCurrency!: string | null;

  @Column({ name: 'pay_annual_min', type: 'integer', nullable: true })
  payAnnualMin!: number | null;

  @Column({ name: 'pay_annual_max', type: 'integer', nullable: true })
  payAnnualMax!: number | null;

  @Column({ name: 'employment_type', type: 'varchar', length: 16, default: 'unknown' })
  employmentType!: ListingFacts['employmentType'];

  @Column({ name: 'min_years_experience', type: 'real', nullable: true })
  minYearsExperience!: number | null;

  @Column({ type: 'text', nullable: true })
  education!: string | null;

  @Column({ name: 'ehr_systems', type: 'text', array: true, default: () => "'{}'" })
  ehrSystems!: string[];

  @Column({ name: 'encoder_systems', type: 'text', array: true, default: () => "'{}'" })
  encoderSystems!: string[];

  @Column({ name: 'posted_at', type: 'timestamptz', nullable: true })
  postedAt!: Date | null;

  /** posted_at when the source gave one, else first seen: what "newest first" sorts by. */
  @Column({ name: 'sort_at', type: 'timestamptz' })
  sortAt!: Date;

  @Column({ name: 'valid_through', type: 'timestamptz', nullable: true })
  validThrough!: Date | null;

  /** Sanitized: safe to render as is. */
  @Column({ name: 'description_html', type: 'text', default: '' })
  descriptionHtml!: string;

  @Column({ name: 'description_text', type: 'text', default: '' })
  descriptionText!: string;

  /**
   * The weighted full-text documents (title A, employer B, description C; and title/employer alone),
   * computed by the database trigger tr_listings_search_document (migration StoredSearchDocument) on
   * every insert and on updates of those fields. Never written or read by the application: search
   * queries name the columns in SQL (libs/search search-document.ts).
   */
  @Column({
    name: 'search_document',
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    nullable: true,
  })
  searchDocument?: string | null;

  @Column({
    name: 'title_document',
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    nullable: true,
  })
  titleDocument?: string | null;

  /**
   * The transaction that last wrote the row, stamped by the trigger tr_listings_change_xid (migration
   * ListingChangeXid): how the API's in-memory index finds what changed since it last looked.
   */
  @Column({ name: 'change_xid', type: 'bigint', select: false, insert: false, update: false, nullable: true })
  changeXid?: string | null;

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
