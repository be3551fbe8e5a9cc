import { createHash } from 'node:crypto';
import type { TimeEntry } from '../../domain/billing';
import type { Ticket } from '../../domain/ticket';
import type { ListItem } from './list-items';

/** What the store knows of a ticket's item besides the ticket: where it is, its eTag, its log length. */
export interface TicketItemMeta {
  itemId: string;
  eTag: string;
  eventCount: number;
  /** The ticket at that eTag as stored (its Data JSON), for a caller that holds the same version. */
  data?: string;
}

/**
 * The unique idempotency key of a ticket: the SHA-256 of its source Message-ID (any length, any
 * characters, fits the 255-character indexed column), or the ticket id when it came from no message.
 */
export function sourceKey(ticket: Pick<Ticket, 'id' | 'sourceMessageId'>): string {
  return ticket.sourceMessageId !== undefined ? messageKey(ticket.sourceMessageId) : `none:${ticket.id}`;
}

export function messageKey(messageId: string): string {
  return `msg:${createHash('sha256').update(messageId, 'utf8').digest('hex')}`;
}

/** The item fields of a ticket: typed, indexed columns for the filters plus the ticket as JSON (without its version). */
export function ticketFields(ticket: Ticket, eventCount: number): Record<string, unknown> {
  const { version: _version, ...rest } = ticket;
  return {
    TicketId: ticket.id,
    TicketNumber: ticket.number,
    SourceKey: sourceKey(ticket),
    Status: ticket.status,
    ClientId: ticket.clientId,
    AssigneeId: ticket.assigneeId ?? null,
    Assigned: ticket.assigneeId !== undefined,
    RequesterEmail: ticket.requesterEmail.toLowerCase(),
    ConversationId: ticket.conversationId ?? null,
    EventCount: eventCount,
    Data: JSON.stringify(rest),
  };
}

export function ticketOf(item: ListItem): { ticket: Ticket; meta: TicketItemMeta } {
  const ticket = { ...(JSON.parse(String(item.fields.Data)) as Omit<Ticket, 'version'>), version: item.eTag } as Ticket;
  return {
    ticket,
    meta: { itemId: item.id, eTag: item.eTag, eventCount: Number(item.fields.EventCount ?? 0), data: String(item.fields.Data) },
  };
}

export function entryFields(entry: TimeEntry): Record<string, unknown> {
  return { EntryId: entry.id, TicketId: entry.ticketId, ClientId: entry.clientId, At: entry.at, Data: JSON.stringify(entry) };
}

export function counterKey(year: number): string {
  return `tickets:${year}`;
}
