import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { createDataSourceOptions } from './data-source-options';
import { resolveDatabase } from './embedded-database';

// Entry point for the TypeORM CLI (migration:run / migration:generate): reads DATABASE_URL (or the running embedded
// PostgreSQL).
export default new DataSource(createDataSourceOptions(resolveDatabase(loadConfig()).url));
