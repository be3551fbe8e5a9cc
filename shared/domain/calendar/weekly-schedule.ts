import { CalendarError } from '../common/errors';
import { WEEKDAYS, type Weekday } from './calendar-spec';

const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** One opening of the week: minutes after the local midnight of the day it starts on. */
export interface Shift {
  /** 0 = Monday ... 6 = Sunday. */
  readonly day: number;
  readonly startMinute: number;
  /** After startMinute; past 1440 for an overnight shift. */
  readonly endMinute: number;
  /** Where it came from in the spec, e.g. `weekly.mon[0]`. */
  readonly field: string;
}

/** The shifts of each weekday (index 0 = Monday), sorted by start. */
export type WeeklySchedule = readonly (readonly Shift[])[];

/** Parses and checks `spec.weekly`: known day keys, HH:MM times, "24:00" only as an end, no overlaps. */
export function parseWeeklySchedule(weekly: unknown): WeeklySchedule {
  if (typeof weekly !== 'object' || weekly === null || Array.isArray(weekly)) {
    throw new CalendarError('weekly', 'must be an object keyed by mon..sun');
  }
  const days: Shift[][] = WEEKDAYS.map(() => []);
  for (const [key, intervals] of Object.entries(weekly)) {
    const day = WEEKDAYS.indexOf(key as Weekday);
    if (day < 0) throw new CalendarError(`weekly.${key}`, `unknown weekday "${key}" (use ${WEEKDAYS.join(', ')})`);
    if (intervals === undefined) continue;
    if (!Array.isArray(intervals)) throw new CalendarError(`weekly.${key}`, 'must be an array of ["HH:MM", "HH:MM"] intervals');
    intervals.forEach((interval: unknown, i) => days[day].push(parseShift(day, `weekly.${key}[${i}]`, interval)));
  }
  for (const shifts of days) shifts.sort((a, b) => a.startMinute - b.startMinute);
  checkNoOverlap(days.flat());
  return days;
}

function parseShift(day: number, field: string, interval: unknown): Shift {
  if (!Array.isArray(interval) || interval.length !== 2) {
    throw new CalendarError(field, 'must be a pair ["HH:MM", "HH:MM"]');
  }
  const startMinute = parseTime(field, interval[0], false);
  const end = parseTime(field, interval[1], true);
  const endMinute = end > startMinute ? end : end + MINUTES_PER_DAY;
  return { day, startMinute, endMinute, field };
}

function parseTime(field: string, value: unknown, isEnd: boolean): number {
  if (isEnd && value === '24:00') return MINUTES_PER_DAY;
  const match = typeof value === 'string' ? TIME.exec(value) : null;
  if (match === null) {
    const allowed = isEnd ? '"HH:MM" from 00:00 to 24:00' : '"HH:MM" from 00:00 to 23:59';
    throw new CalendarError(field, `malformed time ${JSON.stringify(value)}: expected ${allowed}`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Shifts laid on the week (wrapping Sunday night into Monday) must not overlap; the later-starting one is named. */
function checkNoOverlap(shifts: Shift[]): void {
  const onWeek = shifts
    .map((s) => ({ shift: s, start: s.day * MINUTES_PER_DAY + s.startMinute, end: s.day * MINUTES_PER_DAY + s.endMinute }))
    .sort((a, b) => a.start - b.start);
  for (let i = 0; i < onWeek.length; i++) {
    const current = onWeek[i];
    const next = i + 1 < onWeek.length ? onWeek[i + 1] : undefined;
    const wrapped = onWeek[0];
    if (next !== undefined && current.end > next.start) throw overlap(next.shift, current.shift);
    if (next === undefined && onWeek.length > 0 && current.end > wrapped.start + MINUTES_PER_WEEK)
      throw overlap(wrapped.shift, current.shift);
  }
}

function overlap(shift: Shift, other: Shift): CalendarError {
  return new CalendarError(shift.field, `overlaps ${other.field}`);
}
