import type { BusinessCalendar, DateSpan } from '../calendar/index';
import { addOpenMs, openMsBetween } from '../calendar/business-time';
import type { YearTable } from '../calendar/year-table';
import { withClosedSegments } from '../calendar/open-windows';
import type { TimeSegment } from '../calendar/time-segment';
import type { SupportPolicy } from '../policy/support-policy';
import type { SlaPause } from '../ticket/ticket';
import { isoOfEpoch, parseInstant } from './parse-instant';
import { thresholdsOf, type Thresholds } from './sla-thresholds';
import type { ClockStatus, SlaClockName, SlaState, SlaStatus, SlaTicket } from './sla-types';

const MS_PER_MINUTE = 60_000;

/**
 * Pauses as epoch-ms segments clipped to `[start, until)`, the open one ending at `until`, sorted and
 * merged; and whether one of them holds instant `now`.
 */
function readPauses(
  pauses: readonly SlaPause[],
  start: number,
  until: number,
  now: number,
): { segments: TimeSegment[]; holdsNow: boolean } {
  const segments: TimeSegment[] = [];
  let holdsNow = false;
  for (const pause of pauses) {
    const from = parseInstant(pause.start, 'pauses.start');
    const to = pause.end === undefined ? Infinity : parseInstant(pause.end, 'pauses.end');
    if (from <= now && to > now) holdsNow = true;
    const a = from > start ? from : start;
    const b = to < until ? to : until;
    if (b <= a) continue;
    const last = segments[segments.length - 1];
    if (last !== undefined && a <= last.end)
      segments[segments.length - 1] = { start: last.start, end: b > last.end ? b : last.end };
    else segments.push({ start: a, end: b });
  }
  return { segments, holdsNow };
}

/** Pauses as calendar spans up to `until` (the open one ends there), for explain. */
export function pauseSpans(pauses: readonly SlaPause[], start: number, until: number): DateSpan[] {
  return readPauses(pauses, start, until, NaN).segments.map((p) => ({ start: new Date(p.start), end: new Date(p.end) }));
}

/**
 * Business time counted from a clock's start on one calendar: the start's year table and the open ms
 * before the start are looked up once, then each end or due instant costs one search in that year.
 */
class FromStart {
  private readonly table: YearTable;
  private readonly before: number;

  constructor(
    private readonly calendar: BusinessCalendar,
    private readonly start: number,
  ) {
    this.table = calendar.tableAt(start);
    this.before = this.table.openMsBefore(start);
  }

  /** Open ms of `[start, end)`. */
  openMsUntil(end: number): number {
    return end <= this.table.to ? this.table.openMsBefore(end) - this.before : openMsBetween(this.calendar, this.start, end);
  }

  /** The instant `minutes` (rounded to the second) are used up; the start itself for 0. */
  dueAt(minutes: number): number {
    const ms = Math.round(minutes * 60) * 1000;
    if (ms === 0) return this.start;
    const target = this.before + ms;
    return target <= this.table.totalMs ? this.table.instantAtOpenMs(target) : addOpenMs(this.calendar, this.start, ms);
  }
}

/**
 * One clock read at `now`: counted from `start` to `end` (the stop, or `now` while running) on
 * `calendar`, whose closed time already includes the clock's pauses. Plain data: the due instants are
 * computed here, only while the clock runs and is not paused (a pause moves them).
 */
function readClock(
  clock: SlaClockName,
  calendar: BusinessCalendar,
  thresholds: Thresholds,
  start: number,
  startedAt: string,
  end: number,
  stoppedAt: string | undefined,
  running: boolean,
  paused: boolean,
): ClockStatus {
  const counted = new FromStart(calendar, start);
  const elapsedMs = counted.openMsUntil(end);
  const elapsed = elapsedMs / MS_PER_MINUTE;
  const { breachMinutes, atRiskMinutes, targetMinutes } = thresholds;
  // Exactly the breach elapsed is late when the deadline fell earlier, at a closing time or a pause
  // (a Friday 18:00 deadline is missed at 18:01 though no business time passed since).
  const late = elapsed > breachMinutes || (elapsedMs === breachMinutes * MS_PER_MINUTE && counted.dueAt(breachMinutes) < end);
  let state: SlaState;
  if (!running) state = late ? 'breached' : 'met';
  else if (late) state = 'breached';
  else if (paused) state = 'paused';
  else if (elapsed >= atRiskMinutes) state = 'at-risk';
  else state = 'on-track';
  const status: ClockStatus = {
    clock,
    state,
    elapsedMinutes: elapsed,
    remainingMinutes: breachMinutes - elapsed,
    targetMinutes,
    atRiskMinutes,
    breachMinutes,
    startedAt,
  };
  if (!running) status.stoppedAt = stoppedAt ?? isoOfEpoch(end);
  else if (!paused) {
    if (targetMinutes !== null) status.targetAt = isoOfEpoch(counted.dueAt(targetMinutes));
    status.atRiskAt = isoOfEpoch(counted.dueAt(atRiskMinutes));
    status.breachAt = isoOfEpoch(counted.dueAt(breachMinutes));
  }
  return status;
}

