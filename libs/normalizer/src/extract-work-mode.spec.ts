import type { WorkMode } from '#taxonomy';
import { extractWorkMode } from './extract-work-mode';
import { extractRemoteEligibility } from './extract-remote-eligibility';
import { splitPostingLines } from './posting-lines';
import type { RawPosting } from '#sources';

function mode(text: string, raw: Partial<RawPosting> = {}): WorkMode {
  return extractWorkMode({ externalId: 'x', title: 'Coder', ...raw }, splitPostingLines('Coder', text))
    .workMode;
}

function eligibility(text: string, raw: Partial<RawPosting> = {}) {
  const full = { externalId: 'x', title: 'Coder', ...raw };
  const { evidence: _evidence, ...rest } = extractRemoteEligibility(
    full,
    splitPostingLines('Coder', text),
    'remote',
  );
  return rest;
}

describe('extractWorkMode', () => {
  it.each<[string, WorkMode]>([
    ['This is a 100% remote position.', 'remote'],
    ['Work from our Tucson office three days a week; two days remote.', 'hybrid'],
    ['Two days remote, the rest at the clinic.', 'hybrid'],
    ['Work from our Midtown office, Monday to Friday.', 'onsite'],
    ['Location: Remote - must reside in TX, OK or AR.', 'remote'],
    ['Work from home on your own schedule.', 'remote'],
    ['This position can be worked remotely after a 60 day onsite training period in Columbus.', 'remote'],
    ['Remote, with occasional onsite meetings in Greenville.', 'remote'],
    ['Must be able to work onsite for the first 2 weeks of orientation, then remote.', 'remote'],
    ['Hybrid schedule: 2 days a week in our Milwaukee office, 3 days from home', 'hybrid'],
    ['Flexible work from home 3 days per week; in the office Tuesdays and Thursdays.', 'hybrid'],
    ['Onsite Monday and Friday, remote the rest of the week.', 'hybrid'],
    ['This position is eligible for hybrid telework after 6 months.', 'hybrid'],
    ['This is not a remote position.', 'onsite'],
    ['Remote work is not available for this role.', 'onsite'],
    ['This position is not eligible for telework.', 'onsite'],
    ['This is an in-office position at our Lakewood, CO business office.', 'onsite'],
    ['$20-$23 per hour, full-time, in our Tampa support center.', 'onsite'],
    ['On site, Monday to Friday.', 'onsite'],
    ['On site in Eugene, Oregon, 20 hours a week, day shift.', 'onsite'],
    ['On-site in our Tulsa billing office.', 'onsite'],
    ['This is an onsite role. Full-time.', 'onsite'],
    ['Work is in office at our Asheville HIM department.', 'onsite'],
    ['This position is in-person, Monday to Friday.', 'onsite'],
    ['This role must work at our Kennewick campus, Monday through Friday.', 'onsite'],
    ['Must work at our main campus in Sherman.', 'onsite'],
    ['Remote, with occasional on site meetings in Omaha.', 'remote'],
    ['Hybrid: on site in Ardmore two days a week.', 'hybrid'],
    ['Two days a week on site, three days remote.', 'hybrid'],
    ['Code inpatient records using ICD-10-CM.', 'unknown'],
    ['Experience with remote access tools.', 'unknown'],
    ['Work Location: our Plano office. Remote work allowed at manager discretion.', 'hybrid'],
    ['Full-time, 40 hours (remote work permitted with supervisor approval).', 'hybrid'],
    ['Engineering /\n\nFull-time Onsite or Remote /\n\nHybrid', 'unknown'],
    ['Location: Tulsa office or remote within Oklahoma.', 'remote'],
    ['Full time, Monday - Friday, in our Decatur, IL business office.', 'onsite'],
    [
      'Training is on site in St. Paul, then the role moves to remote work. You must live in Minnesota and be able to come on site in St. Paul, MN as needed.',
      'remote',
    ],
  ])('%j -> %s', (text, expected) => {
    expect(mode(text)).toBe(expected);
  });

  it.each<[Partial<RawPosting>, WorkMode]>([
    [{ workplaceType: 'hybrid' }, 'hybrid'],
    [{ workplaceType: 'Remote' }, 'remote'],
    [{ remote: true }, 'remote'],
    [{ locations: [{ text: 'Hybrid - Austin, TX' }] }, 'hybrid'],
    [{ locations: [{ text: 'Remote - US' }] }, 'remote'],
  ])('reads the source fields %j', (raw, expected) => {
    expect(mode('', raw)).toBe(expected);
  });

  it('lets a hybrid statement in the text win over a remote flag', () => {
    expect(mode('Hybrid: two days per week in our Tempe office.', { remote: true })).toBe('hybrid');
  });
});

