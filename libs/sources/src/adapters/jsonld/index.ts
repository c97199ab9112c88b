import type { SourceAdapter } from '../../source-adapter';
import {
  jsonldConfigSchema,
  jsonldParseConfigSchema,
  type JsonLdConfig,
  type JsonLdParseConfig,
} from './jsonld.config';
import { fetchJsonLd } from './jsonld.fetch';
import { parseJsonLd } from './jsonld.parse';

/**
 * Any page that embeds schema.org JobPosting JSON-LD, the markup search engines read: employer career
 * sites, job boards, staffing agencies. Pages come from a list of URLs, from a sitemap (or sitemap
 * index) filtered by a URL pattern, or both. Each page is parsed on its own; invalid JSON-LD blocks
 * are counted as skipped and the rest of the page is still read.
 *
 * @example
 * ```yaml
 * - name: Lakeshore Health careers (JSON-LD)
 *   kind: jsonld
 *   config:
 *     sitemapUrl: https://careers.lakeshorehealth.example.org/sitemap.xml
 *     urlPattern: "/jobs/\\d+"              # optional; only sitemap pages matching it are read
 *     maxPages: 300                          # optional, default 500
 *     urls:                                  # optional; read as well as the sitemap's pages
 *       - https://careers.lakeshorehealth.example.org/jobs/coding-and-billing
 * ```
 */
export const jsonldAdapter: SourceAdapter<JsonLdConfig, JsonLdParseConfig> = {
  kind: 'jsonld',
  configSchema: jsonldConfigSchema,
  parseConfigSchema: jsonldParseConfigSchema,
  fetch: fetchJsonLd,
  parse: (body, config, url) => parseJsonLd(body, config, url),
};
