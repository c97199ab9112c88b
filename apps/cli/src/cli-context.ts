import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '#config';
import { createDataSourceOptions } from '#persistence';

/** Thrown for bad usage or input: printed as one line, exit code 2 (1 for failed work). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export function cliConfig(): AppConfig {
  return loadConfig();
}

export async function openDatabase(config: AppConfig): Promise<DataSource> {
  const ds = new DataSource(createDataSourceOptions(config.DATABASE_URL, 4));
  try {
    return await ds.initialize();
  } catch (err) {
    throw new CliError(
      `cannot connect to the database (${redactUrl(config.DATABASE_URL)}): ${(err as Error).message}`,
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
