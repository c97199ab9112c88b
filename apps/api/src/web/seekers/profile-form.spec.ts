import { candidateProfileSchema } from '#matching';
import {
  profileBody,
  profileFieldOf,
  profileFormValues,
  profileMessage,
  readProfileForm,
  withoutEmpty,
} from './profile-form';

const posted = {
  _csrf: 'token',
  credentials: ['CPC', 'CRC'],
  'years-inpatient': '3',
  'years-profee': '',
  roles: 'coder',
  yearsExperience: '4',
  workMode: 'remote_or_hybrid',
  home: '75201',
  commuteMiles: '30',
  stateOfResidence: 'TX',
  minPayAmount: '$24',
  minPayPeriod: 'hour',
  employmentTypes: ['full_time'],
  excludeEmployers: 'Acme Billing\r\n\r\n  Old Job Inc  ',
  openToRelocation: 'true',
};

describe('profile form', () => {
  it('reads a posted form into a body the API accepts', () => {
    const body = withoutEmpty(profileBody(readProfileForm(posted)));
    const profile = candidateProfileSchema.parse(body);
    expect(profile).toMatchObject({
      credentials: ['CPC', 'CRC'],
      specialties: [{ specialty: 'inpatient', years: 3 }],
      roles: ['coder'],
      yearsExperience: 4,
      workMode: 'remote_or_hybrid',
      homePostalCode: '75201',
      commuteMiles: 30,
      stateOfResidence: 'TX',
      minPay: { amount: 24, period: 'hour' },
      employmentTypes: ['full_time'],
      excludeEmployers: ['Acme Billing', 'Old Job Inc'],
    });
  });

  it('sends a city as homeCity and empty optional fields as null, so an edit removes them', () => {
    const body = profileBody(readProfileForm({ ...posted, home: 'Dallas, TX', minPayAmount: '' }));
    expect(body).toMatchObject({
      homeCity: 'Dallas, TX',
      homePostalCode: null,
      minPay: null,
      openToRelocation: true,
    });
  });

  it('keeps text that is not a number, so validation names the field', () => {
    const body = withoutEmpty(profileBody(readProfileForm({ ...posted, yearsExperience: 'four' })));
    const result = candidateProfileSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['yearsExperience']);
  });

  it('comes back from a saved profile as the same form', () => {
    const profile = candidateProfileSchema.parse(withoutEmpty(profileBody(readProfileForm(posted))));
    const again = profileFormValues(profile);
    expect(again).toMatchObject({
      years: { inpatient: '3' },
      home: '75201',
      minPayAmount: '24',
      excludeEmployers: 'Acme Billing\nOld Job Inc',
    });
  });

  it('maps API error paths to the form fields that hold them', () => {
    const body = profileBody(readProfileForm(posted));
    expect(profileFieldOf('minPay.amount', body)).toBe('minPayAmount');
    expect(profileFieldOf('specialties.0.years', body)).toBe('years-inpatient');
    expect(profileFieldOf('homePostalCode', body)).toBe('home');
    expect(profileFieldOf('credentials.1', body)).toBe('credentials');
    expect(profileFieldOf('nonsense', body)).toBeNull();
  });

  it('says the API messages with the form labels', () => {
    expect(profileMessage('commuteMiles must be 250 or less')).toBe('Longest commute must be 250 or less');
    expect(profileMessage('yearsExperience is required: a number of years')).toBe(
      'Give your years of coding or billing experience',
    );
    expect(profileMessage('minPay.amount per hour must be between 5 and 500')).toBe(
      'Lowest pay per hour must be between 5 and 500',
    );
    expect(profileMessage('homePostalCode or homeCity is required unless workMode is "remote_only"')).toBe(
      'Give your home ZIP code or City, ST, unless you want remote work only',
    );
  });
});
