import { ValidationError } from '../errors';
import { formatCivilDate, MS_PER_DAY, weekdayIndex } from './civil-date';

/** The first year of presidential transitions on 1 October (2024 reform of art. 74); then every 6 years. */
const FIRST_OCTOBER_TRANSITION = 2024;

/**
 * The statutory rest days of the Ley Federal del Trabajo, art. 74, for `year`, as sorted "YYYY-MM-DD":
 * 1 Jan, first Monday of February, third Monday of March, 1 May, 16 Sep, third Monday of November,
 * 1 Oct of presidential-transition years (2024, 2030, ...), 25 Dec. Election days are set by electoral
 * law year by year: administrators add them to a calendar's holidays.
 */
export function mexicanRestDays(year: number): string[] {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) {
    throw new ValidationError('year', `must be an integer year from 1970 to 9999, got ${String(year)}`);
  }
  const days = [
    Date.UTC(year, 0, 1),
    nthMonday(year, 1, 1),
    nthMonday(year, 2, 3),
    Date.UTC(year, 4, 1),
    Date.UTC(year, 8, 16),
    nthMonday(year, 10, 3),
    Date.UTC(year, 11, 25),
  ];
  if (year >= FIRST_OCTOBER_TRANSITION && (year - FIRST_OCTOBER_TRANSITION) % 6 === 0) days.push(Date.UTC(year, 9, 1));
  return days.sort((a, b) => a - b).map(formatCivilDate);
}

/** The `n`th Monday of `month` (0-based) in `year`, as a UTC midnight. */
function nthMonday(year: number, month: number, n: number): number {
  const first = Date.UTC(year, month, 1);
  const toMonday = (7 - weekdayIndex(first)) % 7;
  return first + (toMonday + 7 * (n - 1)) * MS_PER_DAY;
}
