import { applyEvent } from '../../../shared/domain/ticket';
import { openTicket, type OpenTicketInput } from '../../../shared/domain/ticket';
import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import type { Ticket } from '../../../shared/domain/ticket';
import type { NewTicketEvent, TicketEvent, TicketEventData, TicketEventType } from '../../../shared/domain/ticket';
import type { Actor } from '../../../shared/domain/ticket';

export const STAFF_L2: Actor = { role: 'L2', id: 'staff-2' };
export const REQUESTER: Actor = { role: 'requester', id: 'ana@acme.mx' };

export function openInput(overrides: Partial<OpenTicketInput> = {}): OpenTicketInput {
  return {
    id: 't-1',
    number: 'SUP-2026-0001',
    clientId: 'acme',
    requesterEmail: 'Ana@Acme.mx',
    subject: 'Sync fails',
    description: 'The sync job fails every night',
    priority: 'high',
    incidentType: 'technical-regular',
    channel: 'email',
    sourceMessageId: '<m1@acme.mx>',
    locale: 'es-MX',
    at: '2026-03-02T15:00:00.000Z', // Monday 09:00 in Mexico City
    actor: { role: 'system', id: 'mail-intake' },
    ...overrides,
  };
}

export function ev<K extends TicketEventType>(
  type: K,
  at: string,
  data: TicketEventData[K],
  actor: Actor = STAFF_L2,
): NewTicketEvent {
  return { type, at, data, actor, channel: 'email' } as NewTicketEvent;
}

/** Opens a ticket and applies `events` in order; also returns the stored-log form of the events. */
export function run(events: NewTicketEvent[], input: Partial<OpenTicketInput> = {}): { ticket: Ticket; log: TicketEvent[] } {
  const opened = openTicket(openInput(input), DEFAULT_POLICY);
  let ticket = opened.ticket;
  const log: TicketEvent[] = [];
  [opened.event, ...events].forEach((event, i) => {
    if (i > 0) ticket = applyEvent(ticket, event);
    log.push({ ...event, id: `e${i + 1}`, seq: i + 1, ticketId: ticket.id } as TicketEvent);
  });
  return { ticket, log };
}

/** Minutes after the fixture's opening instant, as ISO. */
export function plus(minutes: number, from = '2026-03-02T15:00:00.000Z'): string {
  return new Date(Date.parse(from) + minutes * 60_000).toISOString();
}
