import {
  ageText,
  credentialChips,
  payAsWritten,
  payLine,
  payPerYear,
  placesLine,
  remoteOpenTo,
  workModeLine,
} from './listing-facts';

const hourly = {
  min: 24,
  max: 29,
  period: 'hour' as const,
  currency: 'USD',
  annualMin: 49920,
  annualMax: 60320,
};

describe('pay', () => {
  it('states pay as written and per year', () => {
    expect(payAsWritten(hourly)).toBe('$24–$29 an hour');
    expect(payPerYear(hourly)).toBe('$49,920–$60,320 a year');
    expect(payLine(hourly)).toBe('$24–$29 an hour (about $49,920–$60,320 a year)');
  });

  it('keeps cents where the posting had them, and says once what is already yearly', () => {
    expect(payAsWritten({ ...hourly, min: 21.5, max: 26 })).toBe('$21.50–$26.00 an hour');
    const yearly = {
      min: 55000,
      max: 70000,
      period: 'year' as const,
      currency: 'USD',
      annualMin: 55000,
      annualMax: 70000,
    };
    expect(payLine(yearly)).toBe('$55,000–$70,000 a year');
  });

  it('reads open ranges and per-chart pay, which has no yearly figure', () => {
    expect(payAsWritten({ ...hourly, max: null })).toBe('from $24 an hour');
    const chart = {
      min: null,
      max: 4,
      period: 'chart' as const,
      currency: 'USD',
      annualMin: null,
      annualMax: null,
    };
    expect(payLine(chart)).toBe('up to $4 a chart');
    expect(payLine(null)).toBeNull();
  });
});

describe('remote eligibility', () => {
  const remote = { workMode: 'remote' as const, remoteStates: ['TX', 'OK', 'AR'], remoteExcludedStates: [] };
  it('names the states a remote role is open to, or those it excludes', () => {
    expect(workModeLine(remote)).toBe('Remote: TX, OK, AR residents only');
    expect(workModeLine({ ...remote, remoteStates: null, remoteExcludedStates: ['CA', 'NY'] })).toBe(
      'Remote anywhere in the US except CA, NY',
    );
    expect(workModeLine({ ...remote, remoteStates: null })).toBe('Remote anywhere in the US');
    expect(workModeLine({ ...remote, workMode: 'hybrid' as const })).toBe('Hybrid');
  });

  it('answers whether a resident of a state may take it', () => {
    expect(remoteOpenTo(remote, 'TX')).toBe(true);
    expect(remoteOpenTo(remote, 'CA')).toBe(false);
    expect(remoteOpenTo({ ...remote, remoteStates: null, remoteExcludedStates: ['CA'] }, 'CA')).toBe(false);
    expect(remoteOpenTo({ ...remote, workMode: 'onsite' as const }, 'TX')).toBeNull();
  });
});

describe('credentialChips', () => {
  it('shows required, any-of and preferred credentials and the notes that widen them', () => {
    const chips = credentialChips({
      required: [],
      anyOf: [['CPC', 'CCS']],
      preferred: ['CRC'],
      requiredWithinDays: 180,
      equivalentAccepted: true,
      apprenticeAccepted: true,
    });
    expect(chips.map((c) => c.text)).toEqual([
      'One of CPC, CCS (within 6 months of hire)',
      'CRC preferred',
      'CPC-A welcome',
      'or an equivalent credential',
    ]);
    expect(chips[0].names).toBe('Certified Professional Coder, Certified Coding Specialist');
  });

  it('marks required credentials with their deadline', () => {
    const chips = credentialChips({
      required: ['RHIT'],
      anyOf: [],
      preferred: [],
      requiredWithinDays: 365,
      equivalentAccepted: false,
      apprenticeAccepted: false,
    });
    expect(chips).toEqual([
      {
        tone: 'required',
        text: 'RHIT required within 1 year of hire',
        names: 'Registered Health Information Technician',
      },
    ]);
  });
});

describe('placesLine and ageText', () => {
  it('lists distinct places, at most three', () => {
    const at = (city: string) => ({ city, state: 'TX', postalCode: null, lat: null, lon: null });
    expect(placesLine({ locations: [at('Dallas'), at('Dallas'), at('Austin')] })).toBe(
      'Dallas, TX; Austin, TX',
    );
    expect(placesLine({ locations: ['A', 'B', 'C', 'D', 'E'].map(at) })).toBe(
      'A, TX; B, TX; C, TX and 2 more',
    );
  });

  it('says how long ago, then the date', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(ageText('2026-12-01T01:00:00Z', now)).toBe('today');
    expect(ageText('2026-11-28T12:00:00Z', now)).toBe('3 days ago');
    expect(ageText('2026-09-01T12:00:00Z', now)).toBe('Sep 1, 2026');
  });
});
