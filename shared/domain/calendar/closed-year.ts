import { subtractSegments, type TimeSegment } from './time-segment';
import type { HolidaySpan, YearTable } from './year-table';

/**
 * A year with some segments closed on top of `base` (a ticket's pauses, Zammad-style: a pause is
 * closed time of the calendar). Costs O(closed) to build and per question: pauses are few, so the
 * base year's materialised table is shared, never rebuilt.
 */
export class ClosedYear implements YearTable {
  readonly from: number;
  readonly to: number;
  readonly totalMs: number;
  /** baseBefore[j] = base open ms before closed[j].start. */
  private readonly baseBefore: number[] = [];
  /** lostBefore[j] = base open ms inside closed[0..j). */
  private readonly lostBefore: number[] = [0];

  /** `closed`: sorted disjoint segments inside the year. */
  constructor(
    private readonly base: YearTable,
    private readonly closed: readonly TimeSegment[],
  ) {
    this.from = base.from;
    this.to = base.to;
    for (const segment of closed) {
      const before = base.openMsBefore(segment.start);
      this.baseBefore.push(before);
      this.lostBefore.push(this.lostBefore[this.lostBefore.length - 1] + base.openMsBefore(segment.end) - before);
    }
    this.totalMs = base.totalMs - this.lostBefore[closed.length];
  }

  get holidaySpans(): readonly HolidaySpan[] {
    return this.base.holidaySpans;
  }

  isOpenAt(t: number): boolean {
    return this.base.isOpenAt(t) && !this.closed.some((s) => s.start <= t && t < s.end);
  }

  nextOpenAt(t: number): number {
    let next = this.base.nextOpenAt(t);
    for (const segment of this.closed) {
      if (Number.isNaN(next) || next < segment.start) break;
      if (next < segment.end) next = segment.end < this.to ? this.base.nextOpenAt(segment.end) : NaN;
    }
    return next;
  }

  openMsBefore(t: number): number {
    const ms = this.base.openMsBefore(t);
    let lost = 0;
    for (let j = 0; j < this.closed.length && this.closed[j].start < t; j++) {
      // Inside closed[j]: nothing counted since it started.
      if (t < this.closed[j].end) return this.baseBefore[j] - this.lostBefore[j];
      lost = this.lostBefore[j + 1];
    }
    return ms - lost;
  }

  instantAtOpenMs(target: number): number {
    for (let j = 0; j < this.closed.length; j++) {
      // Open ms (with the closing) before closed[j] starts: reached there or earlier.
      if (target <= this.baseBefore[j] - this.lostBefore[j]) return this.base.instantAtOpenMs(target + this.lostBefore[j]);
    }
    return this.base.instantAtOpenMs(target + this.lostBefore[this.closed.length]);
  }

  openSegments(a: number, b: number): TimeSegment[] {
    return subtractSegments(this.base.openSegments(a, b), this.closed);
  }

  withWindows(windows: readonly TimeSegment[]): YearTable {
    return new ClosedYear(this.base.withWindows(windows), this.closed);
  }
}
