import { postingFormSchema } from './posting-form';
import { samplePostingInput } from '../testing/posting-fixtures';

const issues = (input: unknown) => {
  const r = postingFormSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('posting form', () => {
  it('accepts a complete posting and fills defaults', () => {
    const r = postingFormSchema.parse(
      samplePostingInput({ credentials: undefined, validThrough: undefined }),
    );
    expect(r.credentials).toEqual({
      required: [],
      anyOf: [],
      preferred: [],
      withinDays: null,
      apprenticeWelcome: false,
    });
    expect(r.validThrough).toBeNull();
  });

  it('names the field of each problem', () => {
    expect(issues(samplePostingInput({ applyUrl: null }))).toContain(
      'applyUrl: give an apply address or an apply e-mail',
    );
    expect(issues(samplePostingInput({ applyUrl: 'javascript:alert(1)' }))[0]).toMatch(/^applyUrl:/);
    expect(
      issues(samplePostingInput({ workMode: 'onsite', remoteStates: { mode: 'any', states: [] } })),
    ).toContain('locations: an on-site or hybrid role needs a location');
    expect(issues(samplePostingInput({ pay: { min: 30, max: 20, period: 'hour' } }))).toContain(
      'pay.max: the minimum must not be above the maximum',
    );
    expect(issues(samplePostingInput({ remoteStates: { mode: 'allowed', states: [] } }))).toContain(
      'remoteStates.states: name the states',
    );
    expect(issues(samplePostingInput({ credentials: { required: ['NOPE' as 'CPC'] } }))[0]).toMatch(
      /^credentials\.required\.0:/,
    );
    expect(issues(samplePostingInput({ title: 'Coder\u0000' }))[0]).toMatch(/^title:/);
  });

  it('accepts per-chart pay', () => {
    expect(issues(samplePostingInput({ pay: { min: 3.5, max: 5, period: 'chart' } }))).toEqual([]);
  });
});
