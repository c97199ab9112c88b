import type { SourceAdapter } from '../../source-adapter';
import {
  smartrecruitersConfigSchema,
  smartrecruitersParseConfigSchema,
  type SmartRecruitersConfig,
  type SmartRecruitersParseConfig,
} from './smartrecruiters.config';
import { fetchSmartRecruiters } from './smartrecruiters.fetch';
import { parseSmartRecruiters, smartrecruitersListEntries } from './smartrecruiters.parse';

/**
 * SmartRecruiters Posting API: a paged postings list, then one detail request per posting for its
 * job ad.
 *
 * @example
 * ```yaml
 * - name: Bayou Physician Billing Group
 *   kind: smartrecruiters
 *   config:
 *     companyId: BayouPhysicianBilling
 *     keyword: coding            # optional; narrows the list before the detail requests
 *     employerName: Bayou Physician Billing Group   # optional; the postings' company name otherwise
 * ```
 */
export const smartrecruitersAdapter: SourceAdapter<SmartRecruitersConfig, SmartRecruitersParseConfig> = {
  kind: 'smartrecruiters',
  configSchema: smartrecruitersConfigSchema,
  parseConfigSchema: smartrecruitersParseConfigSchema,
  fetch: fetchSmartRecruiters,
  parse: (body, config) => parseSmartRecruiters(body, config),
  listEntries: smartrecruitersListEntries,
};
