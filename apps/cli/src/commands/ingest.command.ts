import { parseArgs } from 'node:util';
import {
  httpClientFromConfig,
  IngestionService,
  ingestionSettingsFromConfig,
  type RunSummary,
} from '#ingestion';
import { repositoriesOf } from '#persistence';
import { CliError, cliConfig, openDatabase } from '../cli-context';
import { INGEST_USAGE } from '../usage';

const quietLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

export async function ingestCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { all: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (!values.all && positionals.length !== 1) throw new CliError(`usage: ${INGEST_USAGE}`);
  const config = cliConfig();
  const ds = await openDatabase(config);
  const http = httpClientFromConfig(config);
  try {
    const ids = values.all ? await repositoriesOf(ds).sources.enabledIds() : positionals;
    if (ids.length === 0) throw new CliError('no enabled sources to ingest', 1);
    const tty = process.stderr.isTTY;
    const service = new IngestionService(ds, http, ingestionSettingsFromConfig(config), quietLogger, {
      onProgress: (sourceId, done, total) => {
        if (tty) process.stderr.write(`\r${sourceId}: ${done}/${total} postings written`);
      },
    });
    let failures = 0;
    for (const id of ids) {
      process.stderr.write(`${id}: fetching...\n`);
      const summary = await service.runSource(id, 'manual').catch((err: Error) => {
        throw new CliError(err.message, 1);
      });
      if (tty) process.stderr.write('\n');
      process.stdout.write(`${formatSummary(summary)}\n`);
      if (summary.status === 'failed') failures++;
    }
    return failures > 0 ? 1 : 0;
  } finally {
    await http.close();
    await ds.destroy();
  }
}

export function formatSummary(s: RunSummary): string {
  const reasons = Object.entries(s.skippedReasons)
    .map(([r, n]) => `${n} ${r}`)
    .join(', ');
  const parts = [
    `${s.sourceId}: ${s.status}${s.complete ? '' : ' (incomplete snapshot: nothing closed)'}`,
    `fetched ${s.fetched}, new ${s.new}, updated ${s.updated}, unchanged ${s.unchanged}, closed ${s.closed}, reopened ${s.reopened}, skipped ${s.skipped}${reasons ? ` (${reasons})` : ''}`,
    `in ${(s.durationMs / 1000).toFixed(2)} s`,
  ];
  if (s.errorCode) parts.push(`error ${s.errorCode}: ${s.errorMessage}`);
  return parts.join('; ');
}
