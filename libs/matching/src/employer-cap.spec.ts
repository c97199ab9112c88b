import { applyEmployerCap } from './employer-cap';

const item = (id: string, employer: string | null) => ({ id, employer });
const ids = (items: { id: string }[]) => items.map((i) => i.id).join(' ');
const employerOf = (i: { employer: string | null }) => i.employer;

describe('applyEmployerCap', () => {
  it('moves an employer past its cap to just after the first page, dropping nothing', () => {
    const ranked = [
      item('a1', 'A'),
      item('a2', 'A'),
      item('a3', 'A'),
      item('b1', 'B'),
      item('c1', 'C'),
      item('a4', 'A'),
    ];
    expect(ids(applyEmployerCap(ranked, employerOf, 2, 3))).toBe('a1 a2 b1 a3 c1 a4');
  });

  it('counts spellings of one employer together and leaves listings without an employer alone', () => {
    const ranked = [
      item('1', 'Acme Inc.'),
      item('2', 'ACME'),
      item('3', null),
      item('4', null),
      item('5', 'B'),
    ];
    expect(ids(applyEmployerCap(ranked, employerOf, 1, 3))).toBe('1 3 4 2 5');
  });

  it('tops up a short page from the moved items when too few employers are left', () => {
    const ranked = [item('a1', 'A'), item('a2', 'A'), item('a3', 'A'), item('b1', 'B')];
    expect(ids(applyEmployerCap(ranked, employerOf, 1, 3))).toBe('a1 b1 a2 a3');
  });

  it('changes nothing when the cap cannot bind', () => {
    const ranked = [item('a1', 'A'), item('a2', 'A')];
    expect(ids(applyEmployerCap(ranked, employerOf, 3, 20))).toBe('a1 a2');
    expect(ids(applyEmployerCap(ranked, employerOf, 5, 5))).toBe('a1 a2');
  });
});
