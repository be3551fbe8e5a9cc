import type { TicketStore } from '../../shared/application/ports';
import type { Ticket } from '../../shared/domain/ticket';
import { canSeeTicket, type Caller } from '../auth/caller';
import { ApiProblem } from './api-problem';

/** A ticket the caller may see, or 404 (another client's ticket is answered exactly like a missing one). */
export async function visibleTicket(tickets: TicketStore, caller: Caller, ticketId: string): Promise<Ticket> {
  const ticket = await tickets.get(ticketId);
  if (!ticket || !canSeeTicket(caller, ticket))
    throw new ApiProblem(404, 'not-found', 'Not found', `ticket ${ticketId} not found`);
  return ticket;
}

export function assertVersion(ticket: Ticket, expectedVersion: string): void {
  if (ticket.version !== expectedVersion) {
    throw new ApiProblem(
      412,
      'stale-version',
      'Someone changed this ticket',
      `ticket ${ticket.number} is at version ${ticket.version}, not ${expectedVersion}: reload it`,
    );
  }
}
