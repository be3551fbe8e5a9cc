import { addBusinessMinutes, type BusinessCalendar, type DateSpan } from '../calendar/index';
import { addOpenMs, openMsBetween } from '../calendar/business-time';
import type { YearTable } from '../calendar/year-table';
import type { SupportPolicy } from '../policy/support-policy';
import type { SlaPause } from '../ticket/ticket';
import { parseInstant } from './parse-instant';
import { policyThresholds, resolutionThresholds, type Thresholds } from './sla-thresholds';
import type { ClockStatus, SlaClockName, SlaState, SlaStatus, SlaTicket } from './sla-types';

const MS_PER_MINUTE = 60_000;

/** Pauses as epoch-ms spans clipped to `[start, until)`, the open one ending at `until`. */
function pauseSegments(pauses: readonly SlaPause[], start: number, until: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const pause of pauses) {
    const a = Math.max(start, parseInstant(pause.start, 'pauses.start'));
    const b = pause.end === undefined ? until : Math.min(until, parseInstant(pause.end, 'pauses.end'));
    if (b > a) out.push({ start: a, end: b });
  }
  return out;
}

/** Pauses as calendar spans up to `until` (the open one ends there), for addBusinessMinutes and explain. */
export function pauseSpans(pauses: readonly SlaPause[], start: number, until: number): DateSpan[] {
  return pauseSegments(pauses, start, until).map((p) => ({ start: new Date(p.start), end: new Date(p.end) }));
}

type Segment = { start: number; end: number };

/**
 * A clock reading. States and minutes are computed at once; the instants (ISO strings) only when
 * read, so a sweep over many tickets pays for the due instants it actually uses.
 */
class ClockReading implements ClockStatus {
  readonly state: SlaState;
  readonly elapsedMinutes: number;
  readonly remainingMinutes: number;
  readonly targetMinutes: number | null;
  readonly atRiskMinutes: number;
  readonly breachMinutes: number;
  readonly #calendar: BusinessCalendar;
  readonly #start: number;
  /** Where counting ended: the stop, or `at` while running. */
  readonly #end: number;
  readonly #running: boolean;
  readonly #paused: boolean;
  readonly #pauses: Segment[];

