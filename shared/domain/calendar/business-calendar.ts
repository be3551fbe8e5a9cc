import { CalendarError } from '../common/errors';
import type { CalendarSpec } from './calendar-spec';
import { ClosedYear } from './closed-year';
import type { TimeSegment } from './time-segment';
import type { WeeklyHours } from './weekly-hours';
import type { YearTable } from './year-table';

/**
 * A parsed business calendar: weekly hours in a time zone minus holidays, plus extra open windows. It
 * never reads the current time; every question takes the instant it is about. The open time of each
 * UTC year is materialised on first use and memoised (deterministic, so the calendar stays a value:
 * equal inputs give equal answers). Build one with parseCalendar, extend it with withOpenWindows
 * (approved after-hours attention) and withClosedWindows (a ticket's pauses: closed time, Zammad-style).
 */
export class BusinessCalendar {
  /** Year tables built so far (created on first use: a per-ticket paused calendar often needs one year only). */
  private years: Map<number, YearTable> | undefined;
  private recent: YearTable | undefined;
  /** No year after this one can be open (null: the weekly hours open every year). */
  private readonly lastOpenYear: number | null;

  constructor(
    readonly spec: Readonly<CalendarSpec>,
    readonly hours: WeeklyHours,
    /** Extra open windows (approved after-hours attention), merged and sorted. */
    readonly windows: readonly TimeSegment[],
    /** Extra closed windows (pauses), merged and sorted: they close even an open window. */
    readonly closed: readonly TimeSegment[] = [],
    /** The calendar this one only adds closed windows to: its year tables are reused, not rebuilt. */
    private readonly base?: BusinessCalendar,
  ) {
    const lastWindow = windows.length > 0 ? windows[windows.length - 1] : undefined;
    this.lastOpenYear = hours.hasShifts ? null : lastWindow !== undefined ? new Date(lastWindow.end).getUTCFullYear() : -Infinity;
  }

  /** The year table holding instant `t` (epoch ms). */
  tableAt(t: number): YearTable {
    const recent = this.recent;
    if (recent !== undefined && t >= recent.from && t < recent.to) return recent;
    return this.table(new Date(t).getUTCFullYear());
  }

  /** The year table of UTC `year`. */
  table(year: number): YearTable {
    let table = this.years?.get(year);
    if (table === undefined) {
      table = this.base !== undefined ? this.base.table(year) : this.openTable(year);
      const closed = this.closed
        .filter((c) => c.end > table!.from && c.start < table!.to)
        .map((c) => ({ start: Math.max(c.start, table!.from), end: Math.min(c.end, table!.to) }));
      if (closed.length > 0) table = new ClosedYear(table, closed);
      (this.years ??= new Map()).set(year, table);
    }
    this.recent = table;
    return table;
  }

  /** The weekly hours of `year` plus the open windows. */
  private openTable(year: number): YearTable {
    const weekly = this.hours.table(year);
    return this.windows.length > 0 ? weekly.withWindows(this.windows) : weekly;
  }

  /** The table of the year after `table`'s, for a search running forward; throws if it can never find open time. */
  following(table: YearTable): YearTable {
    const year = new Date(table.to).getUTCFullYear();
    if (this.lastOpenYear !== null && year > this.lastOpenYear) {
      throw new CalendarError('weekly', 'the calendar has no weekly hours and no open window left: it never opens again');
    }
    return this.table(year);
  }
}
