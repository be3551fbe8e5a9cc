import { ValidationError } from '../common/errors';
import { applyEvent } from './apply-event';
import { ticketFromOpened } from './open-ticket';
import type { Ticket } from './ticket';
import type { TicketEvent } from './ticket-event';

/**
 * The ticket a log describes: `opened` first, then every event through applyEvent. Equals the
 * incrementally maintained ticket (except `version`, which the store sets: replay leaves it '').
 */
export function replay(events: readonly TicketEvent[]): Ticket {
  const [first, ...rest] = events;
  if (!first || first.type !== 'opened') throw new ValidationError('events', 'a ticket log starts with an "opened" event');
  let ticket = ticketFromOpened(first.ticketId, first);
  for (const event of rest) {
    if (event.ticketId !== first.ticketId)
      throw new ValidationError('events', `event ${event.id} belongs to ticket ${event.ticketId}, not ${first.ticketId}`);
    ticket = applyEvent(ticket, event);
  }
  return ticket;
}
