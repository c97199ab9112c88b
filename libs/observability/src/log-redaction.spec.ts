import { maskEmail, maskEmails, sanitizeLogValue, truncateText } from './log-redaction';

describe('maskEmails', () => {
  it('masks every address in a text, keeping the first letter and the domain', () => {
    expect(maskEmails('Write to jane.doe@example.com or HR+coding@mercy-valley.org today.')).toBe(
      'Write to j***@example.com or H***@mercy-valley.org today.',
    );
  });

  it('leaves masked addresses and text without addresses alone', () => {
    expect(maskEmails('j***@example.com')).toBe('j***@example.com');
    expect(maskEmails('CPC @ 2 years, ICD-10-CM')).toBe('CPC @ 2 years, ICD-10-CM');
  });

  it('agrees with maskEmail for one address', () => {
    expect(maskEmails('maria.lopez@example.org')).toBe(maskEmail('maria.lopez@example.org'));
  });
});

describe('truncateText', () => {
  it('cuts with a marker saying how much went', () => {
    expect(truncateText('abcdefghij', 4)).toBe('abcd... [6 more characters cut]');
    expect(truncateText('abc', 4)).toBe('abc');
  });
});

describe('sanitizeLogValue', () => {
  it('withholds bodies and parameters, giving their size only', () => {
    const out = sanitizeLogValue({
      sourceId: 'gh-mercy',
      description: 'Send resumes to a.b@example.com',
      descriptionHtml: '<p>x</p>',
      parameters: ['[{"title":"Coder"}]', 3],
      detail: 'Failing row contains (...)',
    });
    expect(out).toEqual({
      sourceId: 'gh-mercy',
      description: '[31 characters not logged]',
      descriptionHtml: '[8 characters not logged]',
      parameters: '[2 values not logged]',
      detail: '[26 characters not logged]',
    });
  });

  it('masks and cuts strings at any depth, and bounds lists and depth', () => {
    const out = sanitizeLogValue({
      a: { b: { c: 'mail jo@example.com' } },
      long: 'x'.repeat(5000),
      list: Array.from({ length: 25 }, (_, i) => i),
      deep: { l1: { l2: { l3: { l4: 'gone' } } } },
    }) as Record<string, unknown>;
    expect(out.a).toEqual({ b: { c: 'mail j***@example.com' } });
    expect((out.long as string).length).toBeLessThan(1100);
    expect(out.list).toHaveLength(21);
    expect(out.deep).toEqual({ l1: { l2: { l3: '[object]' } } });
  });

  it('keeps an Error an Error, with only a safe name, message, code and stack', () => {
    const err = Object.assign(new Error('duplicate key for pat@example.com'), {
      code: '23505',
      query: 'INSERT INTO listings ...',
      parameters: ['x'.repeat(10_000)],
    });
    const out = sanitizeLogValue(err) as Error & Record<string, unknown>;
    expect(out).toBeInstanceOf(Error);
    expect(out.message).toBe('duplicate key for p***@example.com');
    expect(out.code).toBe('23505');
    expect(out.query).toBeUndefined();
    expect(out.parameters).toBeUndefined();
  });
});