  constructor(readonly clock: SlaClockName, calendar: BusinessCalendar, thresholds: Thresholds, start: number, end: number, running: boolean, paused: boolean, pauses: Segment[], elapsedMs: number) {
    this.#calendar = calendar;
    this.#start = start;
    this.#end = end;
    this.#running = running;
    this.#paused = paused;
    this.#pauses = pauses;
    const breachMinutes = thresholds.breachMinutes;
    const elapsed = elapsedMs / MS_PER_MINUTE;
    this.elapsedMinutes = elapsed;
    this.remainingMinutes = breachMinutes - elapsed;
    this.targetMinutes = thresholds.targetMinutes;
    this.atRiskMinutes = thresholds.atRiskMinutes;
    this.breachMinutes = breachMinutes;
    const late = elapsed > breachMinutes || (elapsedMs === breachMinutes * MS_PER_MINUTE && this.#usedUpBefore(breachMinutes, end));
    if (!running) this.state = late ? 'breached' : 'met';
    else if (late) this.state = 'breached';
    else if (paused) this.state = 'paused';
    else if (elapsed >= thresholds.atRiskMinutes) this.state = 'at-risk';
    else this.state = 'on-track';
  }

  get startedAt(): string {
    return new Date(this.#start).toISOString();
  }
  get stoppedAt(): string | undefined {
    return this.#running ? undefined : new Date(this.#end).toISOString();
  }
  get targetAt(): string | undefined {
    return this.targetMinutes === null ? undefined : this.#due(this.targetMinutes);
  }
  get atRiskAt(): string | undefined {
    return this.#due(this.atRiskMinutes);
  }
  get breachAt(): string | undefined {
    return this.#due(this.breachMinutes);
  }

  /**
   * Whether `minutes` were used up before `end`, when exactly that much has elapsed at `end`: the
   * deadline fell at a closing time (or a pause) and `end` is later, so the clock is past its due
   * instant though closed time added nothing since (a Friday 18:00 deadline is missed at 18:01).
   */
  #usedUpBefore(minutes: number, end: number): boolean {
    const pauses = this.#pauses.map((p) => ({ start: new Date(p.start), end: new Date(p.end) }));
    return addBusinessMinutes(this.#calendar, new Date(this.#start), minutes, pauses.length ? pauses : undefined).getTime() < end;
  }

  /** The instant `minutes` of this clock are (or were) used up; undefined when stopped or paused. */
  #due(minutes: number): string | undefined {
    if (!this.#running || this.#paused) return undefined;
    if (minutes > this.elapsedMinutes) return new Date(addOpenMs(this.#calendar, this.#end, Math.round((minutes - this.elapsedMinutes) * 60) * 1000)).toISOString();
    const pauses = this.#pauses.map((p) => ({ start: new Date(p.start), end: new Date(p.end) }));
    return addBusinessMinutes(this.#calendar, new Date(this.#start), minutes, pauses.length ? pauses : undefined).toISOString();
  }

  toJSON(): ClockStatus {
    const json: ClockStatus = { clock: this.clock, state: this.state, elapsedMinutes: this.elapsedMinutes, remainingMinutes: this.remainingMinutes, targetMinutes: this.targetMinutes, atRiskMinutes: this.atRiskMinutes, breachMinutes: this.breachMinutes, startedAt: this.startedAt };
    for (const key of ['stoppedAt', 'targetAt', 'atRiskAt', 'breachAt'] as const) {
      const value = this[key];
      if (value !== undefined) json[key] = value;
    }
    return json;
  }
}

const NO_PAUSES: Segment[] = [];

let lastAt = NaN;
let lastAtIso = '';
/** ISO of `ms`, remembering the last one (a sweep asks about the same instant for every ticket). */
function isoOfAt(ms: number): string {
  if (ms !== lastAt) {
    lastAtIso = new Date(ms).toISOString();
    lastAt = ms;
  }
  return lastAtIso;
}

let lastNowTable: YearTable | undefined;
let lastNow = NaN;
let lastNowOpenMs = 0;

/** `table.openMsBefore(t)`, remembering the answer for the sweep's instant (every ticket asks about it). */
function openMsBeforeIn(table: YearTable, t: number, now: number): number {
  if (t !== now) return table.openMsBefore(t);
  if (table !== lastNowTable || now !== lastNow) {
    lastNowOpenMs = table.openMsBefore(now);
    lastNowTable = table;
    lastNow = now;
  }
  return lastNowOpenMs;
}

/**
 * Open ms of `[start, t)` (t >= start) for one ticket: the year table of its start and the open ms
 * before it are looked up once, then each end costs one search (none for `now`, the same for every ticket).
 */
class OpenSince {
  private readonly table: YearTable;
  private readonly before: number;

  constructor(
    private readonly calendar: BusinessCalendar,
    private readonly start: number,
    private readonly now: number,
  ) {
    this.table = calendar.tableAt(start);
    this.before = this.table.openMsBefore(start);
  }

  until(t: number): number {
    return t <= this.table.to ? openMsBeforeIn(this.table, t, this.now) - this.before : openMsBetween(this.calendar, this.start, t);
  }

  /** Open ms of `[a, b)` for start <= a <= b. */
  between(a: number, b: number): number {
    return b <= this.table.to ? this.until(b) - this.until(a) : openMsBetween(this.calendar, a, b);
  }
}

/**
 * Both clocks of `ticket` at instant `at`, on `calendar` (the policy's calendar plus any approved
 * after-hours windows: see slaCalendar).
 * - response: the current priority's target/breach, from openedAt to the first response.
 * - resolution: the approved budget (budgetMinutes), from openedAt to resolvedAt (else closedAt),
 *   minus the pauses (sorted, disjoint, as applyEvent keeps them).
 * States: `breached` once the breach instant has passed: more than the breach has elapsed, or exactly
 * the breach and the deadline fell earlier, at a closing time (a reply at exactly 30:00 meets 30 min),
 * `paused` inside a pause, `at-risk` from atRiskMinutes, else `on-track`; a stopped clock is `met`
 * or `breached`. Fast: thresholds are computed once per policy, business time comes from the
 * calendar's year tables (no luxon per call), instants are formatted only when read.
 */
export function slaStatus(ticket: SlaTicket, policy: SupportPolicy, calendar: BusinessCalendar, at: Date): SlaStatus {
  const now = at.getTime();
  if (now !== now) throw new TypeError('slaStatus: `at` is not a valid Date');
  const start = parseInstant(ticket.openedAt, 'openedAt');

  const responseStop = ticket.firstResponseAt === undefined ? Infinity : parseInstant(ticket.firstResponseAt, 'firstResponseAt');
  const responseEnd = responseStop < now ? (responseStop > start ? responseStop : start) : now > start ? now : start;
  const open = new OpenSince(calendar, start, now);
  const responseMs = open.until(responseEnd);
  const thresholds = policyThresholds(policy);
  const response = new ClockReading('response', calendar, thresholds.response[ticket.priority], start, responseEnd, responseStop > now, false, NO_PAUSES, responseMs);

  const stopAt = ticket.resolvedAt ?? ticket.closedAt;
  const resolutionStop = stopAt === undefined ? Infinity : parseInstant(stopAt, stopAt === ticket.resolvedAt ? 'resolvedAt' : 'closedAt');
  const resolutionEnd = resolutionStop < now ? (resolutionStop > start ? resolutionStop : start) : now > start ? now : start;
  const running = resolutionStop > now;
  let resolutionMs = resolutionEnd === responseEnd ? responseMs : open.until(resolutionEnd);
  let paused = false;
  let pauses = NO_PAUSES;
  if (ticket.pauses.length > 0) {
    pauses = [];
    for (const pause of ticket.pauses) {
      const from = parseInstant(pause.start, 'pauses.start');
      const to = pause.end === undefined ? Infinity : parseInstant(pause.end, 'pauses.end');
      if (from <= now && to > now) paused = running;
      const a = from > start ? from : start;
      const b = to < resolutionEnd ? to : resolutionEnd;
      if (b > a) {
        pauses.push({ start: a, end: b });
        resolutionMs -= open.between(a, b);
      }
    }
  }
  const resolution = new ClockReading('resolution', calendar, resolutionThresholds(policy, ticket.budgetMinutes), start, resolutionEnd, running, paused, pauses, resolutionMs);
  return { at: isoOfAt(now), response, resolution };
}
