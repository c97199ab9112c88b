import type { SourceAdapter } from '../../source-adapter';
import { rssConfigSchema, rssParseConfigSchema, type RssConfig, type RssParseConfig } from './rss.config';
import { fetchRss } from './rss.fetch';
import { parseRss } from './rss.parse';

/**
 * RSS 2.0, RSS 1.0 and Atom job feeds (remote boards, employer feeds, aggregators). Reads guid or id,
 * title, link, the fullest body (content:encoded, description, content, summary), dates, categories,
 * and job elements under any prefix (job:location, region, company, salary...). One request per run,
 * conditional, so an unchanged feed costs a 304.
 *
 * @example
 * ```yaml
 * - name: Remote coding board feed
 *   kind: rss
 *   config:
 *     url: https://jobs.example.org/categories/medical-coding.rss
 *     titleFormat: employer-colon-title   # optional: plain (default) | employer-colon-title | title-at-employer
 *     employerName: Northpine Health      # optional; for a single employer's feed
 * ```
 */
export const rssAdapter: SourceAdapter<RssConfig, RssParseConfig> = {
  kind: 'rss',
  configSchema: rssConfigSchema,
  parseConfigSchema: rssParseConfigSchema,
  fetch: fetchRss,
  parse: (body, config, url) => parseRss(body, config, url ?? config.url),
};
