import { hashToken, keyLabel, looksLikeToken, newToken, tokenMatches } from './tokens';

describe('tokens', () => {
  it('are random, prefixed by kind and stored only as a hash', () => {
    const a = newToken('apikey');
    const b = newToken('apikey');
    expect(a).not.toBe(b);
    expect(a.startsWith('cjk_')).toBe(true);
    expect(looksLikeToken('apikey', a)).toBe(true);
    expect(looksLikeToken('session', a)).toBe(false);
    expect(looksLikeToken('apikey', 'cjk_short')).toBe(false);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).not.toContain(a.slice(4, 20));
  });

  it('match only their own hash', () => {
    const t = newToken('session');
    expect(tokenMatches(t, hashToken(t))).toBe(true);
    expect(tokenMatches(newToken('session'), hashToken(t))).toBe(false);
    expect(tokenMatches(t, 'abcd')).toBe(false);
    expect(keyLabel(t)).toBe(`${t.slice(0, 8)}…`);
  });
});
