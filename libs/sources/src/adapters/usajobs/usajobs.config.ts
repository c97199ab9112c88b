import { z } from 'zod';

export const usajobsConfigSchema = z
  .object({
    /** Free-text search, e.g. "medical coder". */
    keyword: z.string().min(1).optional(),
    positionTitle: z.string().min(1).optional(),
    /** Occupational series; 0675 is Medical Records Technician, where federal coders are hired. */
    jobCategoryCode: z
      .string()
      .regex(/^\d{4}(;\d{4})*$/, 'job category codes are four digits, separated by ;')
      .optional(),
    locationName: z.string().min(1).optional(),
    /** Only announcements flagged remote. */
    remoteOnly: z.boolean().default(false),
    /** Only announcements posted within this many days. */
    datePostedDays: z.number().int().min(0).max(60).optional(),
    /** The e-mail address the API key was issued to; USAJOBS expects it as the User-Agent. */
    email: z.email(),
    /**
     * The API key. Prefer apiKeyEnv, so the key stays out of source files and the database; it is a
     * secret and is never put in an error message or a log.
     */
    apiKey: z.string().min(1).optional(),
    /** The environment variable holding the API key when apiKey is not given. */
    apiKeyEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/)
      .default('USAJOBS_API_KEY'),
    baseUrl: z.url().default('https://data.usajobs.gov'),
    /** The API serves at most 500 results a page. */
    resultsPerPage: z.number().int().min(1).max(500).default(500),
    maxPages: z.number().int().min(1).max(20).default(10),
  })
  .refine((c) => c.keyword || c.positionTitle || c.jobCategoryCode, {
    message: 'set keyword, positionTitle or jobCategoryCode: an open search would read every federal job',
    path: ['keyword'],
  });

export type UsajobsConfig = z.infer<typeof usajobsConfigSchema>;

export function usajobsSearchUrl(config: UsajobsConfig, page: number): string {
  const query = new URLSearchParams();
  if (config.keyword) query.set('Keyword', config.keyword);
  if (config.positionTitle) query.set('PositionTitle', config.positionTitle);
  if (config.jobCategoryCode) query.set('JobCategoryCode', config.jobCategoryCode);
  if (config.locationName) query.set('LocationName', config.locationName);
  if (config.remoteOnly) query.set('RemoteIndicator', 'True');
  if (config.datePostedDays !== undefined) query.set('DatePosted', String(config.datePostedDays));
  query.set('ResultsPerPage', String(config.resultsPerPage));
  query.set('Page', String(page));
  return `${config.baseUrl.replace(/\/+$/, '')}/api/search?${query.toString()}`;
}

/** Parse reads nothing from the config: announcements carry everything. */
export const usajobsParseConfigSchema = z.object({});
