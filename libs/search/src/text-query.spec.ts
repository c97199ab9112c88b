import { parseTextQuery } from './text-query';

describe('parseTextQuery', () => {
  it('keeps the query as typed for full text, and separates loose words and exclusions', () => {
    expect(parseTextQuery(' "risk adjustment" coder -hospital OR biller -"home health" ')).toEqual({
      websearch: '"risk adjustment" coder -hospital OR biller -"home health"',
      words: 'coder biller',
      excluded: '"hospital" OR "home health"',
    });
  });

  it('has no loose words when everything is quoted or excluded', () => {
    expect(parseTextQuery('"medical coder" -remote')).toMatchObject({ words: '', excluded: '"remote"' });
  });

  it('drops punctuation from words', () => {
    expect(parseTextQuery('coder, (remote)!').words).toBe('coder remote');
  });
});
