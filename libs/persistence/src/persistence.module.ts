import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { createDataSourceOptions } from './data-source-options';
import {
  ApiKeysRepository,
  AuditLogRepository,
  ModerationRepository,
  OrganizationsRepository,
  RecruiterPostingsRepository,
  RecruitersRepository,
  CandidatesRepository,
  DigestOutboxRepository,
  DigestSubscriptionsRepository,
  EmployersRepository,
  IngestionRunsRepository,
  ListingOpeningsRepository,
  ListingsRepository,
  MailSuppressionsRepository,
  SourcePostingsRepository,
  SourcesRepository,
} from './repositories';

const REPOSITORIES = [
  ApiKeysRepository,
  AuditLogRepository,
  ModerationRepository,
  OrganizationsRepository,
  RecruiterPostingsRepository,
  RecruitersRepository,
  CandidatesRepository,
  EmployersRepository,
  IngestionRunsRepository,
  ListingsRepository,
  SourcePostingsRepository,
  SourcesRepository,
  DigestSubscriptionsRepository,
  DigestOutboxRepository,
  MailSuppressionsRepository,
  ListingOpeningsRepository,
];

/** Readiness of the database, for /health/ready. */
export class DatabaseHealth {
  readonly name = 'postgres';

  constructor(private readonly ds: DataSource) {}

  async ping(): Promise<void> {
    await this.ds.query('SELECT 1');
  }
}

// Repositories are plain classes (the CLI and the ingestion lib build them on a DataSource or a
// transaction's manager); here each is provided on the application's DataSource.
const providers = [
  ...REPOSITORIES.map((repository) => ({
    provide: repository,
    inject: [DataSource],
    useFactory: (ds: DataSource) => new repository(ds.manager),
  })),
  { provide: DatabaseHealth, inject: [DataSource], useFactory: (ds: DataSource) => new DatabaseHealth(ds) },
];

/**
 * The database for a Nest application: one TypeORM DataSource from DATABASE_URL, destroyed on
 * shutdown, and the repositories over it. Which database runs (and how it is reached) is decided
 * here and nowhere else.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...createDataSourceOptions(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
        // A database that cannot be reached stops the boot with its error, as before: no retry loop.
        retryAttempts: 0,
      }),
    }),
  ],
  providers,
  exports: [TypeOrmModule, ...providers.map((p) => p.provide)],
})
export class PersistenceModule {}
