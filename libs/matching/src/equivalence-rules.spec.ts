import { defaultEquivalenceRules, EquivalenceRulesError, parseEquivalenceRules } from './equivalence-rules';

const rule = {
  id: 'rhia-meets-rhit',
  label: 'RHIA meets RHIT',
  holds: 'RHIA',
  satisfies: ['RHIT'],
  condition: 'always',
};
const parseError = (data: unknown): string => {
  try {
    parseEquivalenceRules(data, 'rules.json');
  } catch (error) {
    expect(error).toBeInstanceOf(EquivalenceRulesError);
    return (error as Error).message;
  }
  throw new Error('expected the rules to be rejected');
};

describe('equivalence rules', () => {
  it('loads the shipped rules, including the ones the domain names', () => {
    const rules = defaultEquivalenceRules();
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'cpc-a-where-apprentices-welcome',
        'rhia-meets-rhit',
        'ccs-p-equivalent-to-cpc',
        'ccs-equivalent-to-cpc',
        'cic-meets-ccs-inpatient',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names the bad rule and what is wrong with it', () => {
    expect(parseError({ rules: [rule, { ...rule, id: 'cpx', holds: 'CPX' }] })).toBe(
      'rules.json: rule #2 ("cpx"): holds: unknown credential "CPX"',
    );
    expect(parseError({ rules: [{ ...rule, condition: 'sometimes' }] })).toBe(
      'rules.json: rule #1 ("rhia-meets-rhit"): condition must be one of always, listing_accepts_equivalent, listing_accepts_apprentice',
    );
    expect(parseError({ rules: [{ ...rule, satisfies: [] }] })).toBe(
      'rules.json: rule #1 ("rhia-meets-rhit"): satisfies must name at least one credential',
    );
    expect(parseError({ rules: [{ ...rule, satisfies: ['RHIA'] }] })).toBe(
      'rules.json: rule #1 ("rhia-meets-rhit"): satisfies: a credential cannot be listed as satisfying itself',
    );
    expect(
      parseError({ rules: [{ label: 'x y z', holds: 'RHIA', satisfies: ['RHIT'], condition: 'always' }] }),
    ).toMatch(/^rules\.json: rule #1: id: /);
    expect(parseError({ rules: [{ ...rule, onlyForSpecialties: ['podiatry'] }] })).toBe(
      'rules.json: rule #1 ("rhia-meets-rhit"): onlyForSpecialties: unknown specialty "podiatry"',
    );
    expect(parseError({ rules: [{ ...rule, extra: true }] })).toBe(
      'rules.json: rule #1 ("rhia-meets-rhit"): Unrecognized key: "extra"',
    );
  });

  it('rejects a repeated id and a file without rules', () => {
    expect(parseError({ rules: [rule, rule] })).toBe(
      'rules.json: rule #2 ("rhia-meets-rhit"): id is used by an earlier rule',
    );
    expect(parseError({ rule: [] })).toMatch(/^rules\.json: /);
  });
});
