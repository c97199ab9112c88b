import { joinWords, pluralYears } from './join-words';

describe('joinWords', () => {
  it('joins with commas and the conjunction before the last', () => {
    expect(joinWords([])).toBe('');
    expect(joinWords(['CPC'])).toBe('CPC');
    expect(joinWords(['CPC', 'CCS'])).toBe('CPC or CCS');
    expect(joinWords(['CPC', 'CCS', 'RHIT'])).toBe('CPC, CCS or RHIT');
    expect(joinWords(['a', 'b', 'c', 'd'], 'and')).toBe('a, b, c and d');
  });
});

describe('pluralYears', () => {
  it('rounds to a tenth and says year or years', () => {
    expect(pluralYears(1)).toBe('1 year');
    expect(pluralYears(2.25)).toBe('2.3 years');
  });
});
