import type { SourceAdapter } from '../../source-adapter';
import {
  ashbyConfigSchema,
  ashbyParseConfigSchema,
  type AshbyConfig,
  type AshbyParseConfig,
} from './ashby.config';
import { fetchAshby } from './ashby.fetch';
import { parseAshby } from './ashby.parse';

/**
 * Ashby public Posting API: one unpaged request per job board, with compensation.
 *
 * @example
 * ```yaml
 * - name: Northwind Coding Co-op
 *   kind: ashby
 *   config:
 *     jobBoardName: northwind-coding
 *     employerName: Northwind Coding Co-op
 * ```
 */
export const ashbyAdapter: SourceAdapter<AshbyConfig, AshbyParseConfig> = {
  kind: 'ashby',
  configSchema: ashbyConfigSchema,
  parseConfigSchema: ashbyParseConfigSchema,
  fetch: fetchAshby,
  parse: (body, config) => parseAshby(body, config),
};
