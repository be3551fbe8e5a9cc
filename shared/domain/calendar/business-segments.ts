import type { BusinessCalendar } from './business-calendar';
import { epochOf, mergeDateSpans, type DateSpan } from './instants';
import { mergeSegments, subtractSegments, type TimeSegment } from './time-segment';
import type { HolidaySpan } from './year-table';

const MS_PER_MINUTE = 60_000;

/** Open time that counted. `minutes` is its real length. */
export interface CountedSegment {
  start: Date;
  end: Date;
  minutes: number;
}

/**
 * Time that did not count: `closed` (outside the weekly hours), `holiday` (hours a holiday removed;
 * `date` names it) or `pause` (open time inside a pause). `minutes` is its real length.
 */
export interface SkippedSpan {
  start: Date;
  end: Date;
  minutes: number;
  reason: 'closed' | 'holiday' | 'pause';
  date?: string;
}

/** How the business minutes of `[start, end)` add up: the parts, in order, cover the range exactly. */
export interface BusinessSegments {
  counted: CountedSegment[];
  skipped: SkippedSpan[];
  /** Sum of the counted minutes: equals businessMinutesBetween for the same arguments. */
  minutes: number;
}

/**
 * The counted open segments of `[start, end)` and the skipped closed time, holiday hours and paused
 * open time between them, for a view a person can check by hand. Empty when `end <= start`.
 */
export function businessSegments(calendar: BusinessCalendar, start: Date, end: Date, pauses?: DateSpan[]): BusinessSegments {
  const from = epochOf('start', start);
  const to = epochOf('end', end);
  const result: BusinessSegments = { counted: [], skipped: [], minutes: 0 };
  if (to <= from) return result;
  const { open, holidays } = openAndHolidaysIn(calendar, from, to);
  const paused = mergeDateSpans('pauses', pauses ?? []);
  const counted = subtractSegments(open, paused);
  const pausedOpen = subtractSegments(open, counted);
  const parts: Array<{ segment: TimeSegment; reason: SkippedSpan['reason'] | 'open'; date?: string }> = [
    ...counted.map((segment) => ({ segment, reason: 'open' as const })),
    ...pausedOpen.map((segment) => ({ segment, reason: 'pause' as const })),
    ...holidays.map((h) => ({ segment: { start: h.start, end: h.end }, reason: 'holiday' as const, date: h.date })),
  ];
  const covered = mergeSegments(parts.map((p) => p.segment));
  for (const segment of subtractSegments([{ start: from, end: to }], covered)) parts.push({ segment, reason: 'closed' });
  parts.sort((a, b) => a.segment.start - b.segment.start);
  for (const { segment, reason, date } of parts) {
    const span = {
      start: new Date(segment.start),
      end: new Date(segment.end),
      minutes: (segment.end - segment.start) / MS_PER_MINUTE,
    };
    if (reason === 'open') {
      result.counted.push(span);
      result.minutes += segment.end - segment.start;
    } else {
      result.skipped.push(date === undefined ? { ...span, reason } : { ...span, reason, date });
    }
  }
  result.minutes /= MS_PER_MINUTE;
  return result;
}

/** Open intervals (joined across year boundaries) and holiday spans clipped to `[from, to)`. */
function openAndHolidaysIn(
  calendar: BusinessCalendar,
  from: number,
  to: number,
): { open: TimeSegment[]; holidays: HolidaySpan[] } {
  const open: TimeSegment[] = [];
  const holidays: HolidaySpan[] = [];
  for (let table = calendar.tableAt(from); table.from < to; table = calendar.table(new Date(table.to).getUTCFullYear())) {
    open.push(...table.openSegments(from, to));
    for (const h of table.holidaySpans) {
      if (h.end > from && h.start < to) holidays.push({ start: Math.max(from, h.start), end: Math.min(to, h.end), date: h.date });
    }
  }
  return { open: mergeSegments(open), holidays };
}
