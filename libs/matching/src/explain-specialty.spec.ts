import { listingWith, profileWith } from '../testing/fixtures';
import { explainSpecialty } from './explain-specialty';

const inpatientCoder = profileWith({ specialties: [{ specialty: 'inpatient', years: 6 }] });

describe('explainSpecialty', () => {
  it('rewards a shared specialty, more with more years', () => {
    const result = explainSpecialty(listingWith({ specialties: ['inpatient'] }), inpatientCoder);
    expect(result.reasons).toEqual([
      { code: 'specialty_match', text: 'Specialty inpatient: yours, 6 years', effect: 'positive' },
    ]);
    expect(result.part).toBeCloseTo(1, 10);
    const junior = explainSpecialty(
      listingWith({ specialties: ['inpatient'] }),
      profileWith({ specialties: [{ specialty: 'inpatient', years: 1 }] }),
    );
    expect(junior.part).toBeLessThan(result.part);
  });

  it('gives partial credit when only some of the listing specialties are shared', () => {
    const result = explainSpecialty(
      listingWith({ specialties: ['radiology', 'interventional_radiology'] }),
      profileWith({ specialties: [{ specialty: 'radiology', years: 4 }] }),
    );
    expect(result.reasons[0].text).toBe('Specialty radiology: yours, 4 years');
    expect(result.part).toBeLessThan(1);
    expect(result.part).toBeGreaterThan(0.6);
  });

  it('gives some credit to a related specialty and little to an unrelated one', () => {
    const related = explainSpecialty(
      listingWith({ specialties: ['interventional_radiology'] }),
      profileWith({ specialties: [{ specialty: 'radiology', years: 4 }] }),
    );
    expect(related.reasons[0]).toEqual({
      code: 'specialty_related',
      text: 'Specialty interventional radiology: close to your radiology work',
      effect: 'neutral',
    });
    const unrelated = explainSpecialty(listingWith({ specialties: ['profee', 'oncology'] }), inpatientCoder);
    expect(unrelated.reasons[0]).toEqual({
      code: 'specialty_mismatch',
      text: 'Specialty professional fee and oncology: you work in inpatient',
      effect: 'negative',
    });
    expect(unrelated.part).toBeLessThan(related.part);
  });

  it('is neutral when either side names no specialty', () => {
    expect(explainSpecialty(listingWith({ specialties: ['general'] }), inpatientCoder).reasons[0].text).toBe(
      'No particular specialty named',
    );
    expect(
      explainSpecialty(listingWith({ specialties: ['inpatient'] }), profileWith({ specialties: [] }))
        .reasons[0].text,
    ).toBe('Specialty: inpatient; you named no specialty');
  });
});

describe('explainSpecialty weighs what the candidate does most specifically', () => {
  const oncologyCoder = profileWith({
    specialties: [
      { specialty: 'oncology', years: 5 },
      { specialty: 'profee', years: 5 },
    ],
  });

  it('ranks a listing in the candidate clinical specialty above a generic one in their setting', () => {
    const oncology = explainSpecialty(listingWith({ specialties: ['oncology'] }), oncologyCoder).part;
    const generic = explainSpecialty(listingWith({ specialties: ['profee'] }), oncologyCoder).part;
    const both = explainSpecialty(listingWith({ specialties: ['oncology', 'profee'] }), oncologyCoder).part;
    expect(both).toBeGreaterThan(oncology);
    expect(oncology).toBeGreaterThan(generic);
  });

  it('treats an unnamed specialty as nearly a fit for billing work but an unknown for coding work', () => {
    const billing = explainSpecialty(
      listingWith({ role: 'biller', specialties: ['general'] }),
      oncologyCoder,
    ).part;
    const coding = explainSpecialty(
      listingWith({ role: 'coder', specialties: ['general'] }),
      oncologyCoder,
    ).part;
    expect(billing).toBeGreaterThan(coding);
  });

  it('fits a candidate without specialties to a niche listing less well than to a setting', () => {
    const none = profileWith({ specialties: [] });
    const niche = explainSpecialty(listingWith({ role: 'biller', specialties: ['dental'] }), none).part;
    const setting = explainSpecialty(listingWith({ role: 'biller', specialties: ['profee'] }), none).part;
    expect(niche).toBeLessThan(setting);
  });
});
