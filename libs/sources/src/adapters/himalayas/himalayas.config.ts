import { z } from 'zod';

/**
 * Himalayas is a general remote board: without a filter a run would store every remote job on it.
 * These match coding, billing and HIM titles and categories; `keywords: []` turns the filter off.
 */
export const DEFAULT_HIMALAYAS_KEYWORDS = [
  'coding',
  'coder',
  'billing',
  'biller',
  'revenue cycle',
  'HIM',
  'health information',
  'clinical documentation',
  'CDI',
];

/** The API answers at most 20 jobs per request. */
export const HIMALAYAS_PAGE_SIZE = 20;

export const himalayasConfigSchema = z.object({
  /** The API host; tests point it at a local server. */
  baseUrl: z.url({ protocol: /^https?$/ }).default('https://himalayas.app'),
  /**
   * Words or phrases matched against a job's title and categories, at the start of a word and
   * ignoring case ("coder" matches "Coders"). Short all-capital keywords (HIM, CDI) are acronyms and
   * match only in capitals, so "HIM" does not match "him".
   */
  keywords: z.array(z.string().trim().min(1)).default(DEFAULT_HIMALAYAS_KEYWORDS),
  /** Himalayas category names or slugs ("Medical Coding", "medical-billing"); a job in any of them is kept. */
  categories: z.array(z.string().trim().min(1)).default([]),
  /** Guard against endless paging; a run that stops here is partial and closes nothing. */
  maxPages: z.int().min(1).max(1000).default(100),
});

export type HimalayasConfig = z.infer<typeof himalayasConfigSchema>;

export type HimalayasPage = { offset: number } | { cursor: string };

export function himalayasPageUrl(config: Pick<HimalayasConfig, 'baseUrl'>, page: HimalayasPage): string {
  const base = config.baseUrl.replace(/\/+$/, '');
  const position =
    'cursor' in page
      ? `cursor=${encodeURIComponent(page.cursor)}`
      : `offset=${Math.max(0, Math.trunc(page.offset))}`;
  return `${base}/jobs/api?limit=${HIMALAYAS_PAGE_SIZE}&${position}`;
}

/** What parse reads: the filter, with its defaults. */
export const himalayasParseConfigSchema = himalayasConfigSchema.pick({ keywords: true, categories: true });

export type HimalayasParseConfig = z.infer<typeof himalayasParseConfigSchema>;
