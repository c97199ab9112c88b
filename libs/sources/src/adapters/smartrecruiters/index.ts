import type { SourceAdapter } from '../../source-adapter';
import { smartrecruitersConfigSchema, type SmartRecruitersConfig } from './smartrecruiters.config';
import { fetchSmartRecruiters } from './smartrecruiters.fetch';
import { parseSmartRecruiters } from './smartrecruiters.parse';

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
export const smartrecruitersAdapter: SourceAdapter<SmartRecruitersConfig> = {
  kind: 'smartrecruiters',
  configSchema: smartrecruitersConfigSchema,
  fetch: fetchSmartRecruiters,
  parse: (body, config) => parseSmartRecruiters(body, config),
};
