export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A business calendar as JSON: `{"timezone": "America/Mexico_City", "weekly": {"mon": [["08:30","18:00"]]},
 * "holidays": ["2026-01-01"]}`. Days without a key are closed; "24:00" means end of day; an interval
 * whose end is not after its start is an overnight shift belonging to the day it starts on; a holiday
 * removes the intervals that start on that date.
 */
export interface CalendarSpec {
  timezone: string;
  weekly: Partial<Record<Weekday, Array<[string, string]> | undefined>>;
  holidays: string[];
}
