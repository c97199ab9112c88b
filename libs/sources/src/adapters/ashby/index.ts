import type { SourceAdapter } from '../../source-adapter';
import { ashbyConfigSchema, type AshbyConfig } from './ashby.config';
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
export const ashbyAdapter: SourceAdapter<AshbyConfig> = {
  kind: 'ashby',
  configSchema: ashbyConfigSchema,
  fetch: fetchAshby,
  parse: (body, config) => parseAshby(body, config),
};
