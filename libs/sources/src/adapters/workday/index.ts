import type { SourceAdapter } from '../../source-adapter';
import {
  workdayConfigSchema,
  workdayParseConfigSchema,
  type WorkdayConfig,
  type WorkdayParseConfig,
} from './workday.config';
import { fetchWorkday } from './workday.fetch';
import { parseWorkday, workdayListEntries } from './workday.parse';

/**
 * Workday career sites through their CXS JSON API: a paged job search (POST), then one detail request
 * per posting for its description.
 *
 * @example
 * ```yaml
 * - name: Prairie Valley Health System
 *   kind: workday
 *   config:
 *     tenant: prairiehealth
 *     site: Careers
 *     instance: wd5                # prairiehealth.wd5.myworkdayjobs.com
 *     searchText: coding           # optional; the site's own search narrows the list
 *     employerName: Prairie Valley Health   # optional; the hiring organization otherwise
 * ```
 */
export const workdayAdapter: SourceAdapter<WorkdayConfig, WorkdayParseConfig> = {
  kind: 'workday',
  configSchema: workdayConfigSchema,
  parseConfigSchema: workdayParseConfigSchema,
  fetch: fetchWorkday,
  parse: parseWorkday,
  listEntries: workdayListEntries,
};
