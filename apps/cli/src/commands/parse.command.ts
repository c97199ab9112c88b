import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { normalizePosting, type NormalizedListing } from '#normalizer';
import { getAdapter, ParseError } from '#sources';
import { CliError, printJsonLine } from '../cli-context';
import { PARSE_USAGE } from '../usage';

/** The listing as `parse` and `normalize` print it: facts only, no description bodies or evidence. */
export function printableListing(n: NormalizedListing, extra: Record<string, unknown> = {}) {
  const { descriptionHtml: _h, descriptionText: _t, evidence: _e, ...facts } = n;
  return { ...extra, ...facts };
}

export async function parseCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { adapter: { type: 'string' }, config: { type: 'string' } },
    allowPositionals: true,
  });
  if (!values.adapter || positionals.length !== 1) throw new CliError(`usage: ${PARSE_USAGE}`);
  let adapter;
  try {
    adapter = getAdapter(values.adapter);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  let given: unknown = {};
  if (values.config) {
    try {
      given = JSON.parse(values.config);
    } catch {
      throw new CliError('--config must be a JSON object');
    }
    if (given === null || typeof given !== 'object' || Array.isArray(given)) {
      throw new CliError('--config must be a JSON object');
    }
  }
  // The adapter's defaults fill what is not given: parse never sees a config its source could not have.
  const parsedConfig = adapter.parseConfigSchema.safeParse(given);
  if (!parsedConfig.success) {
    const issues = parsedConfig.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new CliError(`--config for ${adapter.kind}: ${issues.join('; ')}`);
  }
  const config = parsedConfig.data;
  const file = positionals[0];
  const body = await readFile(file, 'utf8').catch((err: Error) => {
    throw new CliError(`cannot read ${file}: ${err.message}`);
  });
  let result;
  let entries;
  try {
    result = adapter.parse(body, config);
    entries = adapter.listEntries?.(body, config) ?? [];
  } catch (err) {
    if (err instanceof ParseError) throw new CliError(`${file}: ${err.message}`, 1);
    throw err;
  }
  for (const raw of result.postings) {
    printJsonLine(
      printableListing(normalizePosting(raw), { externalId: raw.externalId, url: raw.url ?? null }),
    );
  }
  // What a list page names, read from the list alone (no description): marked, never ingested.
  for (const raw of entries) {
    printJsonLine(
      printableListing(normalizePosting(raw), {
        summary: true,
        externalId: raw.externalId,
        url: raw.url ?? null,
      }),
    );
  }
  for (const s of result.skipped) {
    process.stderr.write(`skipped ${s.externalId ?? '(no id)'}: ${s.reason}\n`);
  }
  return 0;
}
