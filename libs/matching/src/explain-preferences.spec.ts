import { listingWith, profileWith } from '../testing/fixtures';
import { explainPreferences } from './explain-preferences';

describe('explainPreferences', () => {
  it('confirms a wanted employment type', () => {
    expect(
      explainPreferences(
        listingWith({ employmentType: 'part_time' }),
        profileWith({ employmentTypes: ['part_time'] }),
      ).reasons,
    ).toEqual([{ code: 'employment_type_wanted', text: 'Part-time, as you want', effect: 'positive' }]);
  });

  it('says nothing when the candidate has no preference', () => {
    expect(explainPreferences(listingWith(), profileWith())).toEqual({ reasons: [], missing: [] });
  });
});
