import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEquivalenceRulesFile } from './equivalence-rules.provider';

const rule = {
  id: 'rhia-meets-rhit',
  label: 'RHIA meets RHIT',
  holds: 'RHIA',
  satisfies: ['RHIT'],
  condition: 'always',
};

describe('a deployment equivalence rules file', () => {
  it('is read and validated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'equivalences-'));
    const path = join(dir, 'rules.json');
    writeFileSync(path, JSON.stringify({ rules: [rule] }));
    expect(readEquivalenceRulesFile(path)).toEqual([rule]);
  });

  it('is named when it is missing, not JSON, or holds a bad rule', () => {
    expect(() => readEquivalenceRulesFile('/nonexistent/rules.json')).toThrow(
      /cannot read equivalence rules \/nonexistent\/rules\.json/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'equivalences-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "rules": [ ');
    expect(() => readEquivalenceRulesFile(broken)).toThrow(`${broken} is not valid JSON`);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ rules: [{ ...rule, holds: 'CPX' }] }));
    expect(() => readEquivalenceRulesFile(bad)).toThrow(
      `${bad}: rule #1 ("rhia-meets-rhit"): holds: unknown credential "CPX"`,
    );
  });
});
