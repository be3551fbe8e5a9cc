import { ValidationError } from '../common/errors';
import { formatCivilDate, MS_PER_DAY, weekdayIndex } from './civil-date';

/** Presidential transitions: every 6 years from 1970; on 1 December until 2018, on 1 October since 2024. */
const TRANSITION_EPOCH = 1970;
const LAST_DECEMBER_TRANSITION = 2018;
/** The 2006 reform moved these rest days to Mondays (Benito Juárez's day from 2007, after its 2006 bicentennial). */
const MONDAY_RULES = { february: 2006, march: 2007, november: 2006 } as const;

/**
 * The statutory rest days of the Ley Federal del Trabajo, art. 74, for `year`, as sorted "YYYY-MM-DD":
 * 1 Jan, first Monday of February, third Monday of March, 1 May, 16 Sep, third Monday of November,
 * 1 Oct of presidential-transition years (2024, 2030, ...), 25 Dec. Earlier years follow the rules then
 * in force: 5 Feb, 21 Mar and 20 Nov before the Monday reform, and 1 Dec of transition years up to
 * 2018. Election days are set by electoral law year by year: administrators add them to a calendar.
 */
export function mexicanRestDays(year: number): string[] {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) {
    throw new ValidationError('year', `must be an integer year from 1970 to 9999, got ${String(year)}`);
  }
  const days = [
    Date.UTC(year, 0, 1),
    year >= MONDAY_RULES.february ? nthMonday(year, 1, 1) : Date.UTC(year, 1, 5),
    year >= MONDAY_RULES.march ? nthMonday(year, 2, 3) : Date.UTC(year, 2, 21),
    Date.UTC(year, 4, 1),
    Date.UTC(year, 8, 16),
    year >= MONDAY_RULES.november ? nthMonday(year, 10, 3) : Date.UTC(year, 10, 20),
    Date.UTC(year, 11, 25),
  ];
  if ((year - TRANSITION_EPOCH) % 6 === 0)
    days.push(year <= LAST_DECEMBER_TRANSITION ? Date.UTC(year, 11, 1) : Date.UTC(year, 9, 1));
  return days.sort((a, b) => a - b).map(formatCivilDate);
}

/** The `n`th Monday of `month` (0-based) in `year`, as a UTC midnight. */
function nthMonday(year: number, month: number, n: number): number {
  const first = Date.UTC(year, month, 1);
  const toMonday = (7 - weekdayIndex(first)) % 7;
  return first + (toMonday + 7 * (n - 1)) * MS_PER_DAY;
}
