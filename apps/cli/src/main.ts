import 'reflect-metadata';
import { ConfigError } from '#config';
import { CliError, releaseDatabase } from './cli-context';
import { INGEST_USAGE, ingestCommand } from './commands/ingest.command';
import { migrateCommand } from './commands/migrate.command';
import { NORMALIZE_USAGE, normalizeCommand } from './commands/normalize.command';
import { PARSE_USAGE, parseCommand } from './commands/parse.command';
import { SOURCES_USAGE, sourcesCommand } from './commands/sources.command';

const USAGE = `CoderJobs operator CLI: npm run -s cli -- <command>

${SOURCES_USAGE}
${INGEST_USAGE}
${PARSE_USAGE}
${NORMALIZE_USAGE}
migrate                 Apply committed database migrations`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  sources: sourcesCommand,
  ingest: ingestCommand,
  parse: parseCommand,
  normalize: normalizeCommand,
  migrate: migrateCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`unknown command "${name}"\n\n${USAGE}`);
  return command(args);
}

const finish = (code: number) =>
  releaseDatabase().then(
    () => process.exit(code),
    () => process.exit(code),
  );

main(process.argv.slice(2)).then(
  (code) => finish(code),
  (err: unknown) => {
    const known =
      err instanceof CliError || err instanceof ConfigError || (err as Error)?.name === 'IngestionError';
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (!known && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return finish(err instanceof CliError ? err.exitCode : known ? 2 : 1);
  },
);
