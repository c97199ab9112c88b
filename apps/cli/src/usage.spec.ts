import { SOURCE_KINDS } from '#sources';
import { PARSE_KINDS, PARSE_USAGE } from './usage';

describe('CLI usage', () => {
  it('names every source kind the adapter registry has, so help needs no adapter loaded', () => {
    expect(PARSE_KINDS).toEqual(SOURCE_KINDS);
    expect(PARSE_USAGE).toContain(SOURCE_KINDS.join(', '));
  });
});
