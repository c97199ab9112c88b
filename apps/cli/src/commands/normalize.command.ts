import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { normalizeDocument } from '#normalizer';
import { CliError, printJsonLine } from '../cli-context';
import { printableListing } from './parse.command';
import { NORMALIZE_USAGE } from '../usage';

export async function normalizeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string' } },
    allowPositionals: true,
  });
  const format = values.format;
  if (format !== undefined && !['text', 'html', 'json'].includes(format)) {
    throw new CliError(`--format must be text, html or json (got "${format}")`);
  }
  if (positionals.length === 0) throw new CliError(`usage: ${NORMALIZE_USAGE}`);
  let failed = 0;
  for (const file of positionals) {
    let content: string;
    try {
      content = await readFile(file, 'utf8');
    } catch (err) {
      process.stderr.write(`${file}: cannot read: ${(err as Error).message}\n`);
      failed++;
      continue;
    }
    printJsonLine(
      printableListing(normalizeDocument(content, format as 'text' | 'html' | 'json' | undefined, file)),
    );
  }
  return failed > 0 ? 1 : 0;
}
