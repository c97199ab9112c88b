import { isTimeZone, nextDueAt, periodOf, type DigestSchedule } from './schedule';

const chicago: DigestSchedule = {
  frequency: 'daily',
  sendHour: 7,
  sendWeekday: 1,
  timeZone: 'America/Chicago',
};

describe('nextDueAt', () => {
  it('is the next send hour in the subscriber time zone', () => {
    // 2026-12-06 10:00 UTC is 04:00 in Chicago (UTC-6): due at 07:00 local, 13:00 UTC, the same day.
    expect(nextDueAt(chicago, new Date('2026-12-06T10:00:00Z')).toISOString()).toBe(
      '2026-12-06T13:00:00.000Z',
    );
    // Exactly at the due time: the next one is a day later.
    expect(nextDueAt(chicago, new Date('2026-12-06T13:00:00Z')).toISOString()).toBe(
      '2026-12-07T13:00:00.000Z',
    );
  });

  it('follows daylight saving time', () => {
    // 2026-07-01: Chicago is UTC-5.
    expect(nextDueAt(chicago, new Date('2026-07-01T00:00:00Z')).toISOString()).toBe(
      '2026-07-01T12:00:00.000Z',
    );
  });

  it('puts a weekly digest on its weekday', () => {
    const weekly: DigestSchedule = { ...chicago, frequency: 'weekly', sendWeekday: 1 };
    // Sunday 2026-12-06: next Monday the 7th.
    const due = nextDueAt(weekly, new Date('2026-12-06T20:00:00Z'));
    expect(due.toISOString()).toBe('2026-12-07T13:00:00.000Z');
    expect(nextDueAt(weekly, due).toISOString()).toBe('2026-12-14T13:00:00.000Z');
  });

  it('works in zones that are not whole hours from UTC', () => {
    const kolkata: DigestSchedule = { ...chicago, timeZone: 'Asia/Kolkata', sendHour: 8 };
    expect(nextDueAt(kolkata, new Date('2026-12-06T00:00:00Z')).toISOString()).toBe(
      '2026-12-06T02:30:00.000Z',
    );
  });
});

describe('periodOf', () => {
  it('names the local date of the due time, so reruns name the same period', () => {
    expect(periodOf(chicago, new Date('2026-12-07T05:00:00Z'))).toBe('daily:2026-12-06');
    expect(periodOf({ ...chicago, frequency: 'weekly' }, new Date('2026-12-07T13:00:00Z'))).toBe(
      'weekly:2026-12-07',
    );
  });
});

describe('isTimeZone', () => {
  it('knows IANA names and refuses anything else', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('../../etc')).toBe(false);
  });
});
