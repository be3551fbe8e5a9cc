import { formatCivilDate, MS_PER_DAY, weekdayIndex } from './civil-date';
import { wallTimeToEpoch } from './local-time';
import { ShiftYear } from './shift-year';
import { mergeSegments, subtractSegments, type TimeSegment } from './time-segment';
import type { WeeklySchedule } from './weekly-schedule';
import type { HolidaySpan } from './year-table';
import { ZoneOffsets } from './zone-offsets';

/** What a year's open time is built from: the weekly hours of a calendar. */
export interface WeeklyHoursSource {
  /** Prints the zone's UTC offset (see offsetFormatter). */
  readonly offsets: Intl.DateTimeFormat;
  readonly schedule: WeeklySchedule;
  readonly holidays: ReadonlySet<string>;
}

/**
 * The open time of UTC `year` from weekly shifts and holidays: each local date's shifts turned into
 * instants (the only place the zone is consulted), holiday shifts set aside, clipped to the year.
 */
export function materialiseYear(source: WeeklyHoursSource, year: number): ShiftYear {
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const open: TimeSegment[] = [];
  const removed: HolidaySpan[] = [];
  const zone = new ZoneOffsets(source.offsets, from - 4 * MS_PER_DAY, to + 4 * MS_PER_DAY);
  const offsetAt = (t: number) => zone.offsetAt(t);
  // Local dates whose shifts can reach into [from, to): offsets stay within +-14 h, shifts within 48 h.
  for (let day = from - 2 * MS_PER_DAY; day <= to; day += MS_PER_DAY) {
    const shifts = source.schedule[weekdayIndex(day)];
    if (shifts.length === 0) continue;
    const date = formatCivilDate(day);
    const isHoliday = source.holidays.has(date);
    for (const shift of shifts) {
      const start = Math.max(from, wallTimeToEpoch(offsetAt, day, shift.startMinute));
      const end = Math.min(to, wallTimeToEpoch(offsetAt, day, shift.endMinute));
      if (end <= start) continue;
      if (isHoliday) removed.push({ start, end, date });
      else open.push({ start, end });
    }
  }
  const merged = mergeSegments(open);
  const holidaySpans = removed.flatMap((span) => subtractSegments([span], merged).map((part) => ({ ...part, date: span.date })));
  return new ShiftYear(
    from,
    to,
    merged,
    holidaySpans.sort((a, b) => a.start - b.start),
  );
}