describe('extractRemoteEligibility', () => {
  it.each<
    [string, { remoteStates: string[] | null; remoteExcludedStates: string[]; remoteCountry: string | null }]
  >([
    [
      'Remote - must reside in TX, OK or AR.',
      { remoteStates: ['AR', 'OK', 'TX'], remoteExcludedStates: [], remoteCountry: null },
    ],
    [
      'Remote (Minnesota, Wisconsin, Iowa, North Dakota or South Dakota residents only)',
      { remoteStates: ['IA', 'MN', 'ND', 'SD', 'WI'], remoteExcludedStates: [], remoteCountry: null },
    ],
    [
      'Remote for residents of Oregon or Washington only.',
      { remoteStates: ['OR', 'WA'], remoteExcludedStates: [], remoteCountry: null },
    ],
    [
      'Remote after 6 months for Indiana residents.',
      { remoteStates: ['IN'], remoteExcludedStates: [], remoteCountry: null },
    ],
    [
      'This is a 100% remote position open to US residents, excluding California and New York.',
      { remoteStates: null, remoteExcludedStates: ['CA', 'NY'], remoteCountry: 'US' },
    ],
    [
      'Remote within the continental US; we cannot hire in Alaska or Hawaii.',
      { remoteStates: null, remoteExcludedStates: ['AK', 'HI'], remoteCountry: 'US' },
    ],
    [
      'This role is not open to residents of: California, Colorado, New York, Washington or Illinois.',
      { remoteStates: null, remoteExcludedStates: ['CA', 'CO', 'IL', 'NY', 'WA'], remoteCountry: null },
    ],
    [
      'Remote eligible in all states except CA, NY, NJ, IL and WA.',
      { remoteStates: null, remoteExcludedStates: ['CA', 'IL', 'NJ', 'NY', 'WA'], remoteCountry: null },
    ],
    ['Remote - United States.', { remoteStates: null, remoteExcludedStates: [], remoteCountry: 'US' }],
    ['Anywhere in the US.', { remoteStates: null, remoteExcludedStates: [], remoteCountry: 'US' }],
    [
      'Remote; must reside in Tennessee, Kentucky or Virginia.',
      { remoteStates: ['KY', 'TN', 'VA'], remoteExcludedStates: [], remoteCountry: null },
    ],
    [
      'Remote anywhere in the United States except Oregon, Alaska and Hawaii.',
      { remoteStates: null, remoteExcludedStates: ['AK', 'HI', 'OR'], remoteCountry: 'US' },
    ],
    [
      'Bill VA Community Care claims. Remote - must reside in Florida.',
      { remoteStates: ['FL'], remoteExcludedStates: [], remoteCountry: null },
    ],
    [
      'Payment Poster (Remote - Arizona Time)',
      { remoteStates: null, remoteExcludedStates: [], remoteCountry: null },
    ],
    ['Remote, Central Time hours.', { remoteStates: null, remoteExcludedStates: [], remoteCountry: null }],
    ['remote, Washington, DC Metro', { remoteStates: null, remoteExcludedStates: [], remoteCountry: null }],
    ['Remote; US residents only.', { remoteStates: null, remoteExcludedStates: [], remoteCountry: 'US' }],
    [
      'Remote - TX, OK, AR',
      { remoteStates: ['AR', 'OK', 'TX'], remoteExcludedStates: [], remoteCountry: null },
    ],
    [
      'Georgia | Florida | Alabama · Remote',
      { remoteStates: ['AL', 'FL', 'GA'], remoteExcludedStates: [], remoteCountry: null },
    ],
  ])('%j', (text, expected) => {
    expect(eligibility(text)).toEqual(expected);
  });

  it('reads JSON-LD applicant location requirements', () => {
    expect(eligibility('', { applicantLocations: ['Colorado', 'Utah'] })).toEqual({
      remoteStates: ['CO', 'UT'],
      remoteExcludedStates: [],
      remoteCountry: null,
    });
    expect(eligibility('', { applicantLocations: ['USA'] }).remoteCountry).toBe('US');
  });

  it('says nothing for onsite jobs', () => {
    const lines = splitPostingLines('Coder', 'Must reside in Texas.');
    expect(
      extractRemoteEligibility({ externalId: 'x', title: 'Coder' }, lines, 'onsite').remoteStates,
    ).toBeNull();
  });
});
