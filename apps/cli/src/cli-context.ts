import { DataSource } from 'typeorm';
import { applyEnvFile, loadConfig, type AppConfig } from '#config';
import {
  createDataSourceOptions,
  EMBEDDED_DATABASE_NAME,
  resolveDatabase,
  runningCluster,
  startEmbeddedServer,
  type EmbeddedServer,
} from '#persistence';
import { CliError } from './cli-error';

export { CliError } from './cli-error';

let envFileRead = false;

export function cliConfig(): AppConfig {
  if (!envFileRead) applyEnvFile();
  envFileRead = true;
  return loadConfig();
}

/** The embedded server this command started (none when it uses DATABASE_URL or a running one). */
let ownServer: EmbeddedServer | null = null;

/**
 * The database for a command: DATABASE_URL; else the embedded PostgreSQL of this checkout, the one
 * `npm start` runs if it runs, or one started for this command alone (stopped when it ends).
 */
async function databaseUrl(config: AppConfig): Promise<string> {
  if (config.DATABASE_URL || runningCluster(config.POSTGRES_DATA_DIR)) return resolveDatabase(config).url;
  ownServer = await startEmbeddedServer({
    dataDir: config.POSTGRES_DATA_DIR,
    databases: [EMBEDDED_DATABASE_NAME],
  });
  return ownServer.urlFor(EMBEDDED_DATABASE_NAME);
}

/** Stops the embedded server this command started, if any; main() calls it before exiting. */
export async function releaseDatabase(): Promise<void> {
  const server = ownServer;
  ownServer = null;
  await server?.stop();
}

export async function openDatabase(config: AppConfig): Promise<DataSource> {
  let url: string;
  try {
    url = await databaseUrl(config);
  } catch (err) {
    throw new CliError((err as Error).message, 1);
  }
  const ds = new DataSource(createDataSourceOptions(url, 4));
  try {
    return await ds.initialize();
  } catch (err) {
    throw new CliError(
      `cannot connect to the database (${redactUrl(url)}): ${(err as Error).message}. ` +
        'Is it running? Unset DATABASE_URL to use the embedded PostgreSQL.',
      1,
    );
  }
}

/** Database URLs may carry a password: never print it. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable url)';
  }
}

export function printJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
