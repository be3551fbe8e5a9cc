import { BusinessCalendar } from './business-calendar';
import type { CalendarSpec } from './calendar-spec';
import { mergeDateSpans, type DateSpan } from './instants';
import { mergeSegments } from './time-segment';

/**
 * A calendar whose open time also includes `windows` (e.g. approved after-hours attention), on top of
 * its weekly hours and any windows it already had. Holidays do not close a window. `calendar` is unchanged.
 * Cheap: the new calendar shares the materialised weekly hours and only re-merges the years a window touches.
 */
export function withOpenWindows(calendar: BusinessCalendar, windows: DateSpan[]): BusinessCalendar {
  const extra = mergeDateSpans('windows', windows);
  return new BusinessCalendar(calendar.spec, calendar.hours, mergeSegments([...calendar.windows, ...extra]));
}

/** The spec the calendar was parsed from (frozen). Extra open windows are not part of it. */
export function calendarSpecOf(calendar: BusinessCalendar): Readonly<CalendarSpec> {
  return calendar.spec;
}
