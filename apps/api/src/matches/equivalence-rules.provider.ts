import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { loadEquivalenceRules } from '#matching';

export const EQUIVALENCE_RULES = 'EQUIVALENCE_RULES';

/**
 * Credential equivalence rules, read and validated once at boot: the shipped file, or
 * CREDENTIAL_EQUIVALENCES_FILE. A bad file stops the API with a message naming the rule.
 */
export const equivalenceRulesProvider: Provider = {
  provide: EQUIVALENCE_RULES,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) =>
    config.CREDENTIAL_EQUIVALENCES_FILE
      ? loadEquivalenceRules(config.CREDENTIAL_EQUIVALENCES_FILE)
      : loadEquivalenceRules(),
};
