import { locationFromText, locationsFromTexts } from './ats-location';

describe('locationFromText', () => {
  it('splits an unambiguous "City, ST[ ZIP]"', () => {
    expect(locationFromText('St. Paul, MN 55101')).toEqual({
      text: 'St. Paul, MN 55101',
      city: 'St. Paul',
      state: 'MN',
      postalCode: '55101',
      country: 'US',
    });
    expect(locationFromText('Dallas, TX, USA')).toMatchObject({ city: 'Dallas', state: 'TX' });
  });

  it('keeps anything else as text for the normalizer', () => {
    expect(locationFromText('Remote - must reside in TX, OK')).toEqual({
      text: 'Remote - must reside in TX, OK',
    });
    expect(locationFromText('Remote, TX')).toEqual({ text: 'Remote, TX' });
    expect(locationFromText('London, UK', 'GB')).toEqual({ text: 'London, UK', country: 'GB' });
    expect(locationFromText('  ')).toBeNull();
  });
});

describe('locationsFromTexts', () => {
  it('drops blanks and repeats', () => {
    expect(locationsFromTexts(['Omaha, NE', null, 'omaha, ne', 'Lincoln, NE']).map((l) => l.city)).toEqual([
      'Omaha',
      'Lincoln',
    ]);
  });
});
