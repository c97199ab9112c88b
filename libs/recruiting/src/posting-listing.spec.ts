import { postingListing } from './posting-listing';
import { samplePosting } from '../testing/posting-fixtures';

const dates = { postedAt: new Date('2026-03-01T12:00:00Z'), validThrough: new Date('2026-03-31T12:00:00Z') };

describe('a posting as a listing', () => {
  it('takes the structured fields over the description', () => {
    const { facts, applyUrl } = postingListing(
      samplePosting({
        description: 'Inpatient coder. CCS required. Remote in any state. $40/hr. '.repeat(2),
      }),
      dates,
    );
    expect(facts.role).toBe('coder');
    expect(facts.certifications.required).toEqual(['CPC']);
    expect(facts.remoteStates).toEqual(['OK', 'TX']);
    expect(facts.salary).toMatchObject({ min: 24, max: 29, period: 'hour', annualMin: 24 * 2080 });
    expect(facts.validThrough).toBe('2026-03-31T12:00:00.000Z');
    expect(applyUrl).toBe('https://careers.mercy.example/jobs/123');
  });

  it('places on-site locations, keeps per-chart pay without a yearly figure, and sanitizes the description', () => {
    const { facts, applyUrl } = postingListing(
      samplePosting({
        workMode: 'onsite',
        remoteStates: { mode: 'any', states: [] },
        locations: [{ city: 'Dallas', state: 'TX' }],
        pay: { min: 4, max: 6, period: 'chart' },
        applyUrl: null,
        applyEmail: 'jobs@mercy.example',
        description:
          '<p>Code charts <script>alert(1)</script> on site in Dallas. CPC required. Two years.</p>',
      }),
      dates,
    );
    expect(facts.locations[0]).toMatchObject({ city: 'Dallas', state: 'TX' });
    expect(facts.locations[0].lat).not.toBeNull();
    expect(facts.remoteStates).toBeNull();
    expect(facts.salary).toMatchObject({ period: 'chart', annualMin: null });
    expect(facts.descriptionHtml).not.toContain('<script');
    expect(applyUrl).toBe('mailto:jobs@mercy.example');
  });
});
