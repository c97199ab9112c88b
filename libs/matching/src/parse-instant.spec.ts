import { parseInstant } from './parse-instant';

describe('parseInstant', () => {
  it('agrees with Date.parse on toISOString output, with and without milliseconds', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const disagreements: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      // Years 1000 to 9999, any millisecond.
      const time = Date.UTC(1000, 0, 1) + random() * (Date.UTC(9999, 11, 31) - Date.UTC(1000, 0, 1));
      const iso = new Date(Math.floor(time)).toISOString();
      for (const text of [iso, `${iso.slice(0, 19)}Z`]) {
        if (parseInstant(text) !== Date.parse(text)) disagreements.push(text);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('agrees with Date.parse on every day 00-32 of every month 00-13, leap years included', () => {
    for (const year of ['1900', '2000', '2024', '2026']) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T12:00:00.000Z`;
          expect([text, parseInstant(text)]).toEqual([text, Date.parse(text)]);
        }
      }
    }
  });

  it('agrees with Date.parse on other shapes and on fields out of range', () => {
    const texts = [
      '2026-03-01T24:00:00.000Z',
      '2026-03-01T23:60:00Z',
      '2026-03-01T23:59:60Z',
      '2026-03-01T-1:00:00Z',
      '2026-03-01T12:00:00.5Z',
      '2026-03-01T12:00:00.12345Z',
      '2026-03-01t12:00:00Z',
      '2026-03-01T12:00:00z',
      '2026-03-01T12:00:00+02:00',
      '2026-03-01T12:00:00',
      '2026-03-01',
      '+002026-03-01T12:00:00.000Z',
      '0050-03-01T12:00:00.000Z',
      '0999-03-01T12:00:00.000Z',
      '20a6-03-01T12:00:00.000Z',
      '2026-03-01T12:00:00.0a0Z',
      '2026/03/01T12:00:00.000Z',
      'Sun, 01 Mar 2026 12:00:00 GMT',
      '',
      'not a date at all, 24 ch',
    ];
    for (const text of texts) expect([text, parseInstant(text)]).toEqual([text, Date.parse(text)]);
  });
});
