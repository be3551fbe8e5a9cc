import { subtractSegments, type TimeSegment } from './time-segment';
import { WindowedYear } from './windowed-year';
import type { HolidaySpan, YearTable } from './year-table';

/**
 * A year of weekly hours as sorted disjoint epoch-ms intervals with a prefix sum of open ms, so that
 * "open time before t" and "where does open time reach x" are binary searches.
 */
export class ShiftYear implements YearTable {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** cumulative[i] = open ms in the intervals before i; cumulative[n] = totalMs. */
  readonly cumulative: Float64Array;
  readonly totalMs: number;

  /** `open`: sorted disjoint segments inside `[from, to)`. */
  constructor(
    readonly from: number,
    readonly to: number,
    open: readonly TimeSegment[],
    readonly holidaySpans: readonly HolidaySpan[],
  ) {
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

  isOpenAt(t: number): boolean {
    const i = this.indexAt(t);
    return i >= 0 && t < this.ends[i];
  }

  nextOpenAt(t: number): number {
    const i = this.indexAt(t);
    if (i >= 0 && t < this.ends[i]) return t;
    return i + 1 < this.starts.length ? this.starts[i + 1] : NaN;
  }

  openMsBefore(t: number): number {
    const i = this.indexAt(t);
    if (i < 0) return 0;
    const end = this.ends[i];
    return this.cumulative[i] + (t < end ? t : end) - this.starts[i];
  }

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

  openSegments(a: number, b: number): TimeSegment[] {
    const out: TimeSegment[] = [];
    for (let i = Math.max(0, this.indexAt(a)); i < this.starts.length && this.starts[i] < b; i++) {
      const start = Math.max(a, this.starts[i]);
      const end = Math.min(b, this.ends[i]);
      if (start < end) out.push({ start, end });
    }
    return out;
  }

  withWindows(windows: readonly TimeSegment[]): YearTable {
    const extra: TimeSegment[] = [];
    for (const w of windows) {
      const start = Math.max(this.from, w.start);
      const end = Math.min(this.to, w.end);
      if (start < end) extra.push(...subtractSegments([{ start, end }], this.openSegments(start, end)));
    }
    return extra.length === 0 ? this : new WindowedYear(this, extra);
  }
}
