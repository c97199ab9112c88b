import type { SourceAdapter } from '../../source-adapter';
import { usajobsConfigSchema, usajobsParseConfigSchema, type UsajobsConfig } from './usajobs.config';
import { fetchUsajobs } from './usajobs.fetch';
import { parseUsajobs } from './usajobs.parse';

/**
 * USAJOBS Search API (federal announcements), paged, authenticated by an API key and the e-mail it
 * was issued to.
 *
 * @example
 * ```yaml
 * - name: Federal medical records technicians (coders)
 *   kind: usajobs
 *   config:
 *     jobCategoryCode: '0675'         # Medical Records Technician
 *     keyword: coder
 *     email: jobs-feed@coderjobs.example
 *     apiKeyEnv: USAJOBS_API_KEY      # the key itself stays in the environment
 * ```
 */
export const usajobsAdapter: SourceAdapter<UsajobsConfig, object> = {
  kind: 'usajobs',
  configSchema: usajobsConfigSchema,
  parseConfigSchema: usajobsParseConfigSchema,
  fetch: fetchUsajobs,
  parse: (body) => parseUsajobs(body),
};
