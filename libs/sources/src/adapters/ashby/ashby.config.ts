import { z } from 'zod';

export const ashbyConfigSchema = z.object({
  /** The job board name, as in jobs.ashbyhq.com/{jobBoardName}. */
  jobBoardName: z.string().regex(/^[A-Za-z0-9_.%-]+$/, 'an Ashby job board name has no spaces or slashes'),
  /** Ashby's postings carry no company name, so the source names the employer. */
  employerName: z.string().min(1),
  baseUrl: z.url().default('https://api.ashbyhq.com'),
});

export type AshbyConfig = z.infer<typeof ashbyConfigSchema>;

/** One unpaged request returns the whole board; compensation only when asked for. */
export function ashbyJobBoardUrl(config: AshbyConfig): string {
  const base = config.baseUrl.replace(/\/+$/, '');
  return `${base}/posting-api/job-board/${encodeURIComponent(config.jobBoardName)}?includeCompensation=true`;
}

/** What parse reads: a saved board needs no board name; without an employer name, the employer is unknown. */
export const ashbyParseConfigSchema = ashbyConfigSchema.pick({ employerName: true }).partial();

export type AshbyParseConfig = z.infer<typeof ashbyParseConfigSchema>;
