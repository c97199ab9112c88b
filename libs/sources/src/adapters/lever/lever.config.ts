import { z } from 'zod';

export const leverConfigSchema = z.object({
  /** The account's site name, as in jobs.lever.co/{site}. */
  site: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'a Lever site name has only letters, digits, _, . and -'),
  /** Lever's postings carry no company name, so the source names the employer. */
  employerName: z.string().min(1),
  /** https://api.lever.co, or https://api.eu.lever.co for accounts hosted in the EU. */
  baseUrl: z.url().default('https://api.lever.co'),
  pageSize: z.number().int().min(1).max(500).default(100),
  /** Guard against a paging loop; a source that needs more pages is fetched partially. */
  maxPages: z.number().int().min(1).max(200).default(20),
});

export type LeverConfig = z.infer<typeof leverConfigSchema>;

export function leverPageUrl(config: LeverConfig, skip: number): string {
  const base = config.baseUrl.replace(/\/+$/, '');
  return `${base}/v0/postings/${encodeURIComponent(config.site)}?mode=json&skip=${skip}&limit=${config.pageSize}`;
}

/** What parse reads: a saved board needs no board name; without an employer name, the employer is unknown. */
export const leverParseConfigSchema = leverConfigSchema.pick({ employerName: true }).partial();

export type LeverParseConfig = z.infer<typeof leverParseConfigSchema>;
