import { ApiKeysRepository } from './api-keys.repository';
import { AuditLogRepository } from './audit-log.repository';
import { ModerationRepository } from './moderation.repository';
import { OrganizationsRepository } from './organizations.repository';
import { RecruiterPostingsRepository } from './recruiter-postings.repository';
import { RecruitersRepository } from './recruiters.repository';
import type { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { CandidatesRepository } from './candidates.repository';
import { DigestOutboxRepository } from './digest-outbox.repository';
import { DigestSubscriptionsRepository } from './digest-subscriptions.repository';
import { EmployersRepository } from './employers.repository';
import { IngestionRunsRepository } from './ingestion-runs.repository';
import { ListingOpeningsRepository } from './listing-openings.repository';
import { ListingsRepository } from './listings.repository';
import { SourcePostingsRepository } from './source-postings.repository';
import { SourcesRepository } from './sources.repository';
import { MailSuppressionsRepository } from './mail-suppressions.repository';

export * from './api-keys.repository';
export * from './audit-log.repository';
export * from './moderation.repository';
export * from './organizations.repository';
export * from './recruiter-postings.repository';
export * from './recruiters.repository';
export * from './candidates.repository';
export * from './digest-outbox.repository';
export * from './digest-subscriptions.repository';
export * from './employers.repository';
export * from './ingestion-runs.repository';
export * from './listing-columns';
export * from './listing-content';
export * from './listing-openings.repository';
export * from './listings.repository';
export * from './mail-suppressions.repository';
export * from './source-postings.repository';
export * from './sources.repository';

/** Every repository, on one connection or transaction. */
export interface Repositories {
  listings: ListingsRepository;
  sourcePostings: SourcePostingsRepository;
  sources: SourcesRepository;
  runs: IngestionRunsRepository;
  employers: EmployersRepository;
  candidates: CandidatesRepository;
  apiKeys: ApiKeysRepository;
  auditLog: AuditLogRepository;
  moderation: ModerationRepository;
  organizations: OrganizationsRepository;
  recruiterPostings: RecruiterPostingsRepository;
  recruiters: RecruitersRepository;
  digestSubscriptions: DigestSubscriptionsRepository;
  digestOutbox: DigestOutboxRepository;
  mailSuppressions: MailSuppressionsRepository;
  listingOpenings: ListingOpeningsRepository;
}

/** The repositories over a data source (each statement on its own) or a transaction's manager. */
export function repositoriesOf(db: DataSource | EntityManager): Repositories {
  const em = 'manager' in db ? db.manager : db;
  return {
    listings: new ListingsRepository(em),
    sourcePostings: new SourcePostingsRepository(em),
    sources: new SourcesRepository(em),
    runs: new IngestionRunsRepository(em),
    employers: new EmployersRepository(em),
    candidates: new CandidatesRepository(em),
    apiKeys: new ApiKeysRepository(em),
    auditLog: new AuditLogRepository(em),
    moderation: new ModerationRepository(em),
    organizations: new OrganizationsRepository(em),
    recruiterPostings: new RecruiterPostingsRepository(em),
    recruiters: new RecruitersRepository(em),
    digestSubscriptions: new DigestSubscriptionsRepository(em),
    digestOutbox: new DigestOutboxRepository(em),
    mailSuppressions: new MailSuppressionsRepository(em),
    listingOpenings: new ListingOpeningsRepository(em),
  };
}

/** Runs `work` in one transaction, with the repositories bound to it. */
export function inTransaction<T>(
  ds: DataSource,
  work: (repos: Repositories) => Promise<T>,
  isolation?: IsolationLevel,
): Promise<T> {
  return isolation
    ? ds.transaction(isolation, (em) => work(repositoriesOf(em)))
    : ds.transaction((em) => work(repositoriesOf(em)));
}
