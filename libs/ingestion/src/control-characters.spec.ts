import {
  controlCharacterPath,
  describeControlCharacter,
  stripControlCharacters,
  withoutControlCharacters,
} from './control-characters';
import { validateSourceDefinition } from './source-catalog';

describe('control characters', () => {
  it('names the first one, keeping tab and line breaks as text', () => {
    expect(describeControlCharacter('coder\u0000')).toBe('U+0000');
    expect(describeControlCharacter('a\u009bb')).toBe('U+009B');
    expect(describeControlCharacter('line\r\n\tnext')).toBeNull();
    expect(stripControlCharacters('Med\u0000ical\u007f Coder\n')).toBe('Medical Coder\n');
  });

  it('finds the path of a string or key holding one, at any depth', () => {
    expect(controlCharacterPath({ a: [{ b: 'ok' }, { c: 'x\u0001' }] })).toBe('a.1.c');
    expect(controlCharacterPath({ a: { 'k\u0000': 1 } })).toBe('a');
    expect(controlCharacterPath({ a: ['fine'] })).toBeNull();
  });

  it('cleans every string and key of a posting and leaves a clean one as it is', () => {
    const clean = { title: 'Coder', locations: [{ text: 'Remote' }] };
    expect(withoutControlCharacters(clean)).toBe(clean);
    expect(withoutControlCharacters({ title: 'Co\u0000der', extra: { 'k\u0007': ['v\u0000'] } })).toEqual({
      title: 'Coder',
      extra: { k: ['v'] },
    });
  });

  it('is refused in a source definition, naming the field (the CLI import and the API alike)', () => {
    expect(() =>
      validateSourceDefinition({
        id: 'gh-acme',
        kind: 'greenhouse',
        name: 'Acme',
        config: { boardToken: 'acme', employerName: 'Acme\u0000' },
      }),
    ).toThrow(/config\.employerName: contains a control character/);
  });
});
