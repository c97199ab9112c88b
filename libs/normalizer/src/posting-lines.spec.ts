import { splitClauses, splitPostingLines, type SectionKind } from './posting-lines';

function sections(text: string): [string, SectionKind][] {
  return splitPostingLines('Coder', text)
    .slice(1)
    .map((line) => [line.text, line.section]);
}

describe('splitPostingLines', () => {
  it('ends an "About <employer>" section where the job starts without a heading of its own', () => {
    expect(
      sections(
        'About Prairie Rose Health\n' +
          'Prairie Rose Health is a nonprofit system of three hospitals.\n' +
          'Code office visits and operative reports for our spine surgeons.\n' +
          '- CPC required.',
      ),
    ).toEqual([
      ['About Prairie Rose Health', 'about'],
      ['Prairie Rose Health is a nonprofit system of three hospitals.', 'about'],
      ['Code office visits and operative reports for our spine surgeons.', 'intro'],
      ['- CPC required.', 'intro'],
    ]);
  });

  it.each([
    ['About Us\nWe are a family-owned company.\nOur mission is care close to home.'],
    ['About Mercy Valley\nMercy Valley is a system of four hospitals. Our coding team works remotely.'],
    ['Who we are\nFounded in 1902, Lakeside has been caring for the valley for generations.'],
  ])('keeps the employer section while it speaks of the employer: %j', (text) => {
    expect(sections(text).every(([, section]) => section === 'about')).toBe(true);
  });

  it('still lets a later heading decide', () => {
    expect(sections('About Us\nWe are a billing company.\nRequirements\nCPC required.')).toEqual([
      ['About Us', 'about'],
      ['We are a billing company.', 'about'],
      ['Requirements', 'requirements'],
      ['CPC required.', 'requirements'],
    ]);
  });

  it('reads a heading naming pay and benefits as pay, and "Working at <employer>" as benefits', () => {
    expect(sections('Compensation & Benefits:\n$21.00 / hour to $30.27 / hour')[1][1]).toBe('pay');
    expect(sections('Working at Acme\n- Flexible hours, remote-first')[1][1]).toBe('benefits');
    expect(sections('Recommended Qualifications\n3 years of billing')[1][1]).toBe('preferred');
  });

  it('joins a header broken after a slash', () => {
    expect(sections('Operations /\n\nFull-time Remote /\n\nUS\nApply now').map(([text]) => text)).toEqual([
      'Operations / Full-time Remote / US',
      'Apply now',
    ]);
  });

  it('cuts a long line at a sentence, not inside a word', () => {
    const sentence = 'Post payments from remittance files and balance the daily deposit. ';
    const lines = splitPostingLines('Coder', sentence.repeat(40)).slice(1);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.text.endsWith('deposit.')).toBe(true);
  });
});

describe('splitClauses', () => {
  it('does not end a sentence after an abbreviation or an initial', () => {
    expect(
      splitClauses('Come on site in St. Paul, MN as needed. Report to Dr. Lee or J. Smith. Then code.').map(
        (c) => c.text,
      ),
    ).toEqual(['Come on site in St. Paul, MN as needed.', 'Report to Dr. Lee or J. Smith.', 'Then code.']);
  });
});
