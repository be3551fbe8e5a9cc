import { materialiseYear, type WeeklyHoursSource } from './materialise-year';
import type { ShiftYear } from './shift-year';
import type { WeeklySchedule } from './weekly-schedule';
import { offsetFormatter } from './zone-offsets';

/**
 * Weekly shifts in a zone minus holidays: the part of a calendar that needs the zone's rules. Its year tables are
 * built on first use and memoised here, so every calendar derived from one spec (withOpenWindows)
 * shares them instead of materialising the year again.
 */
export class WeeklyHours implements WeeklyHoursSource {
  private readonly years = new Map<number, ShiftYear>();
  readonly hasShifts: boolean;
  readonly offsets: Intl.DateTimeFormat;

  constructor(
    /** IANA zone name, already checked. */
    readonly zone: string,
    readonly schedule: WeeklySchedule,
    readonly holidays: ReadonlySet<string>,
  ) {
    this.hasShifts = schedule.some((shifts) => shifts.length > 0);
    this.offsets = offsetFormatter(zone);
  }

  table(year: number): ShiftYear {
    let table = this.years.get(year);
    if (table === undefined) {
      table = materialiseYear(this, year);
      this.years.set(year, table);
    }
    return table;
  }
}
