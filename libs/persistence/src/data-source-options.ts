import type { DataSourceOptions } from 'typeorm';
import { DatabaseLogger } from './database-logger';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** One definition shared by the apps, the CLI, tests and the TypeORM CLI, so they cannot drift. */
export function createDataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Never synchronize: the schema changes only through committed migrations.
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    extra: { max: poolSize },
    // Failed statements as structured lines without parameters (database-logger.ts).
    logging: ['error', 'warn'],
    logger: new DatabaseLogger(),
  };
}
