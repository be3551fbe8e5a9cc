import type { Ticket } from '../../domain/ticket';

/**
 * Freezes a ticket and the objects inside it. Spelled out per field (a generic walk costs ten times
 * more on a 50,000-ticket sweep); a test checks that every nested object of a full ticket is frozen.
 */
function freezeTicket(ticket: Ticket): Ticket {
  for (const pause of ticket.pauses) Object.freeze(pause);
  Object.freeze(ticket.pauses);
  if (ticket.pendingExtension) Object.freeze(ticket.pendingExtension);
  return Object.freeze(ticket);
}

/**
 * Parsed tickets by row position (`seq`), valid while the stored version is unchanged: a sweep re-reads only the
 * tickets that changed since the last one. Entries are deep-frozen because they are handed out as
 * they are. Bounded: the oldest entries go first once `capacity` is reached.
 */
export class TicketCache {
  private readonly entries = new Map<number, { version: number; ticket: Ticket }>();

  constructor(private readonly capacity: number) {}

  get(seq: number, version: number): Ticket | undefined {
    const entry = this.entries.get(seq);
    return entry && entry.version === version ? entry.ticket : undefined;
  }

  /** Parses the stored JSON (which has no version), freezes it and remembers it. */
  add(seq: number, version: number, json: string): Ticket {
    const ticket = JSON.parse(json) as Ticket;
    ticket.version = String(version);
    freezeTicket(ticket);
    if (this.capacity > 0) {
      this.entries.delete(seq);
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as number);
      this.entries.set(seq, { version, ticket });
    }
    return ticket;
  }
}
