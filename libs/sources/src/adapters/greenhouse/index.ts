import type { SourceAdapter } from '../../source-adapter';
import {
  greenhouseConfigSchema,
  greenhouseParseConfigSchema,
  type GreenhouseConfig,
  type GreenhouseParseConfig,
} from './greenhouse.config';
import { fetchGreenhouse } from './greenhouse.fetch';
import { parseGreenhouse } from './greenhouse.parse';

/**
 * Greenhouse Job Board API: one unpaged request per board, with descriptions and pay ranges.
 *
 * @example
 * ```yaml
 * - name: Lakeshore Health coding jobs
 *   kind: greenhouse
 *   config:
 *     boardToken: lakeshorehealth
 *     employerName: Lakeshore Health   # optional; the board's company_name otherwise
 * ```
 */
export const greenhouseAdapter: SourceAdapter<GreenhouseConfig, GreenhouseParseConfig> = {
  kind: 'greenhouse',
  configSchema: greenhouseConfigSchema,
  parseConfigSchema: greenhouseParseConfigSchema,
  fetch: fetchGreenhouse,
  parse: (body, config) => parseGreenhouse(body, config),
};
