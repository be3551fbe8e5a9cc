import { BusinessCalendar } from './business-calendar';
import type { CalendarSpec } from './calendar-spec';
import { mergeDateSpans, type DateSpan } from './instants';
import { mergeSegments, type TimeSegment } from './time-segment';

/**
 * A calendar whose open time also includes `windows` (e.g. approved after-hours attention), on top of
 * its weekly hours and any windows it already had. Holidays do not close a window. `calendar` is unchanged.
 * Cheap: the new calendar shares the materialised weekly hours and only re-merges the years a window touches.
 */
export function withOpenWindows(calendar: BusinessCalendar, windows: DateSpan[]): BusinessCalendar {
  const extra = mergeDateSpans('windows', windows);
  return new BusinessCalendar(calendar.spec, calendar.hours, mergeSegments([...calendar.windows, ...extra]), calendar.closed);
}

/**
 * A calendar whose open time excludes `windows` (a ticket's pauses), even inside open windows: the
 * Zammad shape of a paused SLA, so elapsed business time is a plain businessMinutesBetween and a due
 * instant a plain addBusinessMinutes on it. `calendar` is unchanged; the new one reuses its year
 * tables (cheap per ticket: the cost grows with the pauses, not with the year's hours).
 */
export function withClosedWindows(calendar: BusinessCalendar, windows: DateSpan[]): BusinessCalendar {
  const closed = mergeDateSpans('windows', windows);
  if (closed.length === 0) return calendar;
  return withClosedSegments(calendar, closed);
}

/** withClosedWindows for segments already checked, merged and sorted (epoch ms): the SLA clock's hot path. */
export function withClosedSegments(calendar: BusinessCalendar, closed: readonly TimeSegment[]): BusinessCalendar {
  if (closed.length === 0) return calendar;
  const all = calendar.closed.length > 0 ? mergeSegments([...calendar.closed, ...closed]) : closed;
  return new BusinessCalendar(
    calendar.spec,
    calendar.hours,
    calendar.windows,
    all,
    calendar.closed.length > 0 ? undefined : calendar,
  );
}

/** The spec the calendar was parsed from (frozen). Extra open windows are not part of it. */
export function calendarSpecOf(calendar: BusinessCalendar): Readonly<CalendarSpec> {
  return calendar.spec;
}
