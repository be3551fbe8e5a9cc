import { ValidationError } from '../common/errors';
import type { BusinessCalendar } from './business-calendar';
import { epochOf, mergeDateSpans, type DateSpan } from './instants';
import { withClosedSegments } from './open-windows';

const MS_PER_MINUTE = 60_000;

/**
 * The earliest instant at which `minutes` business minutes have elapsed since `start`, not counting
 * the business time inside `pauses`. A duration used up exactly at closing returns the closing instant;
 * 0 returns `start` even when closed. Fractional minutes are rounded to the second. Negative minutes
 * are refused (a ValidationError): clocks only run forward.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number, pauses?: DateSpan[]): Date {
  const from = epochOf('start', start);
  if (typeof minutes !== 'number' || !(minutes >= 0) || minutes === Infinity) {
    throw new ValidationError('minutes', `must be a finite number >= 0, got ${String(minutes)}`);
  }
  const ms = Math.round(minutes * 60) * 1000;
  if (ms === 0) return new Date(from);
  return new Date(addOpenMs(pauses ? pausedCalendar(calendar, pauses) : calendar, from, ms));
}

/** Pauses are closed windows of the calendar (withClosedWindows): one rule for counting and for adding. */
function pausedCalendar(calendar: BusinessCalendar, pauses: DateSpan[]): BusinessCalendar {
  return withClosedSegments(calendar, mergeDateSpans('pauses', pauses));
}

/** Business minutes in `[start, end)` minus those inside `pauses`; negative when `end` is before `start`. */
export function businessMinutesBetween(calendar: BusinessCalendar, start: Date, end: Date, pauses?: DateSpan[]): number {
  const from = epochOf('start', start);
  const to = epochOf('end', end);
  const sign = to < from ? -1 : 1;
  const [lo, hi] = to < from ? [to, from] : [from, to];
  const ms = openMsBetween(pauses ? pausedCalendar(calendar, pauses) : calendar, lo, hi);
  return ms === 0 ? 0 : (sign * ms) / MS_PER_MINUTE;
}

/** Whether `at` falls in an open interval `[open, close)`. */
export function isOpen(calendar: BusinessCalendar, at: Date): boolean {
  const t = epochOf('at', at);
  return calendar.tableAt(t).isOpenAt(t);
}

/** `at` itself when open, else the start of the next open interval. */
export function nextOpening(calendar: BusinessCalendar, at: Date): Date {
  const t = epochOf('at', at);
  let table = calendar.tableAt(t);
  let next = table.nextOpenAt(t);
  while (Number.isNaN(next)) {
    table = calendar.following(table);
    next = table.nextOpenAt(table.from);
  }
  return new Date(next);
}

/** Open ms in `[from, to)`, `from <= to`. */
export function openMsBetween(calendar: BusinessCalendar, from: number, to: number): number {
  let table = calendar.tableAt(from);
  if (to <= table.to) return table.openMsBefore(to) - table.openMsBefore(from);
  let ms = table.totalMs - table.openMsBefore(from);
  for (;;) {
    table = calendar.table(new Date(table.to).getUTCFullYear());
    if (to <= table.to) return ms + table.openMsBefore(to);
    ms += table.totalMs;
  }
}

/** The earliest instant with `ms` (> 0) open ms in `[from, instant)`. */
export function addOpenMs(calendar: BusinessCalendar, from: number, ms: number): number {
  let table = calendar.tableAt(from);
  let target = table.openMsBefore(from) + ms;
  while (target > table.totalMs) {
    target -= table.totalMs;
    table = calendar.following(table);
  }
  return table.instantAtOpenMs(target);
}
