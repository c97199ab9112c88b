import type { Provider } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { APP_CONFIG, type AppConfig } from '#config';
import {
  defaultEquivalenceRules,
  EquivalenceRulesError,
  parseEquivalenceRules,
  type EquivalenceRule,
} from '#matching';

export const EQUIVALENCE_RULES = 'EQUIVALENCE_RULES';

/** Reads and validates a deployment's rules file; errors name the file, the rule and what is wrong. */
export function readEquivalenceRulesFile(path: string): EquivalenceRule[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new EquivalenceRulesError(`cannot read equivalence rules ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new EquivalenceRulesError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseEquivalenceRules(data, path);
}

/**
 * Credential equivalence rules, read and validated once at boot: the shipped ones, or
 * CREDENTIAL_EQUIVALENCES_FILE. A bad file stops the API with a message naming the rule.
 */
export const equivalenceRulesProvider: Provider = {
  provide: EQUIVALENCE_RULES,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) =>
    config.CREDENTIAL_EQUIVALENCES_FILE
      ? readEquivalenceRulesFile(config.CREDENTIAL_EQUIVALENCES_FILE)
      : defaultEquivalenceRules(),
};
