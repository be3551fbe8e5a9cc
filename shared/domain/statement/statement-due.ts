import { nextOpening, type BusinessCalendar } from '../calendar/index';
import { monthOf, monthSpan } from '../dashboard/months';
import { previousMonth } from './build-statement';

/**
 * The statement due at `at`: on or after the first business instant of a month (the calendar's first
 * opening in it), the month before is due; `undefined` before that opening. Months in the calendar's zone.
 */
export function statementMonthDue(calendar: BusinessCalendar, zone: string, at: Date): string | undefined {
  const month = monthOf(at, zone);
  const opening = nextOpening(calendar, new Date(monthSpan(month, zone).from));
  return at.getTime() >= opening.getTime() ? previousMonth(month) : undefined;
}
