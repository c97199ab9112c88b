import { z } from 'zod';

export const smartrecruitersConfigSchema = z.object({
  /** The company identifier, as in jobs.smartrecruiters.com/{companyId}. */
  companyId: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'a SmartRecruiters company id has only letters, digits, _ and -'),
  /** Overrides the company name the postings report. */
  employerName: z.string().min(1).optional(),
  /**
   * Full-text filter applied by the API (its `q` parameter). Every posting costs a detail request, so
   * a large employer's source should narrow to coding and billing roles here.
   */
  keyword: z.string().min(1).optional(),
  baseUrl: z.url().default('https://api.smartrecruiters.com'),
  /** The API serves at most 100 postings a page. */
  pageSize: z.number().int().min(1).max(100).default(100),
  maxPages: z.number().int().min(1).max(100).default(20),
});

export type SmartRecruitersConfig = z.infer<typeof smartrecruitersConfigSchema>;

function companyUrl(config: SmartRecruitersConfig): string {
  return `${config.baseUrl.replace(/\/+$/, '')}/v1/companies/${encodeURIComponent(config.companyId)}/postings`;
}

export function smartrecruitersListUrl(config: SmartRecruitersConfig, offset: number): string {
  const query = new URLSearchParams({ limit: String(config.pageSize), offset: String(offset) });
  if (config.keyword) query.set('q', config.keyword);
  return `${companyUrl(config)}?${query.toString()}`;
}

export function smartrecruitersDetailUrl(config: SmartRecruitersConfig, postingId: string): string {
  return `${companyUrl(config)}/${encodeURIComponent(postingId)}`;
}

/**
 * What parse reads: the company id only makes a posting's public link when the posting names no
 * company of its own, and a saved payload may go without.
 */
export const smartrecruitersParseConfigSchema = smartrecruitersConfigSchema
  .pick({ employerName: true, companyId: true })
  .partial();

export type SmartRecruitersParseConfig = z.infer<typeof smartrecruitersParseConfigSchema>;
