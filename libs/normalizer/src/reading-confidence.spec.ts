import { normalizePosting } from './normalize-posting';

const listing = (title: string, description: string) =>
  normalizePosting({ externalId: 'x', title, description, descriptionFormat: 'text' });

describe('confidence of inferred readings', () => {
  it('is high where the posting states the facts', () => {
    const read = listing(
      'Medical Biller',
      'Submit clean claims and post payments.\nFull-time. Pay: $20 - $24 per hour.\nRemote - must reside in TX or OK.',
    );
    expect(read.confidence).toEqual({
      role: { level: 'high', basis: 'read from the duties' },
      salary: { level: 'high', basis: 'amount and period stated' },
      remoteStates: { level: 'high', basis: 'states named as who may apply' },
      employmentType: { level: 'high', basis: 'stated' },
    });
  });

  it('is lower where a value was worked out: role from the title, pay period from size, type from hours', () => {
    const read = listing(
      'Medical Biller',
      'Join our team.\n40 hours per week.\nSalary range: $45,000 - $52,000.',
    );
    expect(read.confidence?.role).toEqual({ level: 'medium', basis: expect.stringMatching(/title alone/) });
    expect(read.confidence?.salary).toEqual({
      level: 'low',
      basis: expect.stringMatching(/size of the amount/),
    });
    expect(read.confidence?.employmentType).toEqual({
      level: 'medium',
      basis: expect.stringMatching(/hours/),
    });
  });

  it('reads remote states beside a remote tag with medium confidence', () => {
    const read = listing('Payment Poster', 'Location: Remote - TX, OK, AR\nPost payments from ERAs.');
    expect(read.remoteStates).toEqual(['AR', 'OK', 'TX']);
    expect(read.confidence?.remoteStates?.level).toBe('medium');
  });

  it('says when the role is other for want of any coding or billing words, and leaves out empty fields', () => {
    const read = listing('Office Coordinator', 'Order supplies and greet visitors.');
    expect(read.confidence).toEqual({
      role: { level: 'low', basis: expect.stringMatching(/no coding or billing/) },
    });
  });
});
