import type { InboundMail } from '../../domain/mail';
import { extractTicketNumbers } from '../../domain/mail';
import type { Ticket } from '../../domain/ticket';
import { readThread, ticketIdForMessage } from '../mail-thread';
import type { StateStore, TicketStore } from '../ports';

export type ThreadMatch = 'in-reply-to' | 'references' | 'subject' | 'conversation';

/**
 * The ticket an inbound message belongs to, by the strongest evidence first: In-Reply-To, then
 * References (newest first) against the Message-IDs of each ticket's thread and the messages that
 * opened tickets, then a ticket number in the subject (`[SUP-2026-0042]`), then the Graph
 * conversationId. Undefined when nothing matches: a new request.
 */
export async function resolveThreadTicket(
  deps: { tickets: TicketStore; state: StateStore },
  mail: Pick<InboundMail, 'inReplyTo' | 'references' | 'subject' | 'conversationId'>,
): Promise<{ ticket: Ticket; match: ThreadMatch } | undefined> {
  const byId = async (messageId: string): Promise<Ticket | undefined> => {
    const ticketId = await ticketIdForMessage(deps.state, messageId);
    if (ticketId) {
      // The thread with its ticket (one round trip where the store batches): intake appends to it next,
      // and a store that keeps threads a short time answers that from memory.
      const [ticket] = await Promise.all([deps.tickets.get(ticketId), readThread(deps.state, ticketId)]);
      if (ticket) return ticket;
    }
    return deps.tickets.findBySourceMessageId(messageId);
  };
  if (mail.inReplyTo) {
    const ticket = await byId(mail.inReplyTo);
    if (ticket) return { ticket, match: 'in-reply-to' };
  }
  for (const id of [...mail.references].reverse()) {
    if (id === mail.inReplyTo) continue;
    const ticket = await byId(id);
    if (ticket) return { ticket, match: 'references' };
  }
  for (const number of extractTicketNumbers(mail.subject)) {
    const ticket = await deps.tickets.getByNumber(number);
    if (ticket) return { ticket, match: 'subject' };
  }
  if (mail.conversationId) {
    const page = await deps.tickets.list({ conversationId: mail.conversationId, limit: 1 });
    if (page.tickets[0]) return { ticket: page.tickets[0], match: 'conversation' };
  }
  return undefined;
}
