import type { SourceAdapter } from '../../source-adapter';
import { htmlConfigSchema, type HtmlConfig } from './html.config';
import { fetchHtml } from './html.fetch';
import { parseHtml } from './html.parse';

/**
 * Plain career pages read with per-site CSS selectors, for employers whose site has no feed, API or
 * JSON-LD. Selectors are CSS with an optional "@attribute" suffix: "a.title" reads the link's text,
 * "a.title@href" its href, "@data-id" an attribute of the list item itself (see html.selector.ts).
 * Without a detail section the list items are the postings; with one, each job's page is fetched and
 * read as the posting (list fields then belong under detail).
 *
 * @example
 * ```yaml
 * - name: Prairie Crossing Hospitals careers
 *   kind: html
 *   config:
 *     url: https://careers.prairiecrossing.example.org/openings?dept=him
 *     employerName: Prairie Crossing Hospitals
 *     list:
 *       item: ul.openings > li
 *       title: a.job-title            # without detail
 *       url: a.job-title@href
 *       id: "@data-req"               # optional; the job URL otherwise
 *       location: .job-location       # optional; several places split at <br>, ";" or "|"
 *       postedAt: time@datetime       # optional
 *     next: a[rel=next]@href          # optional
 *     maxPages: 5                     # optional, default 10
 *     # detail:                       # optional: read each job's own page instead
 *     #   description: .job-description
 *     #   title: h1                   # default h1
 *     #   location: .job-meta .location
 *     #   salary: .job-meta .pay
 *     #   employmentType: .job-meta .schedule
 * ```
 */
export const htmlAdapter: SourceAdapter<HtmlConfig, HtmlConfig> = {
  kind: 'html',
  configSchema: htmlConfigSchema,
  parseConfigSchema: htmlConfigSchema,
  fetch: fetchHtml,
  parse: (body, config, url) => parseHtml(body, config, url),
};
