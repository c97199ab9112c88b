// When a digest is due: at `sendHour` o'clock in the subscriber's time zone, every day or on one
// weekday. Worked out with Intl (the runtime's time zone data); a local hour skipped by a
// daylight-saving change falls an hour later or earlier, never on another day.

export interface DigestSchedule {
  frequency: 'daily' | 'weekly';
  sendHour: number;
  /** 0 Sunday .. 6 Saturday (weekly only). */
  sendWeekday: number;
  timeZone: string;
}

/** Whether the runtime knows the IANA zone name. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: number, timeZone: string): LocalParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(at)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** The zone's offset from UTC at instant `t`, in ms. */
function offsetAt(t: number, timeZone: string): number {
  const l = localParts(t, timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute) - Math.floor(t / 60_000) * 60_000;
}

/** The instant a local wall time names (the later reading when the clock went back). */
function atLocal(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return first === second ? first : Math.max(first, second);
}

/** The first due time strictly after `after`. */
export function nextDueAt(schedule: DigestSchedule, after: Date): Date {
  const start = localParts(after.getTime(), schedule.timeZone);
  for (let days = 0; days <= 8; days++) {
    // Day arithmetic on the local calendar date (UTC has no daylight saving to trip over).
    const date = new Date(Date.UTC(start.year, start.month - 1, start.day + days));
    if (schedule.frequency === 'weekly' && date.getUTCDay() !== schedule.sendWeekday) continue;
    const t = atLocal(
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      schedule.sendHour,
      schedule.timeZone,
    );
    if (t > after.getTime()) return new Date(t);
  }
  throw new Error(`no due time within 8 days in ${schedule.timeZone}`);
}

/**
 * The period a due time belongs to, the outbox's key: the local date the digest is for
 * (`daily:2026-12-07`, `weekly:2026-12-07`). Every run for one due time names the same period.
 */
export function periodOf(schedule: DigestSchedule, dueAt: Date): string {
  const p = localParts(dueAt.getTime(), schedule.timeZone);
  const date = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  return `${schedule.frequency}:${date}`;
}

/**
 * nextDueAt and periodOf remembered per schedule and instant: a page of a daily run asks them for
 * hundreds of subscriptions with a handful of distinct schedules, and each answer takes several
 * time-zone conversions. Bounded; meant to live as long as one page.
 */
export class ScheduleMemo {
  private readonly answers = new Map<string, Date | string>();

  nextDueAt(schedule: DigestSchedule, after: Date): Date {
    const key = `n|${scheduleKey(schedule)}|${after.getTime()}`;
    const known = this.answers.get(key);
    if (known instanceof Date) return new Date(known.getTime());
    const due = nextDueAt(schedule, after);
    this.remember(key, due);
    return new Date(due.getTime());
  }

  periodOf(schedule: DigestSchedule, dueAt: Date): string {
    const key = `p|${scheduleKey(schedule)}|${dueAt.getTime()}`;
    const known = this.answers.get(key);
    if (typeof known === 'string') return known;
    const period = periodOf(schedule, dueAt);
    this.remember(key, period);
    return period;
  }

  private remember(key: string, answer: Date | string): void {
    if (this.answers.size >= 10_000) this.answers.clear();
    this.answers.set(key, answer);
  }
}

const scheduleKey = (s: DigestSchedule) => `${s.frequency}|${s.sendHour}|${s.sendWeekday}|${s.timeZone}`;
