import { candidateProfileSchema } from '#matching';
import { CREDENTIALS, EMPLOYMENT_TYPES, ROLES, SPECIALTIES, US_STATES, WORK_MODES } from '#taxonomy';
import { findCity, generateListings, generateProfiles, US_CITIES } from '../support/synthetic-listings';

// The generator feeds the search benchmark: it must be reproducible and speak the shared vocabulary.
// Its speed is measured by `npm run bench:synthetic`.

describe('synthetic listings', () => {
  it('gives the same listings for the same seed and different ones for another', () => {
    const first = [...generateListings(7, 50)];
    expect([...generateListings(7, 50)]).toEqual(first);
    expect([...generateListings(8, 50)]).not.toEqual(first);
  });

  it('uses only the shared vocabulary and consistent pay, places and dates', () => {
    for (const l of generateListings(3, 5000)) {
      expect(ROLES).toContain(l.role);
      expect(WORK_MODES).toContain(l.workMode);
      expect(EMPLOYMENT_TYPES).toContain(l.employmentType);
      for (const s of l.specialties) expect(SPECIALTIES).toContain(s);
      for (const c of [
        ...l.certifications.required,
        ...l.certifications.anyOf.flat(),
        ...l.certifications.preferred,
      ]) {
        expect(CREDENTIALS).toContain(c);
      }
      for (const s of [...(l.remoteStates ?? []), ...l.remoteExcludedStates]) expect(US_STATES).toContain(s);
      expect(l.locations[0]).toBe(l.location);
      if (l.salary?.period === 'hour' && l.salary.min !== null)
        expect(l.salary.annualMin).toBe(l.salary.min * 2080);
      expect(Date.parse(l.postedAt as string)).toBeLessThan(Date.parse('2026-03-01T00:00:00Z'));
    }
  });

  it('has a realistic mix: about half remote, a share restricted by state, most pay stated', () => {
    const listings = [...generateListings(5, 20_000)];
    const share = (f: (l: (typeof listings)[number]) => boolean) =>
      listings.filter(f).length / listings.length;
    expect(share((l) => l.workMode === 'remote')).toBeCloseTo(0.5, 1);
    expect(share((l) => l.remoteStates !== null)).toBeGreaterThan(0.1);
    expect(share((l) => l.salary !== null)).toBeGreaterThan(0.5);
    expect(share((l) => l.role === 'coder')).toBeGreaterThan(0.35);
  });

  it('places cities with real coordinates and resolves homes by name or ZIP code', () => {
    expect(US_CITIES.length).toBeGreaterThanOrEqual(100);
    expect(findCity('Tulsa, OK')).toMatchObject({ state: 'OK', lat: 36.154 });
    expect(findCity('75201')).toMatchObject({ city: 'Dallas' });
    expect(findCity('Atlantis, ZZ')).toBeNull();
  });

  it('makes profiles that pass the request schema', () => {
    for (const { home: _home, ...fields } of generateProfiles(2, 200)) {
      expect(candidateProfileSchema.safeParse(fields).success).toBe(true);
    }
  });
});
