import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '#persistence';

/** The server the integration suites use; override with TEST_DATABASE_URL (any database on it). */
const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** Connection URL of the fresh database. */
  url: string;
  /** An initialized DataSource on it, with every committed migration applied. */
  ds: DataSource;
  /** Closes the DataSource and drops the database (forcing out any connection left open). */
  drop(): Promise<void>;
}

function urlFor(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: urlFor('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A uniquely named database per test file, migrated with exactly the committed migrations (never
 * synchronize), so a test proves the schema users will run. Names are generated here from safe
 * characters only; CREATE DATABASE cannot take a bind parameter.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `coderjobs_test_${process.pid}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await onServer((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = urlFor(name);
  const ds = new DataSource(createDataSourceOptions(url, 4));
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
  } catch (err) {
    if (ds.isInitialized) await ds.destroy();
    await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    throw err;
  }
  let dropped = false;
  return {
    url,
    ds,
    async drop() {
      if (dropped) return;
      dropped = true;
      if (ds.isInitialized) await ds.destroy();
      await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
