import { splitPostingLines, type SectionKind } from './posting-lines';

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
});
