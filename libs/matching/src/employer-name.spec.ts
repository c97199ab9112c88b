import { foldEmployerName, isEmployerExcluded } from './employer-name';

describe('employer names', () => {
  it('folds case, punctuation and legal suffixes', () => {
    expect(foldEmployerName('HCA Healthcare, Inc.')).toBe('hca healthcare');
    expect(foldEmployerName('Smith & Jones, LLC')).toBe('smith and jones');
  });

  it('excludes by whole leading words and returns the name the candidate gave', () => {
    expect(isEmployerExcluded('Optum Health Services', ['optum'])).toBe('optum');
    expect(isEmployerExcluded('Optumist Coding', ['optum'])).toBeNull();
    expect(isEmployerExcluded(null, ['optum'])).toBeNull();
  });
});
