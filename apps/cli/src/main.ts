import 'reflect-metadata';
import { CliError } from './cli-error';
import { DIGESTS_USAGE, INGEST_USAGE, NORMALIZE_USAGE, PARSE_USAGE, SOURCES_USAGE } from './usage';

const USAGE = `CoderJobs operator CLI: npm run -s cli -- <command>

${SOURCES_USAGE}
${INGEST_USAGE}
${PARSE_USAGE}
${NORMALIZE_USAGE}
${DIGESTS_USAGE}
migrate                 Apply committed database migrations`;

type Command = (args: string[]) => Promise<number>;

// Each command is loaded when it runs: `help` and a single command load only what they need.
const COMMANDS: Record<string, () => Promise<Command>> = {
  sources: async () => (await import('./commands/sources.command.js')).sourcesCommand,
  ingest: async () => (await import('./commands/ingest.command.js')).ingestCommand,
  parse: async () => (await import('./commands/parse.command.js')).parseCommand,
  normalize: async () => (await import('./commands/normalize.command.js')).normalizeCommand,
  migrate: async () => (await import('./commands/migrate.command.js')).migrateCommand,
  digests: async () => (await import('./commands/digests.command.js')).digestsCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) throw new CliError(`unknown command "${name}"\n\n${USAGE}`);
  commandLoaded = true;
  return (await load())(args);
}

let commandLoaded = false;

/** Stops the embedded database a command started, if any, then exits. */
const finish = async (code: number) => {
  if (commandLoaded) await (await import('./cli-context.js')).releaseDatabase().catch(() => undefined);
  process.exit(code);
};

main(process.argv.slice(2)).then(
  (code) => finish(code),
  (err: unknown) => {
    const known = err instanceof CliError || ['ConfigError', 'IngestionError'].includes((err as Error)?.name);
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (!known && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return finish(err instanceof CliError ? err.exitCode : known ? 2 : 1);
  },
);
