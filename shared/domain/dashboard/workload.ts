import type { TimeEntry } from '../billing/billing-types';
import type { SlaStatus } from '../sla/sla-types';
import type { Ticket } from '../ticket/ticket';

export interface ConsultantLoad {
  /** Staff id ('' for open tickets nobody holds). */
  consultantId: string;
  open: number;
  breached: number;
  atRisk: number;
  /** Billed minutes (minutes x consultants) the consultant logged in the period's entries. */
  billedMinutes: number;
}

/**
 * Workload per consultant: the open tickets each holds with how many are breached or at risk on either
 * clock (from slaStatus), and the billed minutes each logged in `entries`; busiest first.
 */
export function consultantWorkload(
  open: ReadonlyArray<{ ticket: Pick<Ticket, 'assigneeId' | 'status'>; sla: Pick<SlaStatus, 'response' | 'resolution'> }>,
  entries: readonly Pick<TimeEntry, 'actorId' | 'billedMinutes'>[],
): ConsultantLoad[] {
  const loads = new Map<string, ConsultantLoad>();
  const load = (id: string) => {
    let found = loads.get(id);
    if (!found) loads.set(id, (found = { consultantId: id, open: 0, breached: 0, atRisk: 0, billedMinutes: 0 }));
    return found;
  };
  for (const { ticket, sla } of open) {
    if (ticket.status === 'closed' || ticket.status === 'resolved') continue;
    const row = load(ticket.assigneeId ?? '');
    row.open += 1;
    const states = [sla.response.state, sla.resolution.state];
    if (states.includes('breached')) row.breached += 1;
    else if (states.includes('at-risk')) row.atRisk += 1;
  }
  for (const entry of entries) load(entry.actorId).billedMinutes += entry.billedMinutes;
  return [...loads.values()].sort(
    (a, b) => b.open - a.open || b.billedMinutes - a.billedMinutes || a.consultantId.localeCompare(b.consultantId),
  );
}
