import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { createDataSourceOptions } from './data-source-options';

/**
 * The database for a Nest application: one TypeORM DataSource from DATABASE_URL, destroyed on
 * shutdown. Which database runs (and how it is reached) is decided here and nowhere else.
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
  exports: [TypeOrmModule],
})
export class PersistenceModule {}
