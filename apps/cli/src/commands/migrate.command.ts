import { CliError, cliConfig, openDatabase } from '../cli-context';

export async function migrateCommand(args: string[]): Promise<number> {
  if (args.length > 0) throw new CliError('usage: migrate');
  const ds = await openDatabase(cliConfig());
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    process.stdout.write(
      `migrations: ${applied.length} applied${applied.length ? ` (${applied.map((m) => m.name).join(', ')})` : ''}\n`,
    );
  } finally {
    await ds.destroy();
  }
  return 0;
}
