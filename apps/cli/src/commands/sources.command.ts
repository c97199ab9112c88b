import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '#config';
import { readSourceFile, upsertSources } from '#ingestion';
import { INGESTION_QUEUE, queueBackend, queueOptions, syncSourceSchedulers } from '#jobs';
import { repositoriesOf, type SourceEntity } from '#persistence';
import { CliError, cliConfig, openDatabase } from '../cli-context';
import { SOURCES_USAGE } from '../usage';

export async function sourcesCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const config = cliConfig();
  if (sub === 'import') {
    if (rest.length !== 1) throw new CliError('usage: sources import <file>');
    // Validate the whole file before touching the database: a bad entry changes nothing.
    const defs = await readSourceFile(rest[0]).catch((err: Error) => {
      throw new CliError(err.message);
    });
    const ds = await openDatabase(config);
    try {
      const { created, updated } = await upsertSources(ds, defs);
      process.stdout.write(`imported ${defs.length} sources: ${created} created, ${updated} updated\n`);
      await syncSchedulers(config, ds);
    } finally {
      await ds.destroy();
    }
    return 0;
  }
  if (sub === 'list') {
    const ds = await openDatabase(config);
    try {
      const rows = await repositoriesOf(ds).sources.list();
      printSourceTable(rows);
    } finally {
      await ds.destroy();
    }
    return 0;
  }
  throw new CliError(`usage:\n${SOURCES_USAGE}`);
}

/** Keeps the worker's schedules in step with the new sources; a queue backend that is down is only a warning. */
async function syncSchedulers(config: AppConfig, ds: DataSource): Promise<void> {
  const options = queueOptions(config);
  // Fail fast: a CLI run must not wait on a Redis that is down (the Postgres queues are in the
  // database this command just used).
  const queue = new Queue(INGESTION_QUEUE, {
    ...options,
    connection:
      queueBackend(config) === 'redis'
        ? { ...options.connection, maxRetriesPerRequest: 1, connectTimeout: 3000 }
        : options.connection,
  });
  try {
    const { registered, removed } = await syncSourceSchedulers(queue, ds);
    process.stdout.write(`schedules: ${registered} registered, ${removed} removed\n`);
  } catch (err) {
    process.stderr.write(
      `warning: schedules not updated (${queueBackend(config)} queue: ${(err as Error).message}); the worker syncs at boot\n`,
    );
  } finally {
    await queue.close().catch(() => undefined);
  }
}

function printSourceTable(rows: SourceEntity[]): void {
  const fmt = (d: Date | null) => (d ? d.toISOString().replace(/\.\d+Z$/, 'Z') : '-');
  const table = rows.map((s) => ({
    id: s.id,
    kind: s.kind,
    enabled: s.enabled ? 'yes' : 'no',
    every: `${s.intervalMinutes}m`,
    'last success': fmt(s.lastSuccessAt),
    failures: String(s.consecutiveFailures),
    'last error': s.lastErrorCode ? `${s.lastErrorCode}: ${(s.lastErrorMessage ?? '').slice(0, 60)}` : '-',
    'next run': fmt(s.nextRunAt),
  }));
  if (table.length === 0) {
    process.stdout.write('no sources: import some with `sources import <file>`\n');
    return;
  }
  const headers = Object.keys(table[0]) as (keyof (typeof table)[number])[];
  const widths = headers.map((h) => Math.max(h.length, ...table.map((r) => r[h].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(headers)}\n`);
  for (const r of table) process.stdout.write(`${line(headers.map((h) => r[h]))}\n`);
}
