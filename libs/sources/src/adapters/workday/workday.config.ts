import { z } from 'zod';

export const workdayConfigSchema = z.object({
  /** The tenant, as in {tenant}.wd5.myworkdayjobs.com. */
  tenant: z.string().regex(/^[A-Za-z0-9_-]+$/, 'a Workday tenant has only letters, digits, _ and -'),
  /** The career site, as in {tenant}.wd5.myworkdayjobs.com/{site}. */
  site: z.string().regex(/^[A-Za-z0-9_-]+$/, 'a Workday site has only letters, digits, _ and -'),
  /** The tenant's data centre (the "wd5" of the host); used when baseUrl is not given. */
  instance: z
    .string()
    .regex(/^wd\d{1,3}$/, 'a Workday instance looks like wd1 or wd5')
    .default('wd1'),
  /** The career site host; https://{tenant}.{instance}.myworkdayjobs.com when not given. */
  baseUrl: z.url().optional(),
  /** Search text sent to the site's own search, to narrow a large employer to coding roles. */
  searchText: z.string().default(''),
  /** Overrides the hiring organization the postings report. */
  employerName: z.string().min(1).optional(),
  /** Workday serves at most 20 postings a page. */
  pageSize: z.number().int().min(1).max(20).default(20),
  maxPages: z.number().int().min(1).max(200).default(50),
});

export type WorkdayConfig = z.infer<typeof workdayConfigSchema>;
type SiteConfig = Pick<WorkdayConfig, 'tenant' | 'site' | 'instance' | 'baseUrl'>;

export function workdayBaseUrl(config: SiteConfig): string {
  const base = config.baseUrl ?? `https://${config.tenant}.${config.instance}.myworkdayjobs.com`;
  return base.replace(/\/+$/, '');
}

/** The CXS root every API path of the site hangs from. */
export function workdayCxsRoot(config: SiteConfig): string {
  return `${workdayBaseUrl(config)}/wday/cxs/${encodeURIComponent(config.tenant)}/${encodeURIComponent(config.site)}`;
}

export function workdayJobsUrl(config: SiteConfig): string {
  return `${workdayCxsRoot(config)}/jobs`;
}

/** externalPath is "/job/{location}/{title}_{req}", the same path for the API and the careers page. */
export function workdayDetailUrl(config: SiteConfig, externalPath: string): string {
  return `${workdayCxsRoot(config)}${externalPath}`;
}

export function workdayPublicUrl(config: SiteConfig, externalPath: string): string {
  return `${workdayBaseUrl(config)}/${encodeURIComponent(config.site)}${externalPath}`;
}

/**
 * What parse reads: the site (tenant, site, instance or baseUrl) only makes ids and public links for
 * postings that carry none, and a saved payload may go without.
 */
export const workdayParseConfigSchema = workdayConfigSchema
  .pick({ tenant: true, site: true, instance: true, baseUrl: true, employerName: true })
  .partial({ tenant: true, site: true });

export type WorkdayParseConfig = z.infer<typeof workdayParseConfigSchema>;
