import { ValidationError } from '../domain/common';
import type { Ticket } from '../domain/ticket';
import type { Actor } from '../domain/ticket';
import type { TicketStore } from './ports';

/** What a resolution decision recorded on the client's behalf carries: the client's message and who the client is. */
export interface OnBehalfOfClient {
  clientMessageId?: string;
  onBehalfOf?: string;
}

/**
 * A client decides on their resolution themselves (email, add-in); a consultant may record that
 * decision for them only by pointing at the client's message on this ticket, received since it was
 * resolved (a `client-replied` event with that Message-ID). Requesters and intake need no pointer.
 */
export async function onBehalfOfClient(
  tickets: Pick<TicketStore, 'events'>,
  ticket: Ticket,
  actor: Actor,
  clientMessageId: string | undefined,
): Promise<OnBehalfOfClient> {
  if (actor.role === 'requester' || actor.role === 'system') return {};
  const messageId = clientMessageId?.trim();
  if (!messageId)
    throw new ValidationError(
      'clientMessageId',
      `staff record the client's decision on ${ticket.number} only by pointing at the client's message`,
    );
  const since = ticket.resolvedAt ?? ticket.openedAt;
  const replies = (await tickets.events(ticket.id)).filter((e) => e.type === 'client-replied' && e.at >= since);
  if (!replies.some((e) => e.type === 'client-replied' && e.data.messageId === messageId)) {
    throw new ValidationError(
      'clientMessageId',
      `${messageId} is not a message the client sent on ${ticket.number} since it was resolved`,
    );
  }
  return { clientMessageId: messageId, onBehalfOf: ticket.requesterEmail };
}
