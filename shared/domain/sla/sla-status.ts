import { addBusinessMinutes, type BusinessCalendar, type DateSpan } from '../calendar/index';
import { addOpenMs, openMsBetween } from '../calendar/business-time';
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

/** Whether `at` lies inside a pause (an open pause runs on). */
function isPausedAt(pauses: readonly SlaPause[], at: number): boolean {
  for (const p of pauses) if (parseInstant(p.start) <= at && (p.end === undefined || parseInstant(p.end) > at)) return true;
  return false;
}

/** Pauses as calendar spans up to `until` (the open one ends there), for addBusinessMinutes and explain. */
export function pauseSpans(pauses: readonly SlaPause[], start: number, until: number): DateSpan[] {
  return pauseSegments(pauses, start, until).map((p) => ({ start: new Date(p.start), end: new Date(p.end) }));
}

interface ClockInput {
  calendar: BusinessCalendar;
  thresholds: Thresholds;
  start: number;
  /** Where counting ended: the stop, or `at` while running. */
  end: number;
  running: boolean;
  paused: boolean;
  pauses: Array<{ start: number; end: number }>;
}

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
  readonly #c: ClockInput;

  constructor(readonly clock: SlaClockName, c: ClockInput, elapsedMs: number) {
    this.#c = c;
    const { targetMinutes, atRiskMinutes, breachMinutes } = c.thresholds;
    const elapsed = elapsedMs / MS_PER_MINUTE;
    this.elapsedMinutes = elapsed;
    this.remainingMinutes = breachMinutes - elapsed;
    this.targetMinutes = targetMinutes;
    this.atRiskMinutes = atRiskMinutes;
    this.breachMinutes = breachMinutes;
    if (!c.running) this.state = elapsed > breachMinutes ? 'breached' : 'met';
    else if (elapsed > breachMinutes) this.state = 'breached';
    else if (c.paused) this.state = 'paused';
    else if (elapsed >= atRiskMinutes) this.state = 'at-risk';
    else this.state = 'on-track';
  }

  get startedAt(): string {
    return new Date(this.#c.start).toISOString();
  }
  get stoppedAt(): string | undefined {
    return this.#c.running ? undefined : new Date(this.#c.end).toISOString();
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

  /** The instant `minutes` of this clock are (or were) used up; undefined when stopped or paused. */
  #due(minutes: number): string | undefined {
    const c = this.#c;
    if (!c.running || c.paused) return undefined;
    if (minutes > this.elapsedMinutes) return new Date(addOpenMs(c.calendar, c.end, Math.round((minutes - this.elapsedMinutes) * 60) * 1000)).toISOString();
    const pauses = c.pauses.map((p) => ({ start: new Date(p.start), end: new Date(p.end) }));
    return addBusinessMinutes(c.calendar, new Date(c.start), minutes, pauses.length ? pauses : undefined).toISOString();
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

/**
 * Both clocks of `ticket` at instant `at`, on `calendar` (the policy's calendar plus any approved
 * after-hours windows: see slaCalendar).
 * - response: the current priority's target/breach, from openedAt to the first response.
 * - resolution: the approved budget (budgetMinutes), from openedAt to resolvedAt (else closedAt),
 *   minus the pauses (sorted, disjoint, as applyEvent keeps them).
 * States: `breached` once more than the breach has elapsed (a reply at exactly 30:00 meets 30 min),
 * `paused` inside a pause, `at-risk` from atRiskMinutes, else `on-track`; a stopped clock is `met`
 * or `breached`. Fast: thresholds are computed once per policy, business time comes from the
 * calendar's year tables (no luxon per call), instants are formatted only when read.
 */
export function slaStatus(ticket: SlaTicket, policy: SupportPolicy, calendar: BusinessCalendar, at: Date): SlaStatus {
  const now = at.getTime();
  if (now !== now) throw new TypeError('slaStatus: `at` is not a valid Date');
  const start = parseInstant(ticket.openedAt, 'openedAt');
  const thresholds = policyThresholds(policy);

  const responseStop = ticket.firstResponseAt === undefined ? Infinity : parseInstant(ticket.firstResponseAt, 'firstResponseAt');
  const responseEnd = Math.max(start, Math.min(responseStop, now));
  const response: ClockInput = { calendar, thresholds: thresholds.response[ticket.priority], start, end: responseEnd, running: responseStop > now, paused: false, pauses: [] };

  const stopAt = ticket.resolvedAt ?? ticket.closedAt;
  const resolutionStop = stopAt === undefined ? Infinity : parseInstant(stopAt, stopAt === ticket.resolvedAt ? 'resolvedAt' : 'closedAt');
  const resolutionEnd = Math.max(start, Math.min(resolutionStop, now));
  const running = resolutionStop > now;
  const pauses = ticket.pauses.length ? pauseSegments(ticket.pauses, start, resolutionEnd) : [];
  const resolution: ClockInput = {
    calendar,
    thresholds: resolutionThresholds(policy, ticket.budgetMinutes),
    start,
    end: resolutionEnd,
    running,
    paused: running && ticket.pauses.length > 0 && isPausedAt(ticket.pauses, now),
    pauses,
  };
  let resolutionMs = openMsBetween(calendar, start, resolutionEnd);
  for (const p of pauses) resolutionMs -= openMsBetween(calendar, p.start, p.end);

  return {
    at: isoOfAt(now),
    response: new ClockReading('response', response, openMsBetween(calendar, start, responseEnd)),
    resolution: new ClockReading('resolution', resolution, resolutionMs),
  };
}
