import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { createDataSourceOptions } from './data-source-options';

// Entry point for the TypeORM CLI (migration:run / migration:generate): reads DATABASE_URL.
export default new DataSource(createDataSourceOptions(loadConfig().DATABASE_URL));
