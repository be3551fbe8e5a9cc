import type { SlaSummary, TicketView } from '../../shared/contract/api-contract';
import type { Ticket } from '../../shared/domain/ticket';
import { definedOnly } from '../../shared/domain/index';

/** Reads a ticket's SLA clocks at an instant (the domain's SLA status under the client's policy). */
export type SlaReader = (ticket: Ticket, at: Date) => Promise<SlaSummary>;

export async function toTicketView(ticket: Ticket, readSla: SlaReader, at: Date): Promise<TicketView> {
  return ticketViewWith(ticket, await readSla(ticket, at));
}

export function ticketViewWith(ticket: Ticket, sla: SlaSummary): TicketView {
  return definedOnly({
    id: ticket.id,
    number: ticket.number,
    version: ticket.version,
    clientId: ticket.clientId,
    requesterEmail: ticket.requesterEmail,
    subject: ticket.subject,
    status: ticket.status,
    closeReason: ticket.closeReason,
    priority: ticket.priority,
    incidentType: ticket.incidentType,
    level: ticket.level,
    assigneeId: ticket.assigneeId,
    budgetMinutes: ticket.budgetMinutes,
    consumedMinutes: ticket.consumedMinutes,
    awaitingEmail: ticket.awaitingEmail,
    openedAt: ticket.openedAt,
    firstResponseAt: ticket.firstResponseAt,
    firstResponseBy: ticket.firstResponseBy,
    prioritySuggestion: ticket.prioritySuggestion,
    contactAttempts: ticket.contactAttempts,
    resolvedAt: ticket.resolvedAt,
    closedAt: ticket.closedAt,
    conversationId: ticket.conversationId,
    sourceMessageId: ticket.sourceMessageId,
    pendingExtension: ticket.pendingExtension,
    sla,
  });
}
