import { mergeSegments, subtractSegments, type TimeSegment } from './time-segment';
import type { HolidaySpan, YearTable } from './year-table';

/** The weekly hours of a year plus extra open segments, without rebuilding the weekly table. */
export class WindowedYear implements YearTable {
  readonly from: number;
  readonly to: number;
  readonly totalMs: number;
  /** extraBefore[j] = extra open ms before extra[j]. */
  private readonly extraBefore: number[];
  private holidaysLeft: readonly HolidaySpan[] | undefined;

  /** `extra`: sorted disjoint segments inside the year that `base` does not already have open. */
  constructor(
    private readonly base: YearTable,
    private readonly extra: readonly TimeSegment[],
  ) {
    this.from = base.from;
    this.to = base.to;
    this.extraBefore = [0];
    for (const segment of extra)
      this.extraBefore.push(this.extraBefore[this.extraBefore.length - 1] + segment.end - segment.start);
    this.totalMs = base.totalMs + this.extraBefore[extra.length];
  }

  /** The base year's holiday hours minus the extra segments; computed on first use (only explain needs it). */
  get holidaySpans(): readonly HolidaySpan[] {
    this.holidaysLeft ??= this.base.holidaySpans.flatMap((span) =>
      subtractSegments([span], this.extra).map((part) => ({ ...part, date: span.date })),
    );
    return this.holidaysLeft;
  }

  isOpenAt(t: number): boolean {
    return this.base.isOpenAt(t) || this.extra.some((s) => s.start <= t && t < s.end);
  }

  nextOpenAt(t: number): number {
    const next = this.extra.find((s) => s.end > t);
    const fromExtra = next === undefined ? NaN : Math.max(t, next.start);
    const fromBase = this.base.nextOpenAt(t);
    if (Number.isNaN(fromBase)) return fromExtra;
    return Number.isNaN(fromExtra) ? fromBase : Math.min(fromBase, fromExtra);
  }

  openMsBefore(t: number): number {
    let ms = this.base.openMsBefore(t);
    for (let j = 0; j < this.extra.length && this.extra[j].start < t; j++) {
      ms += Math.min(t, this.extra[j].end) - this.extra[j].start;
    }
    return ms;
  }

  instantAtOpenMs(target: number): number {
    for (let j = 0; j < this.extra.length; j++) {
      const segment = this.extra[j];
      const fromBase = target - this.extraBefore[j];
      const baseBefore = this.base.openMsBefore(segment.start);
      if (fromBase <= baseBefore) return this.base.instantAtOpenMs(fromBase);
      if (fromBase <= baseBefore + segment.end - segment.start) return segment.start + (fromBase - baseBefore);
    }
    return this.base.instantAtOpenMs(target - this.extraBefore[this.extra.length]);
  }

  openSegments(a: number, b: number): TimeSegment[] {
    const extra = this.extra
      .filter((s) => s.end > a && s.start < b)
      .map((s) => ({ start: Math.max(a, s.start), end: Math.min(b, s.end) }));
    return mergeSegments([...this.base.openSegments(a, b), ...extra]);
  }

  withWindows(windows: readonly TimeSegment[]): YearTable {
    const inside = windows
      .filter((w) => w.end > this.from && w.start < this.to)
      .map((w) => ({ start: Math.max(this.from, w.start), end: Math.min(this.to, w.end) }));
    if (inside.length === 0) return this;
    return this.base.withWindows(mergeSegments([...this.extra, ...inside]));
  }
}
