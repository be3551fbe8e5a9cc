import { slaStatus } from '../sla/sla-status';
import type { SlaClockName } from '../sla/sla-types';
import type { TicketEvent } from '../ticket/ticket-event';
import type { DashboardTicket } from './dashboard-ticket';
import { isBefore } from './months';

/** A clock that breached, or was met inside its at-risk zone (a near miss), during a period. */
export interface SlaIncident {
  ticketId: string;
  clock: SlaClockName;
  kind: 'breach' | 'near-miss';
  /** The breach instant, or for a near miss the instant the clock stopped. */
  at: string;
  /** Business minutes counted on the clock (to its stop, or to now while it runs). */
  elapsedMinutes: number;
  breachMinutes: number;
}

/** When a breached clock's breach instant was: read from slaStatus just before the clock stopped or paused. */
function breachInstant(row: DashboardTicket, clock: SlaClockName): number | undefined {
  const reading = row.sla[clock];
  if (reading.breachAt !== undefined) return Date.parse(reading.breachAt);
  const stops: number[] = [];
  if (reading.stoppedAt !== undefined) stops.push(Date.parse(reading.stoppedAt));
  const open = clock === 'resolution' ? row.ticket.pauses.find((p) => p.end === undefined) : undefined;
  if (open) stops.push(Date.parse(open.start));
  for (const stop of stops) {
    const before = slaStatus(row.ticket, row.policy, row.calendar, new Date(stop - 1))[clock];
    if (before.breachAt !== undefined) return Date.parse(before.breachAt);
  }
  return undefined;
}

/**
 * Breaches (the breach instant falls in `[from, to)`) and near misses (met, stopped in `[from, to)`,
 * after reaching the at-risk threshold) of both clocks, earliest first. States and instants come from
 * slaStatus: a breach is dated where its clock passed the breach threshold.
 */
export function slaIncidents(rows: readonly DashboardTicket[], from: Date, to: Date): SlaIncident[] {
  const a = from.getTime();
  const b = to.getTime();
  const fromIso = from.toISOString();
  const incidents: SlaIncident[] = [];
  for (const row of rows) {
    const { ticket } = row;
    // Where each clock stopped (the fields slaStatus stops them at): a clock stopped before the period
    // can neither breach nor be met inside it, and most of a year's tickets are skipped here unread.
    const resolutionStop = ticket.resolvedAt ?? ticket.closedAt;
    if (
      ticket.firstResponseAt !== undefined &&
      resolutionStop !== undefined &&
      isBefore(ticket.firstResponseAt, a, fromIso) &&
      isBefore(resolutionStop, a, fromIso)
    )
      continue;
    for (const clock of ['response', 'resolution'] as const) {
      const reading = row.sla[clock];
      if (reading.state === 'breached') {
        if (reading.stoppedAt !== undefined && Date.parse(reading.stoppedAt) < a) continue;
        const at = breachInstant(row, clock);
        if (at === undefined || at < a || at >= b) continue;
        incidents.push({
          ticketId: row.ticket.id,
          clock,
          kind: 'breach',
          at: new Date(at).toISOString(),
          elapsedMinutes: reading.elapsedMinutes,
          breachMinutes: reading.breachMinutes,
        });
      } else if (reading.state === 'met' && reading.stoppedAt !== undefined && reading.elapsedMinutes >= reading.atRiskMinutes) {
        const at = Date.parse(reading.stoppedAt);
        if (at < a || at >= b) continue;
        incidents.push({
          ticketId: row.ticket.id,
          clock,
          kind: 'near-miss',
          at: reading.stoppedAt,
          elapsedMinutes: reading.elapsedMinutes,
          breachMinutes: reading.breachMinutes,
        });
      }
    }
  }
  return incidents.sort((x, y) => x.at.localeCompare(y.at));
}

/** Who held the ticket at `at`: the assignee of the last `assigned` event at or before it (from the event log). */
export function holderAt(events: readonly Pick<TicketEvent, 'type' | 'at' | 'data'>[], at: string): string | undefined {
  const t = Date.parse(at);
  let holder: string | undefined;
  for (const event of events) {
    if (Date.parse(event.at) > t) break;
    if (event.type === 'assigned') holder = (event.data as { assigneeId: string }).assigneeId;
  }
  return holder;
}
