import { mexicanRestDays, parseCalendar, type BusinessCalendar } from '../../../shared/domain/calendar';

const WEEKDAY: Array<[string, string]> = [['08:30', '18:00']];

/** The policy's calendar: Mon-Fri 08:30-18:00 in Mexico City with the rest days of 2026 and 2027. */
export function mexicoCalendar(holidays: string[] = [...mexicanRestDays(2026), ...mexicanRestDays(2027)]): BusinessCalendar {
  return parseCalendar({
    timezone: 'America/Mexico_City',
    weekly: { mon: WEEKDAY, tue: WEEKDAY, wed: WEEKDAY, thu: WEEKDAY, fri: WEEKDAY },
    holidays,
  });
}

/** An instant from an ISO string with offset, e.g. "2026-03-09T08:30-06:00". */
export function at(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`bad test instant ${iso}`);
  return date;
}
