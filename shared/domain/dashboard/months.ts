import { DateTime } from 'luxon';
import { ValidationError } from '../common/errors';

/** A calendar month `YYYY-MM` in a time zone, as UTC epoch ms `[from, to)`. */
export interface MonthSpan {
  month: string;
  from: number;
  to: number;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The form toISOString writes (stores keep instants so): such strings sort as their instants do. */
export const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Whether instant `iso` is before `bound` (given as epoch ms and as its ISO string): a string compare when it can. */
export function isBefore(iso: string, bound: number, boundIso: string): boolean {
  return UTC_ISO.test(iso) ? iso < boundIso : Date.parse(iso) < bound;
}

/** The bounds of `month` (`YYYY-MM`) in `zone`; a bad month is a ValidationError. */
export function monthSpan(month: string, zone: string): MonthSpan {
  if (!MONTH.test(month)) throw new ValidationError('month', `"${month}" is not a month as YYYY-MM`);
  const start = DateTime.fromFormat(month, 'yyyy-MM', { zone });
  return { month, from: start.toMillis(), to: start.plus({ months: 1 }).toMillis() };
}

/** The month (`YYYY-MM`) containing instant `at` in `zone`. */
export function monthOf(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM');
}

/** The `count` months ending with `lastMonth`, oldest first, with their bounds in `zone`. */
export function monthsEndingAt(lastMonth: string, count: number, zone: string): MonthSpan[] {
  const last = monthSpan(lastMonth, zone);
  const start = DateTime.fromMillis(last.from, { zone });
  const spans: MonthSpan[] = [];
  for (let i = count - 1; i >= 0; i--) spans.push(monthSpan(start.minus({ months: i }).toFormat('yyyy-MM'), zone));
  return spans;
}

/** Index of the span holding `t` (spans sorted and contiguous), or -1. */
export function spanIndex(spans: readonly MonthSpan[], t: number): number {
  if (spans.length === 0 || t < spans[0].from || t >= spans[spans.length - 1].to) return -1;
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid].from <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
