import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/ });

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

const jsonldFields = z.object({
  /** Pages to read, each embedding one or more schema.org JobPosting objects. */
  urls: z.array(httpUrl).default([]),
  /** A sitemap or sitemap index listing the job pages; nested indexes are followed. */
  sitemapUrl: httpUrl.optional(),
  /** Regular expression a page URL from the sitemap must match to be read ("/jobs/\\d+"). */
  urlPattern: z.string().min(1).refine(compiles, 'urlPattern is not a valid regular expression').optional(),
  /** Pages read per run, explicit urls included. A run that stops here is partial. */
  maxPages: z.int().min(1).max(5000).default(500),
  /** Sitemap documents read per run (the index and its children). */
  maxSitemaps: z.int().min(1).max(200).default(25),
  /** The employer of every posting, when the pages name it badly or not at all. */
  employerName: z.string().trim().min(1).optional(),
});

export const jsonldConfigSchema = jsonldFields.refine(
  (config) => config.urls.length > 0 || config.sitemapUrl !== undefined,
  {
    message: 'set urls, sitemapUrl or both',
    path: ['urls'],
  },
);

export type JsonLdConfig = z.infer<typeof jsonldConfigSchema>;

/** What parse reads: a saved page needs no URL list or sitemap. */
export const jsonldParseConfigSchema = jsonldFields.pick({ employerName: true });

export type JsonLdParseConfig = z.infer<typeof jsonldParseConfigSchema>;
