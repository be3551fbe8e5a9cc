import type { IANAZone } from 'luxon';
import { formatCivilDate, MS_PER_DAY, weekdayIndex } from './civil-date';
import { wallTimeToEpoch } from './local-time';
import { mergeSegments, subtractSegments, type TimeSegment } from './time-segment';
import type { WeeklySchedule } from './weekly-schedule';

/** What a year's open time is built from: the weekly hours of a calendar. */
export interface WeeklyHoursSource {
  readonly zone: IANAZone;
  readonly schedule: WeeklySchedule;
  readonly holidays: ReadonlySet<string>;
}

/** A shift a holiday removed, clipped to the year: what would have been open that day. */
export interface HolidaySpan extends TimeSegment {
  readonly date: string;
}

/**
 * The open time of one UTC year `[from, to)` as sorted disjoint epoch-ms intervals with a prefix sum
 * of open milliseconds, so that "open time before t" and "where does open time reach x" are binary
 * searches. Built once per year and calendar; immutable after construction.
 */
export class YearTable {
  readonly from: number;
  readonly to: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** cumulative[i] = open ms in the intervals before i; cumulative[n] = total. */
  readonly cumulative: Float64Array;
  readonly totalMs: number;
  readonly holidaySpans: readonly HolidaySpan[];

  /** `open`: sorted disjoint segments inside `[from, to)`; `holidaySpans`: hours holidays removed. */
  constructor(from: number, to: number, open: readonly TimeSegment[], holidaySpans: readonly HolidaySpan[]) {
    this.from = from;
    this.to = to;
    const n = open.length;
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.cumulative = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      this.starts[i] = open[i].start;
      this.ends[i] = open[i].end;
      this.cumulative[i + 1] = this.cumulative[i] + open[i].end - open[i].start;
    }
    this.totalMs = this.cumulative[n];
    this.holidaySpans = holidaySpans;
  }

  /** The open intervals as segments. */
  segments(): TimeSegment[] {
    return Array.from(this.starts, (start, i) => ({ start, end: this.ends[i] }));
  }

  /** This year with `windows` (sorted, merged) also open; holiday hours under a window are open too. */
  withWindows(windows: readonly TimeSegment[]): YearTable {
    const inside = windows
      .filter((w) => w.end > this.from && w.start < this.to)
      .map((w) => ({ start: Math.max(this.from, w.start), end: Math.min(this.to, w.end) }));
    if (inside.length === 0) return this;
    const open = mergeSegments([...this.segments(), ...inside]);
    return new YearTable(this.from, this.to, open, removeOpen(this.holidaySpans, open));
  }

  /** Index of the last interval starting at or before `t`, or -1. */
  indexAt(t: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Open ms in `[from, t)`, for `from <= t <= to`. */
  openMsBefore(t: number): number {
    const i = this.indexAt(t);
    if (i < 0) return 0;
    const end = this.ends[i];
    return this.cumulative[i] + (t < end ? t : end) - this.starts[i];
  }

  /** The earliest instant with `target` open ms in `[from, instant)`, for `0 < target <= totalMs`. */
  instantAtOpenMs(target: number): number {
    const cumulative = this.cumulative;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid + 1] >= target) hi = mid;
      else lo = mid + 1;
    }
    return this.starts[lo] + (target - cumulative[lo]);
  }
}

/** The open time of UTC `year` from weekly hours and holidays (the only place luxon is consulted). */
export function materialiseYear(source: WeeklyHoursSource, year: number): YearTable {
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const open: TimeSegment[] = [];
  const removed: HolidaySpan[] = [];
  // Local dates whose shifts can reach into [from, to): offsets stay within +-14 h, shifts within 48 h.
  for (let day = from - 2 * MS_PER_DAY; day <= to; day += MS_PER_DAY) {
    const shifts = source.schedule[weekdayIndex(day)];
    if (shifts.length === 0) continue;
    const date = formatCivilDate(day);
    const isHoliday = source.holidays.has(date);
    for (const shift of shifts) {
      const start = Math.max(from, wallTimeToEpoch(source.zone, day, shift.startMinute));
      const end = Math.min(to, wallTimeToEpoch(source.zone, day, shift.endMinute));
      if (end <= start) continue;
      if (isHoliday) removed.push({ start, end, date });
      else open.push({ start, end });
    }
  }
  const merged = mergeSegments(open);
  return new YearTable(from, to, merged, removeOpen(removed, merged));
}

/** The parts of holiday spans not covered by `open` (sorted, merged), in order. */
function removeOpen(spans: readonly HolidaySpan[], open: readonly TimeSegment[]): HolidaySpan[] {
  return spans
    .flatMap((span) => subtractSegments([span], open).map((part) => ({ ...part, date: span.date })))
    .sort((a, b) => a.start - b.start);
}
