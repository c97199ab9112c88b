import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { createDataSourceOptions } from './data-source-options';
import { resolveDatabase, type DatabaseLocation } from './embedded-database';
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

/** Injection token of the DatabaseLocation: which database this process uses, and how to reach it. */
export const DATABASE_LOCATION = 'DATABASE_LOCATION';

/** Readiness of the database, for /health/ready. */
export class DatabaseHealth {
  readonly name = 'postgres';
  /** What readiness reports as the database backend: `embedded` or `server`. */
  readonly backend: DatabaseLocation['kind'];

  constructor(
    private readonly ds: DataSource,
    location: DatabaseLocation,
  ) {
    this.backend = location.kind;
  }

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
  {
    provide: DatabaseHealth,
    inject: [DataSource, DATABASE_LOCATION],
    useFactory: (ds: DataSource, location: DatabaseLocation) => new DatabaseHealth(ds, location),
  },
];

const location = {
  provide: DATABASE_LOCATION,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => resolveDatabase(config),
};

/** The location as a module of its own, so TypeORM's factory can inject it. */
@Global()
@Module({ providers: [location], exports: [DATABASE_LOCATION] })
class DatabaseLocationModule {}

/**
 * The database for a Nest application: one TypeORM DataSource on DATABASE_URL or the embedded
 * PostgreSQL (resolveDatabase), destroyed on shutdown, and the repositories over it. Which database
 * runs (and how it is reached) is decided here and nowhere else.
 */
@Global()
@Module({
  imports: [
    DatabaseLocationModule,
    TypeOrmModule.forRootAsync({
      imports: [DatabaseLocationModule],
      inject: [APP_CONFIG, DATABASE_LOCATION],
      useFactory: (config: AppConfig, db: DatabaseLocation) => ({
        ...createDataSourceOptions(db.url, config.DATABASE_POOL_SIZE),
        // A database that cannot be reached stops the boot with its error, as before: no retry loop.
        retryAttempts: 0,
      }),
    }),
  ],
  providers,
  exports: [TypeOrmModule, DatabaseLocationModule, ...providers.map((p) => p.provide)],
})
export class PersistenceModule {}
