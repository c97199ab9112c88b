import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { DataSource } from 'typeorm';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { inTransaction } from '#persistence';
import { getAdapter, SOURCE_KINDS } from '#sources';
import { controlCharacterPath } from './control-characters';
import { IngestionError } from './ingestion-types';

export const sourceDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, 'id must be 2-64 characters of a-z, 0-9, "-" or "_"'),
  kind: z
    .string()
    .refine((k) => SOURCE_KINDS.includes(k), { message: `kind must be one of ${SOURCE_KINDS.join(', ')}` }),
  name: z.string().trim().min(1).max(200),
  enabled: z.boolean().default(true),
  intervalMinutes: z.number().int().min(5, 'intervalMinutes must be at least 5').max(10080).default(360),
  config: z.record(z.string(), z.unknown()).default({}),
});
export type SourceDefinition = z.infer<typeof sourceDefinitionSchema>;

const SECRET_CONFIG_KEY = /^(api[-_]?key|secret|client[-_]?secret|password|token|access[-_]?token)$/i;

/** Validates a definition including its adapter config; errors name the field that was wrong. */
export function validateSourceDefinition(input: unknown, where = 'source'): SourceDefinition {
  const control = controlCharacterPath(input);
  if (control !== null) {
    // Postgres cannot store NUL in a config, and no control character belongs in a name or address.
    throw new IngestionError(
      'INVALID_SOURCE',
      `${where}: ${control || '(value)'}: contains a control character`,
    );
  }
  const parsed = sourceDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    throw new IngestionError('INVALID_SOURCE', `${where}: ${formatIssues(parsed.error.issues)}`);
  }
  const secret = Object.keys(parsed.data.config).find((k) => SECRET_CONFIG_KEY.test(k));
  if (secret) {
    // Source configs are stored and shown by the admin API: secrets belong in the environment.
    throw new IngestionError(
      'INVALID_SOURCE',
      `${where} (${parsed.data.id}): config.${secret}: secrets are not stored with sources; put it in an environment variable and name that variable (e.g. apiKeyEnv)`,
    );
  }
  const withCredentials = urlWithCredentials(parsed.data.config);
  if (withCredentials) {
    // Not echoed: the URL holds the secret. Credentials would be sent to whoever the URL names.
    throw new IngestionError(
      'INVALID_SOURCE',
      `${where} (${parsed.data.id}): config.${withCredentials}: a URL must not carry a user name or password; put secrets in an environment variable and name that variable`,
    );
  }
  const adapter = getAdapter(parsed.data.kind);
  const config = adapter.configSchema.safeParse(parsed.data.config);
  if (!config.success) {
    throw new IngestionError(
      'INVALID_SOURCE',
      `${where} (${parsed.data.id}): config.${formatIssues(config.error.issues)}`,
    );
  }
  return { ...parsed.data, config: config.data as Record<string, unknown> };
}

/** The path of the first URL in a config (at any depth) that carries a user name or password. */
function urlWithCredentials(value: unknown, path = ''): string | null {
  if (typeof value === 'string') {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) return null;
    try {
      const url = new URL(value.trim());
      return url.username || url.password ? path : null;
    } catch {
      return /^[^/?#]*\/\/[^/?#]*@/.test(value.trim()) ? path : null;
    }
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = urlWithCredentials(item, `${path}.${i}`);
      if (found) return found;
    }
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = urlWithCredentials(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

function formatIssues(issues: z.core.$ZodIssue[]): string {
  return issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Reads a YAML or JSON list of sources (or { sources: [...] }) and validates every entry first. */
export async function readSourceFile(path: string): Promise<SourceDefinition[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new IngestionError('FILE_NOT_READABLE', `cannot read ${path}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new IngestionError(
      'FILE_NOT_PARSEABLE',
      `${path} is not valid ${extname(path) || 'YAML'}: ${(err as Error).message}`,
    );
  }
  const list = Array.isArray(data) ? data : (data as { sources?: unknown })?.sources;
  if (!Array.isArray(list)) {
    throw new IngestionError(
      'FILE_NOT_PARSEABLE',
      `${path} must hold a list of sources (or { sources: [...] })`,
    );
  }
  const defs = list.map((entry, i) => validateSourceDefinition(entry, `${path} entry ${i + 1}`));
  const ids = new Set<string>();
  for (const d of defs) {
    if (ids.has(d.id))
      throw new IngestionError('INVALID_SOURCE', `${path}: source id "${d.id}" appears twice`);
    ids.add(d.id);
  }
  return defs;
}

/** Inserts or updates sources by id, in one transaction; health and history are kept. */
export function upsertSources(
  ds: DataSource,
  defs: SourceDefinition[],
): Promise<{ created: number; updated: number }> {
  return inTransaction(ds, (repos) => repos.sources.upsert(defs));
}

/**
 * Deletes a source with its postings and run history. Listings no other source carries close
 * (never deleted), in the same transaction.
 */
export function removeSource(ds: DataSource, id: string, now = new Date()): Promise<void> {
  return inTransaction(ds, async (repos) => {
    const listingIds = await repos.sourcePostings.listingIdsOfSource(id);
    await repos.sources.delete(id);
    if (listingIds.length > 0) await repos.listings.refreshStatus(listingIds, now);
  });
}
