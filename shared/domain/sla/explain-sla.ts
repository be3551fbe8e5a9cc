import { businessSegments, type BusinessCalendar } from '../calendar/index';
import type { SupportPolicy } from '../policy/support-policy';
import type { SlaPause, Ticket } from '../ticket/ticket';
import type { NewTicketEvent, TicketEvent } from '../ticket/ticket-event';
import { parseInstant } from './parse-instant';
import { pauseSpans, slaStatus } from './sla-status';
import type { ClockStatus, SlaClockName, SlaState } from './sla-types';

/** One stretch of time between a clock's start and where it stopped counting. */
export interface ExplainedSpan {
  start: string;
  end: string;
  /** Real length in minutes (seconds as fractions). */
  minutes: number;
  /** counted: open business time; closed: outside hours; holiday: hours a holiday removed; pause: open time inside a pause. */
  kind: 'counted' | 'closed' | 'holiday' | 'pause';
  /** The holiday's date (holiday spans). */
  date?: string;
  /** Why the clock was paused (pause spans). */
  pauseReason?: SlaPause['reason'];
}

export interface ClockExplanation {
  clock: SlaClockName;
  state: SlaState;
  startedAt: string;
  /** Where counting ends: the stop (first response, resolution, closing) or the instant asked about. */
  countedUntil: string;
  stopped: boolean;
  targetMinutes: number | null;
  atRiskMinutes: number;
  breachMinutes: number;
  /** Sum of the counted spans: equals the clock's elapsedMinutes. */
  countedMinutes: number;
  remainingMinutes: number;
  skippedMinutes: { closed: number; holiday: number; pause: number };
  spans: ExplainedSpan[];
  breachAt?: string;
  atRiskAt?: string;
  targetAt?: string;
}

/** A fact from the log that moved a clock (when events are given). */
export interface ExplainedChange {
  at: string;
  type: ClockEventType;
  detail: Record<string, string | number>;
}

export interface SlaExplanation {
  at: string;
  /** The ticket's human number (SUP-2026-0042). */
  ticketNumber: string;
  timezone: string;
  /** The name of the policy the ticket runs under (`default`, `client:<id>`) and its version id. */
  policyName: string;
  policyVersion: string;
  priority: Ticket['priority'];
  incidentType: Ticket['incidentType'];
  response: ClockExplanation;
  resolution: ClockExplanation;
  changes: ExplainedChange[];
}

/** The events that move a clock: the changes an explanation lists (each has its `sla.change.*` message). */
const CLOCK_EVENTS = [
  'opened',
  'first-response',
  'priority-changed',
  'incident-type-changed',
  'information-requested',
  'client-replied',
  'escalated',
  'microsoft-responded',
  'budget-extension-approved',
  'resolved',
  'resolution-rejected',
  'resolution-validated',
  'closed-no-response',
] as const satisfies ReadonlyArray<TicketEvent['type']>;
export type ClockEventType = (typeof CLOCK_EVENTS)[number];

function movesAClock(type: TicketEvent['type']): type is ClockEventType {
  return (CLOCK_EVENTS as readonly string[]).includes(type);
}

function detailOf(event: NewTicketEvent | TicketEvent): Record<string, string | number> {
  switch (event.type) {
    case 'opened':
      return { priority: event.data.priority, incidentType: event.data.incidentType, budgetMinutes: event.data.budgetMinutes };
    case 'priority-changed':
      return { from: event.data.from, to: event.data.to };
    case 'incident-type-changed':
      return { from: event.data.from, to: event.data.to, budgetMinutes: event.data.budgetMinutes };
    case 'escalated':
      return { from: event.data.from, to: event.data.to };
    case 'budget-extension-approved':
      return { minutes: event.data.minutes };
    default:
      return {};
  }
}

function pauseReasonAt(pauses: readonly SlaPause[], t: number): SlaPause['reason'] | undefined {
  return pauses.find((p) => parseInstant(p.start) <= t && (p.end === undefined || parseInstant(p.end) > t))?.reason;
}

function explainClock(status: ClockStatus, calendar: BusinessCalendar, pauses: readonly SlaPause[], at: Date): ClockExplanation {
  const start = parseInstant(status.startedAt);
  const until = status.stoppedAt === undefined ? Math.max(start, at.getTime()) : parseInstant(status.stoppedAt);
  const spansOfPauses = pauses.length ? pauseSpans(pauses, start, until) : undefined;
  const parts = businessSegments(calendar, new Date(start), new Date(until), spansOfPauses);
  const spans: ExplainedSpan[] = [
    ...parts.counted.map((s) => ({
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      minutes: s.minutes,
      kind: 'counted' as const,
    })),
    ...parts.skipped.map((s) => {
      const span: ExplainedSpan = { start: s.start.toISOString(), end: s.end.toISOString(), minutes: s.minutes, kind: s.reason };
      if (s.date !== undefined) span.date = s.date;
      const reason = s.reason === 'pause' ? pauseReasonAt(pauses, s.start.getTime()) : undefined;
      if (reason) span.pauseReason = reason;
      return span;
    }),
  ].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const skippedMinutes = { closed: 0, holiday: 0, pause: 0 };
  for (const s of parts.skipped) skippedMinutes[s.reason] += s.minutes;
  const explanation: ClockExplanation = {
    clock: status.clock,
    state: status.state,
    startedAt: status.startedAt,
    countedUntil: new Date(until).toISOString(),
    stopped: status.stoppedAt !== undefined,
    targetMinutes: status.targetMinutes,
    atRiskMinutes: status.atRiskMinutes,
    breachMinutes: status.breachMinutes,
    countedMinutes: parts.minutes,
    remainingMinutes: status.remainingMinutes,
    skippedMinutes,
    spans,
  };
  for (const key of ['breachAt', 'atRiskAt', 'targetAt'] as const) {
    const value = status[key];
    if (value !== undefined) explanation[key] = value;
  }
  return explanation;
}

/**
 * Why the clocks of `ticket` read what they read at `at`: for each clock the counted business spans,
 * the skipped closed time, holiday hours and pauses (with their reason), the thresholds, and, when
 * `events` are given, the log entries that moved the clocks (priority or type changes, pauses,
 * resolution, rejection). Structured data; render it with formatSlaExplanation.
 */
export function explainSla(
  ticket: Ticket,
  events: ReadonlyArray<NewTicketEvent | TicketEvent> | undefined,
  policy: SupportPolicy,
  calendar: BusinessCalendar,
  at: Date,
): SlaExplanation {
  const status = slaStatus(ticket, policy, calendar, at);
  const until = at.getTime();
  return {
    at: at.toISOString(),
    ticketNumber: ticket.number,
    timezone: policy.calendar.timezone,
    policyName: policy.name,
    policyVersion: ticket.policyVersion,
    priority: ticket.priority,
    incidentType: ticket.incidentType,
    response: explainClock(status.response, calendar, [], at),
    resolution: explainClock(status.resolution, calendar, ticket.pauses, at),
    changes: (events ?? []).flatMap((e): ExplainedChange[] =>
      movesAClock(e.type) && parseInstant(e.at) <= until ? [{ at: e.at, type: e.type, detail: detailOf(e) }] : [],
    ),
  };
}
