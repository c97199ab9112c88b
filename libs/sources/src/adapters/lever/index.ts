import type { SourceAdapter } from '../../source-adapter';
import {
  leverConfigSchema,
  leverParseConfigSchema,
  type LeverConfig,
  type LeverParseConfig,
} from './lever.config';
import { fetchLever } from './lever.fetch';
import { parseLever } from './lever.parse';

/**
 * Lever postings API, paged with skip & limit.
 *
 * @example
 * ```yaml
 * - name: Summit Revenue Partners
 *   kind: lever
 *   config:
 *     site: summitrevenue
 *     employerName: Summit Revenue Partners
 *     # baseUrl: https://api.eu.lever.co   # for accounts hosted in the EU
 * ```
 */
export const leverAdapter: SourceAdapter<LeverConfig, LeverParseConfig> = {
  kind: 'lever',
  configSchema: leverConfigSchema,
  parseConfigSchema: leverParseConfigSchema,
  fetch: fetchLever,
  parse: (body, config) => parseLever(body, config),
};
