import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../domain/calendar';
import { addBusinessMinutes, businessMinutesBetween } from '../domain/calendar';
import { ValidationError } from '../domain/common';

/** Days scanned before giving up (a calendar with no open day for a year is a configuration error). */
const MAX_SCAN_DAYS = 366;

/**
 * When a ticket closes for no response: the end of business of the `businessDays`-th business day
 * after the day of the final notice (a business day is a local day with open time). A notice sent on
 * Monday with 5 days of notice closes at the end of business the next Monday.
 */
export function noResponseClosesAt(calendar: BusinessCalendar, finalNoticeAt: Date, businessDays: number): Date {
  const zone = calendar.spec.timezone;
  let day = DateTime.fromJSDate(finalNoticeAt, { zone }).startOf('day');
  let counted = 0;
  for (let scanned = 0; scanned < MAX_SCAN_DAYS; scanned++) {
    day = day.plus({ days: 1 });
    const start = day.toJSDate();
    const openMinutes = businessMinutesBetween(calendar, start, day.plus({ days: 1 }).toJSDate());
    if (openMinutes > 0) {
      counted += 1;
      if (counted >= businessDays) return addBusinessMinutes(calendar, start, openMinutes);
    }
  }
  throw new ValidationError('calendar', `no ${businessDays} business days within a year after ${finalNoticeAt.toISOString()}`);
}
