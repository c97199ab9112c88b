import { z } from 'zod';

/**
 * How a feed writes the employer into item titles. Feeds are consistent, so the source says which
 * shape its feed uses instead of every title being guessed at ("Work at Home Coder" is not a job
 * at "Home Coder").
 */
export const RSS_TITLE_FORMATS = ['plain', 'employer-colon-title', 'title-at-employer'] as const;

export const rssConfigSchema = z.object({
  /** The RSS 2.0, RSS 1.0 or Atom feed. */
  url: z.url({ protocol: /^https?$/ }),
  /** The employer of every item, for a single employer's feed; wins over anything in the items. */
  employerName: z.string().trim().min(1).optional(),
  /**
   * plain: the title is the job title. employer-colon-title: "Northpine Health: Inpatient Coder".
   * title-at-employer: "Inpatient Coder at Northpine Health" (split at the last " at ").
   */
  titleFormat: z.enum(RSS_TITLE_FORMATS).default('plain'),
});

export type RssConfig = z.infer<typeof rssConfigSchema>;
export type RssTitleFormat = (typeof RSS_TITLE_FORMATS)[number];

/** What parse reads: the feed's URL only resolves relative links, and a saved feed may go without. */
export const rssParseConfigSchema = rssConfigSchema
  .pick({ employerName: true, titleFormat: true })
  .extend({ url: rssConfigSchema.shape.url.optional() });

export type RssParseConfig = z.infer<typeof rssParseConfigSchema>;
