import { postingListing } from './posting-listing';
import { postingWarnings, statesOpenTo } from './posting-warnings';
import { samplePosting } from '../testing/posting-fixtures';
import type { PostingFormInput } from './posting-form';

const now = new Date('2026-03-01T12:00:00Z');
const warn = (overrides: Partial<PostingFormInput>) => {
  const form = samplePosting(overrides);
  const { read } = postingListing(form, { postedAt: now, validThrough: now }, now);
  return postingWarnings(form, read, now);
};
const codes = (overrides: Partial<PostingFormInput>) => warn(overrides).map((w) => w.code);

describe('preview warnings', () => {
  it('has nothing to say about a posting whose fields and description agree', () => {
    expect(warn({})).toEqual([]);
  });

  it('says when the description requires a credential the fields leave out', () => {
    const w = warn({ credentials: { required: [] } });
    expect(w[0]).toMatchObject({ code: 'CREDENTIAL_NOT_IN_FIELDS', field: 'credentials.required' });
    expect(w[0].message).toBe('The description says CPC required; the credentials field is empty.');
    expect(codes({ credentials: { required: ['CPC', 'CRC'] } })).toContain('CREDENTIAL_NOT_IN_DESCRIPTION');
  });

  it('warns about remote work open to every state, and states that disagree', () => {
    expect(
      codes({
        remoteStates: { mode: 'any', states: [] },
        description:
          'Remote coder for outpatient records with ICD-10-CM and CPT. CPC required. 2+ years of coding.',
      }),
    ).toContain('REMOTE_WITHOUT_STATES');
    expect(codes({ remoteStates: { mode: 'any', states: [] } })).toContain('REMOTE_STATES_DISAGREE');
    expect(codes({ remoteStates: { mode: 'allowed', states: ['TX'] } })).toContain('REMOTE_STATES_DISAGREE');
  });

  it('wants pay where a pay-transparency law covers the states the role is open to', () => {
    expect(codes({ pay: null, remoteStates: { mode: 'allowed', states: ['CO'] } })).toContain(
      'PAY_MISSING_WHERE_REQUIRED',
    );
    expect(codes({ pay: null, remoteStates: { mode: 'allowed', states: ['TX', 'OK'] } })).not.toContain(
      'PAY_MISSING_WHERE_REQUIRED',
    );
    // Remote in every state but the law states still reaches some of them.
    const w = warn({ pay: null, remoteStates: { mode: 'excluded', states: ['CA'] } });
    expect(w.find((x) => x.code === 'PAY_MISSING_WHERE_REQUIRED')?.message).toMatch(/CO, WA, NY/);
  });

  it('respects when each law took effect', () => {
    const form = samplePosting({ pay: null, remoteStates: { mode: 'allowed', states: ['MA'] } });
    const before = new Date('2025-06-01T00:00:00Z');
    const { read } = postingListing(form, { postedAt: before, validThrough: before }, before);
    expect(postingWarnings(form, read, before).map((w) => w.code)).not.toContain(
      'PAY_MISSING_WHERE_REQUIRED',
    );
    expect(postingWarnings(form, read, now).map((w) => w.code)).toContain('PAY_MISSING_WHERE_REQUIRED');
  });

  it('compares pay, work mode and experience with the description', () => {
    expect(codes({ description: samplePosting().description + ' Pay: $30.00 - $35.00 per hour.' })).toContain(
      'PAY_DISAGREES',
    );
    expect(codes({ minYearsExperience: 5 })).toContain('EXPERIENCE_DISAGREES');
    expect(
      codes({
        workMode: 'onsite',
        remoteStates: { mode: 'any', states: [] },
        locations: [{ city: 'Dallas', state: 'TX' }],
      }),
    ).toContain('WORK_MODE_DISAGREES');
  });

  it('lists the states an on-site role is open to', () => {
    const form = samplePosting({
      workMode: 'onsite',
      remoteStates: { mode: 'any', states: [] },
      locations: [{ city: 'Denver', state: 'CO' }],
    });
    expect([...statesOpenTo(form)]).toEqual(['CO']);
  });
});
