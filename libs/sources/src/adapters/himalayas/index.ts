import type { SourceAdapter } from '../../source-adapter';
import {
  himalayasConfigSchema,
  himalayasParseConfigSchema,
  type HimalayasConfig,
  type HimalayasParseConfig,
} from './himalayas.config';
import { fetchHimalayas } from './himalayas.fetch';
import { parseHimalayas } from './himalayas.parse';

/**
 * Himalayas remote jobs API: a general remote board paged 20 jobs at a time, filtered here to coding,
 * billing and HIM jobs. Every job is remote; its country restrictions become applicantLocations.
 * The board is large, so maxPages usually ends a run before the last page: such runs are partial
 * and close nothing, and postings leave through their expiryDate (validThrough) instead.
 *
 * @example
 * ```yaml
 * - name: Himalayas coding and billing jobs
 *   kind: himalayas
 *   config:
 *     keywords: [coding, coder, billing, biller, revenue cycle, HIM]   # optional; [] keeps every job
 *     categories: [Medical Coding]                                     # optional
 *     maxPages: 50                                                     # optional, default 100
 * ```
 */
export const himalayasAdapter: SourceAdapter<HimalayasConfig, HimalayasParseConfig> = {
  kind: 'himalayas',
  configSchema: himalayasConfigSchema,
  parseConfigSchema: himalayasParseConfigSchema,
  fetch: fetchHimalayas,
  parse: (body, config) => parseHimalayas(body, config),
};
