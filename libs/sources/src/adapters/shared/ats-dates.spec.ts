import { toIsoTimestamp } from './ats-dates';

describe('toIsoTimestamp', () => {
  it.each([
    [1778077800000, '2026-05-06T14:30:00.000Z'],
    ['1778077800000', '2026-05-06T14:30:00.000Z'],
    ['2026-05-04T08:00:12-04:00', '2026-05-04T12:00:12.000Z'],
    ['2026-05-09T17:05:00.000+00:00', '2026-05-09T17:05:00.000Z'],
    ['2026-05-05', '2026-05-05T00:00:00.000Z'],
    ['2026-05-18T23:59:59.9970', '2026-05-18T23:59:59.997Z'],
    ['2026-05-04 08:30', '2026-05-04T08:30:00.000Z'],
  ])('reads %p as %p, zone-less values as UTC', (input, expected) => {
    expect(toIsoTimestamp(input)).toBe(expected);
  });

  it.each([null, undefined, '', 'Posted 3 Days Ago', 0, -5, {}])('gives null for %p', (input) => {
    expect(toIsoTimestamp(input)).toBeNull();
  });
});
