import type { DigestLine } from '../ports';
import type { SlaStatus } from '../../domain/sla';
import type { Ticket } from '../../domain/ticket';
import { definedOnly } from '../../domain/index';

const RANK: Record<string, number> = { breached: 0, 'at-risk': 1, 'on-track': 2, paused: 3, met: 4 };

/** Collects the lines of the managers' daily digest: tickets at risk, breached or unassigned, most urgent first. */
export class DigestCollector {
  private readonly lines: Array<{ line: DigestLine; rank: number; remaining: number; order: number }> = [];

  /** `order`: the ticket's place in the sweep (ties keep it, whatever order concurrent checks end in). */
  add(ticket: Ticket, sla: SlaStatus, order: number): void {
    const states = [sla.response.state, sla.resolution.state];
    const urgent = states.includes('breached') || states.includes('at-risk');
    if (!urgent && ticket.assigneeId !== undefined) return;
    const line: DigestLine = {
      ticketNumber: ticket.number,
      ticketId: ticket.id,
      subject: ticket.subject,
      status: ticket.status,
      priority: ticket.priority,
      responseState: sla.response.state,
      resolutionState: sla.resolution.state,
      ...definedOnly({ assigneeId: ticket.assigneeId }),
    };
    const rank = Math.min(RANK[sla.response.state], RANK[sla.resolution.state]);
    this.lines.push({ line, rank, remaining: Math.min(sla.response.remainingMinutes, sla.resolution.remainingMinutes), order });
  }

  /** The `limit` most urgent lines: breached first, then at risk, then unassigned; least time left first. */
  take(limit: number): DigestLine[] {
    return this.lines
      .sort((a, b) => a.rank - b.rank || a.remaining - b.remaining || a.order - b.order)
      .slice(0, limit)
      .map((entry) => entry.line);
  }
}