/** Where a clock stopped counting: its stop, or `now` while it runs, never before `start`. */
function endOf(start: number, stop: number, now: number): number {
  const end = stop < now ? stop : now;
  return end > start ? end : start;
}

/** The stop's own text when the clock stopped there and it is canonical already (saves formatting it again). */
function stopText(text: string | undefined, stop: number, end: number): string | undefined {
  return text !== undefined && stop === end && text.length === 24 ? text : undefined;
}

/**
 * Both clocks of `ticket` at instant `at`, as plain data, on `calendar` (the policy's calendar plus
 * any approved after-hours windows: see slaCalendar).
 * - response: the current priority's target/breach, from openedAt to the first response.
 * - resolution: the approved budget (budgetMinutes), from openedAt to resolvedAt (else closedAt), on
 *   the calendar with the ticket's pauses as closed windows (withClosedWindows, Zammad's shape): its
 *   elapsed time is a plain business-time count.
 * States: `breached` once the breach instant has passed: more than the breach has elapsed, or exactly
 * the breach and the deadline fell earlier, at a closing time (a reply at exactly 30:00 meets 30 min),
 * `paused` inside a pause, `at-risk` from atRiskMinutes, else `on-track`; a stopped clock is `met`
 * or `breached`. Business time comes from the calendar's year tables (binary searches, no luxon).
 */
export function slaStatus(ticket: SlaTicket, policy: SupportPolicy, calendar: BusinessCalendar, at: Date): SlaStatus {
  const now = at.getTime();
  if (now !== now) throw new TypeError('slaStatus: `at` is not a valid Date');
  const start = parseInstant(ticket.openedAt, 'openedAt');
  const startedAt = ticket.openedAt.length === 24 ? ticket.openedAt : isoOfEpoch(start);

  const responseStop = ticket.firstResponseAt === undefined ? Infinity : parseInstant(ticket.firstResponseAt, 'firstResponseAt');
  const r = policy.response[ticket.priority];
  const responseEnd = endOf(start, responseStop, now);
  const response = readClock(
    'response',
    calendar,
    thresholdsOf(r.targetMinutes, r.breachMinutes, policy.atRiskPercent),
    start,
    startedAt,
    responseEnd,
    stopText(ticket.firstResponseAt, responseStop, responseEnd),
    responseStop > now,
    false,
  );

  const stopAt = ticket.resolvedAt ?? ticket.closedAt;
  const resolutionStop =
    stopAt === undefined ? Infinity : parseInstant(stopAt, stopAt === ticket.resolvedAt ? 'resolvedAt' : 'closedAt');
  const resolutionEnd = endOf(start, resolutionStop, now);
  const running = resolutionStop > now;
  const pauses = ticket.pauses.length > 0 ? readPauses(ticket.pauses, start, resolutionEnd, now) : undefined;
  const pausedCalendar = pauses !== undefined ? withClosedSegments(calendar, pauses.segments) : calendar;
  const paused = running && pauses !== undefined && pauses.holdsNow;
  const resolution = readClock(
    'resolution',
    pausedCalendar,
    thresholdsOf(null, ticket.budgetMinutes, policy.atRiskPercent),
    start,
    startedAt,
    resolutionEnd,
    stopText(stopAt, resolutionStop, resolutionEnd),
    running,
    paused,
  );
  return { at: isoOfEpoch(now), response, resolution };
}
