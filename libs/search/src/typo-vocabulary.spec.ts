import { editDistance, TypoVocabulary } from './typo-vocabulary';

const vocabulary = (words: Record<string, number>) => {
  const v = new TypoVocabulary(async () => new Map(Object.entries(words)));
  v.set(new Map(Object.entries(words)));
  return v;
};

describe('editDistance', () => {
  it.each([
    ['coder', 'coder', 0],
    ['codr', 'coder', 1],
    ['denails', 'denials', 1],
    ['medcal', 'medical', 1],
    ['optim', 'optum', 1],
    ['biller', 'killer', 1],
    ['billing', 'biller', 3],
  ])('%s -> %s = %i', (a, b, d) => {
    expect(editDistance(a, b, 3)).toBe(d);
  });

  it('stops early past the bound', () => {
    expect(editDistance('auditor', 'cardiology', 2)).toBe(3);
  });
});

describe('TypoVocabulary.correct', () => {
  const v = vocabulary({
    medical: 900,
    coder: 800,
    coding: 700,
    optum: 40,
    lakeside: 30,
    denials: 20,
    dental: 5,
  });

  it('replaces misspelt words with the closest known word', async () => {
    expect(await v.correct('medcal codr')).toBe('medical coder');
    expect(await v.correct('Optim')).toBe('optum');
    expect(await v.correct('lakesde')).toBe('lakeside');
  });

  it('prefers the more common word on a tie', async () => {
    // "denals" is one edit from both "denials" and "dental"; "denials" is the more common.
    expect(await v.correct('denals')).toBe('denials');
  });

  it('leaves known words, short words, numbers, phrases and exclusions alone', async () => {
    expect(await v.correct('medical coder')).toBeNull();
    expect(await v.correct('cpc')).toBeNull();
    expect(await v.correct('2026')).toBeNull();
    expect(await v.correct('"medcal" -codr')).toBeNull();
    expect(await v.correct('codr OR biller')).toBe('coder OR biller');
  });

  it('gives up when nothing is close', async () => {
    expect(await v.correct('zzzzzz')).toBeNull();
  });

  it('loads once, then again only when older than its age limit', async () => {
    let loads = 0;
    let now = 0;
    const lazy = new TypoVocabulary(
      async () => {
        loads++;
        return new Map([['coder', 1]]);
      },
      1000,
      () => now,
    );
    await Promise.all([lazy.correct('codr'), lazy.correct('codr')]);
    expect(loads).toBe(1);
    now = 500;
    await lazy.correct('codr');
    expect(loads).toBe(1);
    now = 1600;
    expect(await lazy.correct('codr')).toBe('coder');
    expect(loads).toBe(2);
  });
});
