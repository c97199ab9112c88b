import { haversineMiles } from './geo-distance';

describe('haversineMiles', () => {
  it('is zero for the same point and symmetric', () => {
    const dallas = { lat: 32.7767, lon: -96.797 };
    const tulsa = { lat: 36.154, lon: -95.9928 };
    expect(haversineMiles(dallas, dallas)).toBe(0);
    expect(haversineMiles(dallas, tulsa)).toBeCloseTo(haversineMiles(tulsa, dallas), 10);
  });

  it('matches known straight-line distances', () => {
    // New York City to Los Angeles is about 2,445 miles; Dallas to Fort Worth about 31.
    expect(haversineMiles({ lat: 40.7128, lon: -74.006 }, { lat: 34.0522, lon: -118.2437 })).toBeCloseTo(
      2445,
      -1,
    );
    expect(haversineMiles({ lat: 32.7767, lon: -96.797 }, { lat: 32.7555, lon: -97.3308 })).toBeCloseTo(
      31,
      0,
    );
  });
});
