import { lookupPlace, lookupPostalCode } from './lookup-place';
import { extractLocations } from './extract-locations';
import { splitPostingLines } from './posting-lines';
import type { RawPosting } from '#sources';

describe('lookupPostalCode', () => {
  it('places a ZIP code, with or without +4', () => {
    expect(lookupPostalCode('75201')).toMatchObject({ city: 'Dallas', state: 'TX', postalCode: '75201' });
    expect(lookupPostalCode('75201-1234')?.lat).toBeCloseTo(32.79, 1);
  });

  it.each([['00000'], ['7520'], ['abcde'], ['']])('returns null for %j', (zip) => {
    expect(lookupPostalCode(zip)).toBeNull();
  });
});

describe('lookupPlace', () => {
  it.each<[Parameters<typeof lookupPlace>[0], { city: string; state: string }]>([
    [
      { city: 'Dallas', state: 'TX' },
      { city: 'Dallas', state: 'TX' },
    ],
    [
      { city: 'dallas', state: 'Texas' },
      { city: 'Dallas', state: 'TX' },
    ],
    [
      { city: 'St. Louis', state: 'MO' },
      { city: 'Saint Louis', state: 'MO' },
    ],
    [
      { city: 'Ft Worth', state: 'TX' },
      { city: 'Fort Worth', state: 'TX' },
    ],
    [{ city: 'Salem, VA' }, { city: 'Salem', state: 'VA' }],
    [{ city: 'Spokane, WA 99204' }, { city: 'Spokane', state: 'WA' }],
    [{ postalCode: '24153' }, { city: 'Salem', state: 'VA' }],
    [{ city: 'Chicago' }, { city: 'Chicago', state: 'IL' }],
  ])('%j', (query, expected) => {
    const place = lookupPlace(query);
    expect(place).toMatchObject(expected);
    expect(typeof place?.lat).toBe('number');
    expect(typeof place?.lon).toBe('number');
  });

  it.each([
    [{ state: 'TX' }],
    [{ city: 'Atlantis', state: 'TX' }],
    [{ city: 'Dallas', state: 'Narnia' }],
    [{}],
  ])('returns null for %j', (query) => {
    expect(lookupPlace(query)).toBeNull();
  });
});

describe('extractLocations', () => {
  const read = (text: string, raw: Partial<RawPosting> = {}) =>
    extractLocations(
      { externalId: 'x', title: 'Coder', ...raw },
      splitPostingLines('Coder', text),
    ).locations.map((l) => [l.city, l.state].filter(Boolean).join(', '));

  it.each<[string, string[]]>([
    ['Riverbend Regional Medical Center - Spokane, WA 99204', ['Spokane, WA']],
    ['Salem VA Medical Center\nHealth Information Management', []],
    ['Durham VA Health Care System, Durham, NC 27705', ['Durham, NC']],
    ["Saint Luke's Regional, Kansas City, MO", ['Kansas City, MO']],
    ['Lakeshore Physicians Group | Milwaukee, WI | Hybrid', ['Milwaukee, WI']],
    ['Location: Remote - must reside in TX, OK or AR.', []],
    ['Gallup Indian Medical Center, Gallup, New Mexico', ['Gallup, NM']],
    ['1\n2\n3\n4\n5\n6\n7\nHybrid, Pittsburgh, PA. Full-time.', ['Pittsburgh, PA']],
  ])('%j -> %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each<[Partial<RawPosting>, string[]]>([
    [{ locations: [{ text: 'Dallas, TX 75201' }] }, ['Dallas, TX']],
    [{ locations: [{ text: 'Atlanta, Georgia, United States' }] }, ['Atlanta, GA']],
    [{ locations: [{ text: 'Hybrid - Austin, TX' }] }, ['Austin, TX']],
    [{ locations: [{ text: 'Remote - US' }] }, []],
    [{ locations: [{ text: 'Remote - Texas' }] }, ['TX']],
    [
      {
        locations: [
          { city: 'Norfolk', state: 'Virginia', postalCode: '23507', country: 'United States of America' },
        ],
      },
      ['Norfolk, VA'],
    ],
    [{ locations: [{ city: 'Salem', state: 'VA', country: 'US' }] }, ['Salem, VA']],
    [{ locations: [{ text: 'Lakewood, CO' }] }, ['Lakewood, CO']],
    [{ locations: [{ city: 'Toronto', state: 'ON', country: 'Canada' }] }, []],
  ])('reads the source locations %j', (raw, expected) => {
    expect(read('', raw)).toEqual(expected);
  });
});
