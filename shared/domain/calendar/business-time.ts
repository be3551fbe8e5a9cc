import { ValidationError } from '../errors';
import type { BusinessCalendar } from './business-calendar';
import { epochOf, mergeDateSpans, type DateSpan } from './instants';
import type { TimeSegment } from './time-segment';

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
  if (pauses === undefined || pauses.length === 0) return new Date(addOpenMs(calendar, from, ms));
  return new Date(addOpenMsAroundPauses(calendar, from, ms, mergeDateSpans('pauses', pauses)));
}

/** Business minutes in `[start, end)` minus those inside `pauses`; negative when `end` is before `start`. */
export function businessMinutesBetween(calendar: BusinessCalendar, start: Date, end: Date, pauses?: DateSpan[]): number {
  const from = epochOf('start', start);
  const to = epochOf('end', end);
  const sign = to < from ? -1 : 1;
  const [lo, hi] = to < from ? [to, from] : [from, to];
  let ms = openMsBetween(calendar, lo, hi);
  if (pauses !== undefined && pauses.length > 0) {
    for (const pause of mergeDateSpans('pauses', pauses)) {
      const a = Math.max(lo, pause.start);
      const b = Math.min(hi, pause.end);
      if (a < b) ms -= openMsBetween(calendar, a, b);
    }
  }
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

function addOpenMsAroundPauses(calendar: BusinessCalendar, from: number, ms: number, pauses: readonly TimeSegment[]): number {
  let cursor = from;
  let remaining = ms;
  for (const pause of pauses) {
    if (pause.end <= cursor) continue;
    if (pause.start > cursor) {
      const before = openMsBetween(calendar, cursor, pause.start);
      if (before >= remaining) break;
      remaining -= before;
    }
    cursor = pause.end;
  }
  return addOpenMs(calendar, cursor, remaining);
}
