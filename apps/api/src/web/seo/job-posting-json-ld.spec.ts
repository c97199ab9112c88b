import { jobPostingJsonLd, jsonLdScriptText, type JobPostingListing } from './job-posting-json-ld';

const listing = (over: Partial<JobPostingListing> = {}): JobPostingListing => ({
  id: '8a1d4c7e-5b9f-4e2a-9c61-0f3b2d7a6e15',
  status: 'open',
  closedReason: null,
  title: 'Remote Medical Coder II',
  employer: 'Lakeside Health System',
  url: 'https://careers.lakeside.example/jobs/4411',
  role: 'coder',
  certifications: {
    required: ['CPC'],
    anyOf: [],
    preferred: [],
    requiredWithinDays: null,
    equivalentAccepted: false,
    apprenticeAccepted: false,
  },
  specialties: ['profee'],
  codingSystems: ['CPT'],
  workMode: 'remote' as const,
  remoteStates: ['TX', 'OK'],
  remoteExcludedStates: [],
  remoteCountry: 'US',
  location: null,
  locations: [],
  salary: { min: 24, max: 29, period: 'hour' as const, currency: 'USD', annualMin: 49920, annualMax: 60320 },
  employmentType: 'full_time',
  minYearsExperience: 2,
  education: null,
  ehrSystems: [],
  encoderSystems: [],
  postedAt: '2026-11-18T14:00:00.000Z',
  validThrough: null,
  firstSeenAt: '2026-11-18T15:00:00.000Z',
  lastSeenAt: '2026-11-22T09:00:00.000Z',
  changedAt: '2026-11-18T15:00:00.000Z',
  closedAt: null,
  descriptionHtml: '<p>Code <strong>profee</strong> visits.</p>',
  ...over,
});

const URL = 'https://coderjobs.example/jobs/8a1d4c7e-5b9f-4e2a-9c61-0f3b2d7a6e15-remote-medical-coder-ii';

describe('jobPostingJsonLd', () => {
  it('states a remote role as TELECOMMUTE with one State per allowed state', () => {
    const ld = jobPostingJsonLd(listing(), URL)!;
    expect(ld).toMatchObject({
      '@type': 'JobPosting',
      title: 'Remote Medical Coder II',
      datePosted: '2026-11-18T14:00:00.000Z',
      hiringOrganization: { '@type': 'Organization', name: 'Lakeside Health System' },
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: [
        { '@type': 'State', name: 'Texas' },
        { '@type': 'State', name: 'Oklahoma' },
      ],
      identifier: { '@type': 'PropertyValue', name: 'CoderJobs', value: listing().id },
      employmentType: 'FULL_TIME',
      directApply: false,
      url: URL,
      baseSalary: {
        '@type': 'MonetaryAmount',
        currency: 'USD',
        value: { '@type': 'QuantitativeValue', minValue: 24, maxValue: 29, unitText: 'HOUR' },
      },
      experienceRequirements: { monthsOfExperience: 24 },
    });
    expect(ld.jobLocation).toBeUndefined();
  });

  it('lists every state but the excluded ones, or the whole country when remote has no rule', () => {
    const excluding = jobPostingJsonLd(
      listing({ remoteStates: null, remoteExcludedStates: ['CA', 'NY'] }),
      URL,
    )!;
    const names = (excluding.applicantLocationRequirements as { name: string }[]).map((s) => s.name);
    expect(names).toContain('Texas');
    expect(names).not.toContain('California');
    expect(names).not.toContain('New York');
    const anywhere = jobPostingJsonLd(listing({ remoteStates: null }), URL)!;
    expect(anywhere.applicantLocationRequirements).toEqual({ '@type': 'Country', name: 'USA' });
  });

  it('gives onsite and hybrid roles their places, and none without one', () => {
    const dallas = { city: 'Dallas', state: 'TX', postalCode: '75201', lat: 32.8, lon: -96.8 };
    const ld = jobPostingJsonLd(listing({ workMode: 'hybrid' as const, locations: [dallas] }), URL)!;
    expect(ld.jobLocation).toEqual({
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressLocality: 'Dallas',
        addressRegion: 'TX',
        postalCode: '75201',
        addressCountry: 'US',
      },
    });
    expect(ld.jobLocationType).toBeUndefined();
    expect(jobPostingJsonLd(listing({ workMode: 'onsite' as const, locations: [] }), URL)).toBeNull();
  });

  it('uses a stated expiry, else 30 days after a source last showed the listing', () => {
    expect(jobPostingJsonLd(listing({ validThrough: '2026-12-31T00:00:00.000Z' }), URL)!.validThrough).toBe(
      '2026-12-31T00:00:00.000Z',
    );
    expect(jobPostingJsonLd(listing(), URL)!.validThrough).toBe('2026-12-22T09:00:00.000Z');
  });

  it('leaves out pay Google cannot state (per chart) and states a single figure as a value', () => {
    const perChart = {
      min: 3,
      max: 4,
      period: 'chart' as const,
      currency: 'USD',
      annualMin: null,
      annualMax: null,
    };
    expect(jobPostingJsonLd(listing({ salary: perChart }), URL)!.baseSalary).toBeUndefined();
    const flat = {
      min: 55000,
      max: 55000,
      period: 'year' as const,
      currency: 'USD',
      annualMin: 55000,
      annualMax: 55000,
    };
    expect(jobPostingJsonLd(listing({ salary: flat }), URL)!.baseSalary).toMatchObject({
      value: { value: 55000, unitText: 'YEAR' },
    });
  });

  it('is null for closed listings and listings without an employer', () => {
    expect(jobPostingJsonLd(listing({ status: 'closed' }), URL)).toBeNull();
    expect(jobPostingJsonLd(listing({ employer: null }), URL)).toBeNull();
  });
});

describe('jsonLdScriptText', () => {
  it('cannot close its script element, whatever the text holds', () => {
    const text = jsonLdScriptText({ title: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ title: '</script><script>alert(1)</script>' });
  });
});
