import type { HimalayasConfig } from './himalayas.config';

// Client-side filter for a general board (see DEFAULT_HIMALAYAS_KEYWORDS). Pure, so the parse step
// applies it and reports what it dropped.

export interface JobTopics {
  title: string;
  /** categories and parentCategories as Himalayas sends them ("Medical-Coding", "Healthcare"). */
  categories: string[];
}

export type JobFilter = (job: JobTopics) => boolean;

export function buildJobFilter(config: Pick<HimalayasConfig, 'keywords' | 'categories'>): JobFilter {
  if (config.keywords.length === 0 && config.categories.length === 0) return () => true;
  const patterns = config.keywords.map(keywordPattern);
  const wanted = new Set(config.categories.map(categoryKey));
  return (job) => {
    if (job.categories.some((c) => wanted.has(categoryKey(c)))) return true;
    const texts = [job.title, ...job.categories.map(categoryWords)];
    return patterns.some((pattern) => texts.some((text) => pattern.test(text)));
  };
}

/** "Medical-Coding", "medical coding" and "Medical_Coding" are one category. */
function categoryKey(name: string): string {
  return categoryWords(name).toLowerCase();
}

function categoryWords(name: string): string {
  return name.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function keywordPattern(keyword: string): RegExp {
  const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s-]+');
  // Acronyms must match whole and in capitals; words match at a word start, in any case.
  if (/^[A-Z]{2,5}$/.test(keyword)) return new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`);
  return new RegExp(`(?<![A-Za-z0-9])${escaped}`, 'i');
}
