import type { TimeSegment } from './time-segment';

/** A shift a holiday removed, clipped to its year: what would have been open that day. */
export interface HolidaySpan extends TimeSegment {
  readonly date: string;
}

/**
 * The open time of one UTC year `[from, to)`, answering in O(log n) without luxon. Two kinds: the
 * weekly hours of a spec (ShiftYear) and those plus extra windows (WindowedYear). Immutable.
 */
export interface YearTable {
  readonly from: number;
  readonly to: number;
  /** Open ms in the whole year. */
  readonly totalMs: number;
  /** Hours holidays removed (and no window reopened), in order. */
  readonly holidaySpans: readonly HolidaySpan[];
  isOpenAt(t: number): boolean;
  /** `t` when open, else the start of the next open interval in this year, or NaN when none is left. */
  nextOpenAt(t: number): number;
  /** Open ms in `[from, t)`, for `from <= t <= to`. */
  openMsBefore(t: number): number;
  /** The earliest instant with `target` open ms in `[from, instant)`, for `0 < target <= totalMs`. */
  instantAtOpenMs(target: number): number;
  /** The open intervals meeting `[a, b)`, clipped to it, sorted and disjoint. */
  openSegments(a: number, b: number): TimeSegment[];
  /** This year with `windows` (sorted, merged, any years) also open. */
  withWindows(windows: readonly TimeSegment[]): YearTable;
}
