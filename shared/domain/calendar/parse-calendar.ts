import { IANAZone } from 'luxon';
import { CalendarError } from '../common/errors';
import { BusinessCalendar } from './business-calendar';
import type { CalendarSpec } from './calendar-spec';
import { parseCivilDate } from './civil-date';
import { WeeklyHours } from './weekly-hours';
import { parseWeeklySchedule } from './weekly-schedule';

/**
 * Checks a calendar spec (JSON shape of CalendarSpec) and builds its BusinessCalendar. Throws a
 * CalendarError naming the bad field (`timezone`, `weekly.mon[0]`, `holidays[3]`) for an unknown zone,
 * an unknown weekday, a malformed time, overlapping shifts or a bad date.
 */
export function parseCalendar(spec: CalendarSpec): BusinessCalendar {
  const input: unknown = spec;
  if (typeof input !== 'object' || input === null)
    throw new CalendarError('calendar', 'must be an object {timezone, weekly, holidays}');
  const { timezone, weekly, holidays } = input as Record<string, unknown>;
  if (typeof timezone !== 'string' || !IANAZone.isValidZone(timezone)) {
    throw new CalendarError('timezone', `unknown IANA time zone ${JSON.stringify(timezone)}`);
  }
  const schedule = parseWeeklySchedule(weekly);
  if (!Array.isArray(holidays)) throw new CalendarError('holidays', 'must be an array of "YYYY-MM-DD" dates');
  holidays.forEach((date: unknown, i) => {
    if (parseCivilDate(date) === null)
      throw new CalendarError(`holidays[${i}]`, `bad date ${JSON.stringify(date)}: expected a real "YYYY-MM-DD"`);
  });
  const copy: CalendarSpec = {
    timezone,
    weekly: Object.fromEntries(
      Object.entries(weekly as CalendarSpec['weekly'])
        .filter(([, list]) => list !== undefined)
        .map(([day, list]) => [day, (list ?? []).map(([a, b]) => [a, b] as [string, string])]),
    ),
    holidays: [...(holidays as string[])],
  };
  return new BusinessCalendar(deepFreeze(copy), new WeeklyHours(timezone, schedule, new Set(copy.holidays)), []);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
