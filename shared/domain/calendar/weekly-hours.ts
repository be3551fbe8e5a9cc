import type { IANAZone } from 'luxon';
import { materialiseYear, type WeeklyHoursSource, type YearTable } from './year-table';
import type { WeeklySchedule } from './weekly-schedule';

/**
 * Weekly shifts in a zone minus holidays: the part of a calendar that needs luxon. Its year tables are
 * built on first use and memoised here, so every calendar derived from one spec (withOpenWindows)
 * shares them instead of materialising the year again.
 */
export class WeeklyHours implements WeeklyHoursSource {
  private readonly years = new Map<number, YearTable>();
  readonly hasShifts: boolean;

  constructor(
    readonly zone: IANAZone,
    readonly schedule: WeeklySchedule,
    readonly holidays: ReadonlySet<string>,
  ) {
    this.hasShifts = schedule.some((shifts) => shifts.length > 0);
  }

  table(year: number): YearTable {
    let table = this.years.get(year);
    if (table === undefined) {
      table = materialiseYear(this, year);
      this.years.set(year, table);
    }
    return table;
  }
}
