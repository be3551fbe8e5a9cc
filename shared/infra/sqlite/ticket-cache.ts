import type { Ticket } from '../../domain/ticket/ticket';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Parsed tickets by id, valid while the stored version is unchanged: a sweep re-reads only the
 * tickets that changed since the last one. Entries are deep-frozen because they are handed out as
 * they are. Bounded: the oldest entries go first once `capacity` is reached.
 */
export class TicketCache {
  private readonly entries = new Map<string, { version: number; ticket: Ticket }>();

  constructor(private readonly capacity: number) {}

  get(id: string, version: number): Ticket | undefined {
    const entry = this.entries.get(id);
    return entry && entry.version === version ? entry.ticket : undefined;
  }

  /** Parses the stored JSON (which has no version), freezes it and remembers it. */
  add(version: number, json: string): Ticket {
    const ticket = JSON.parse(json) as Ticket;
    ticket.version = String(version);
    deepFreeze(ticket);
    if (this.capacity > 0) {
      this.entries.delete(ticket.id);
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(ticket.id, { version, ticket });
    }
    return ticket;
  }
}
