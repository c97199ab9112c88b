import { listingWith, profileWith } from '../testing/fixtures';
import { explainExperience } from './explain-experience';

describe('explainExperience', () => {
  it('reads years in the listing specialty when the candidate has it', () => {
    const result = explainExperience(
      listingWith({ specialties: ['inpatient'], minYearsExperience: 3 }),
      profileWith({ yearsExperience: 8, specialties: [{ specialty: 'inpatient', years: 2 }] }),
    );
    expect(result.reasons).toEqual([
      { code: 'experience_short', text: 'Asks 3 years of inpatient coding: you have 2', effect: 'negative' },
    ]);
    expect(result.part).toBeGreaterThan(0);
    expect(result.part).toBeLessThan(0.6);
  });

  it('falls back to years overall', () => {
    const result = explainExperience(
      listingWith({ specialties: ['oncology'], minYearsExperience: 2 }),
      profileWith({ yearsExperience: 5 }),
    );
    expect(result.reasons[0]).toEqual({
      code: 'experience_meets',
      text: 'Asks 2 years of experience: you have 5',
      effect: 'positive',
    });
    expect(result.part).toBe(1);
  });

  it('names billing work for billing roles', () => {
    const result = explainExperience(
      listingWith({ role: 'biller', specialties: ['ambulance'], minYearsExperience: 1 }),
      profileWith({ specialties: [{ specialty: 'ambulance', years: 4 }] }),
    );
    expect(result.reasons[0].text).toBe('Asks 1 year of ambulance billing: you have 4');
  });

  it('scales the penalty with the shortfall', () => {
    const profile = profileWith({ yearsExperience: 1, specialties: [] });
    const short1 = explainExperience(listingWith({ minYearsExperience: 2 }), profile).part;
    const short4 = explainExperience(listingWith({ minYearsExperience: 5 }), profile).part;
    expect(short1).toBeGreaterThan(short4);
  });

  it('is neutral when the listing asks nothing, positive when it asks for none', () => {
    expect(explainExperience(listingWith(), profileWith()).reasons[0].text).toBe(
      'No experience requirement stated',
    );
    expect(explainExperience(listingWith({ minYearsExperience: 0 }), profileWith()).reasons[0]).toEqual({
      code: 'experience_not_required',
      text: 'Open to candidates without experience',
      effect: 'positive',
    });
  });
});
