import { postingFormSchema } from '#recruiting';
import { samplePostingExample } from '../../recruiters/posting-example';
import {
  EMPTY_POSTING_FORM,
  postingBody,
  postingFieldOf,
  postingFormValues,
  readPostingForm,
} from './posting-form-fields';

describe('the posting form on the page', () => {
  it('reads the posted fields into the API body', () => {
    const values = readPostingForm({
      ...EMPTY_POSTING_FORM,
      title: 'Coder',
      required: 'cpc, CRC',
      anyOf: 'CPC or CCS; RHIT or RHIA',
      specialties: 'outpatient',
      workMode: 'hybrid',
      locations: 'Dallas, TX 75201\nAustin, Texas',
      remoteMode: 'allowed',
      remoteStates: 'tx ok',
      payMin: '$24',
      payMax: '29.50',
      apprenticeWelcome: 'true',
      unknown: 'ignored',
    });
    const body = postingBody(values);
    expect(body.credentials).toEqual({
      required: ['CPC', 'CRC'],
      anyOf: [
        ['CPC', 'CCS'],
        ['RHIT', 'RHIA'],
      ],
      preferred: [],
      withinDays: null,
      apprenticeWelcome: true,
    });
    expect(body.specialties).toEqual(['outpatient']);
    expect(body.locations).toEqual([
      { city: 'Dallas', state: 'TX', postalCode: '75201' },
      { city: 'Austin', state: 'TX', postalCode: null },
    ]);
    expect(body.remoteStates).toEqual({ mode: 'allowed', states: ['TX', 'OK'] });
    expect(body.pay).toEqual({ min: 24, max: 29.5, period: 'hour', currency: 'USD' });
    expect(body.applyUrl).toBeNull();
  });

  it('writes a saved posting back into the same fields', () => {
    const form = postingFormSchema.parse(samplePostingExample);
    const again = postingFormSchema.parse(postingBody(postingFormValues(form)));
    expect(again).toEqual(form);
  });

  it('names the page field of an API error path', () => {
    expect(postingFieldOf('posting.pay.max')).toBe('payMax');
    expect(postingFieldOf('posting.remoteStates.states')).toBe('remoteStates');
    expect(postingFieldOf('posting.credentials.anyOf.0')).toBe('anyOf');
    expect(postingFieldOf('posting.title')).toBe('title');
    expect(postingFieldOf('posting.nothing')).toBeNull();
  });
});
