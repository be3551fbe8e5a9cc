import { NotAuthorizedError, NotFoundError } from '../domain/common';
import { explainSla, type SlaExplanation } from '../domain/sla';
import { slaStatus } from '../domain/sla';
import type { SlaStatus } from '../domain/sla';
import type { Ticket } from '../domain/ticket';
import type { TicketEvent } from '../domain/ticket';
import { isStaffRole, OPEN_STATUSES, type Actor } from '../domain/ticket';
import type { PolicyRegistry } from './policy-registry';
import type { Clock, Store, TicketQuery } from './ports';
import { assertTicketAccess } from './requester-access';
import { SweepCalendars } from './sla-monitor/sweep-calendars';

export interface TicketWithSla {
  ticket: Ticket;
  sla: SlaStatus;
}

const STATE_RANK: Record<string, number> = { breached: 0, 'at-risk': 1, 'on-track': 2, paused: 3, met: 4 };

/** Most urgent first: breached, at risk, then the least business time left on either clock. */
export function urgency(a: TicketWithSla, b: TicketWithSla): number {
  const rank = (x: TicketWithSla) => Math.min(STATE_RANK[x.sla.response.state], STATE_RANK[x.sla.resolution.state]);
  const left = (x: TicketWithSla) =>
    Math.min(
      x.sla.response.state === 'met' ? Infinity : x.sla.response.remainingMinutes,
      x.sla.resolution.state === 'met' ? Infinity : x.sla.resolution.remainingMinutes,
    );
  return rank(a) - rank(b) || left(a) - left(b) || a.ticket.openedAt.localeCompare(b.ticket.openedAt);
}

/**
 * Reading tickets: the staff queue by SLA urgency, one's own tickets, lookups by number and email
 * thread, a requester's tickets, a ticket's history. Staff see everything; a requester sees their own
 * tickets (their client's when they administer it) and never internal notes.
 */
export class TicketQueryService {
  constructor(private readonly deps: { store: Store; clock: Clock; policies: PolicyRegistry }) {}

  /** Open tickets (optionally of one client / unassigned), most urgent first. */
  async queue(actor: Actor, options: { clientId?: string; unassigned?: boolean; limit?: number } = {}): Promise<TicketWithSla[]> {
    this.assertStaff(actor, 'see the queue');
    const tickets = await this.all({ statuses: OPEN_STATUSES, clientId: options.clientId, unassigned: options.unassigned });
    const withSla = await this.withSla(tickets);
    return withSla.sort(urgency).slice(0, options.limit ?? withSla.length);
  }

  /** The actor's assigned open tickets, most urgent first. */
  async mine(actor: Actor): Promise<TicketWithSla[]> {
    this.assertStaff(actor, 'have assigned tickets');
    return (await this.withSla(await this.all({ statuses: OPEN_STATUSES, assigneeId: actor.id }))).sort(urgency);
  }

  /** Every ticket matching `query` (all pages), for staff lists. */
  async list(actor: Actor, query: Omit<TicketQuery, 'cursor' | 'limit'>): Promise<Ticket[]> {
    this.assertStaff(actor, 'list tickets');
    return this.all(query);
  }

  async byId(actor: Actor, id: string): Promise<Ticket> {
    const ticket = await this.deps.store.tickets.get(id);
    if (!ticket) throw new NotFoundError('ticket', id);
    await assertTicketAccess(this.deps.store.directory, actor, ticket, this.deps.clock.now());
    return ticket;
  }

  async byNumber(actor: Actor, number: string): Promise<Ticket> {
    const ticket = await this.deps.store.tickets.getByNumber(number.trim().toUpperCase());
    if (!ticket) throw new NotFoundError('ticket', number);
    await assertTicketAccess(this.deps.store.directory, actor, ticket, this.deps.clock.now());
    return ticket;
  }

  /** A ticket by id or human number (SUP-2026-0042). */
  byIdOrNumber(actor: Actor, key: string): Promise<Ticket> {
    return /^SUP-\d{4}-\d+$/i.test(key.trim()) ? this.byNumber(actor, key) : this.byId(actor, key);
  }

  /** The tickets of an email thread (Graph conversationId or root Message-ID). */
  async byConversation(actor: Actor, conversationId: string): Promise<Ticket[]> {
    const tickets = await this.all({ conversationId });
    const visible: Ticket[] = [];
    for (const ticket of tickets) {
      if (await this.canSee(actor, ticket)) visible.push(ticket);
    }
    return visible;
  }

  /** A requester's own tickets (open and closed), newest first. */
  async requesterTickets(actor: Actor, requesterEmail = actor.id): Promise<Ticket[]> {
    const email = requesterEmail.trim().toLowerCase();
    if (actor.role === 'requester' && actor.id.trim().toLowerCase() !== email)
      throw new NotAuthorizedError('requester', 'see tickets of others', `${actor.id} may see only their own tickets`);
    return (await this.all({ requesterEmail: email })).reverse();
  }

  /** The audit trail (who, when, channel, what); requesters do not see internal notes. */
  async history(actor: Actor, ticketKey: string): Promise<TicketEvent[]> {
    const ticket = await this.byIdOrNumber(actor, ticketKey);
    const events = await this.deps.store.tickets.events(ticket.id);
    return actor.role === 'requester' ? events.filter((e) => !(e.type === 'note-added' && e.data.internal)) : events;
  }

  /** Both SLA clocks of a ticket now, on its policy's calendar plus the client's approved after-hours windows. */
  async sla(actor: Actor, ticketKey: string): Promise<TicketWithSla> {
    const ticket = await this.byIdOrNumber(actor, ticketKey);
    const [withSla] = await this.withSla([ticket]);
    return withSla;
  }

  /** How each clock adds up (counted segments, closed time, holidays, pauses, the changes that moved it). */
  async explain(actor: Actor, ticketKey: string): Promise<SlaExplanation> {
    this.assertStaff(actor, 'explain SLA clocks');
    const ticket = await this.byIdOrNumber(actor, ticketKey);
    const policy = await this.deps.policies.forTicket(ticket);
    const calendars = new SweepCalendars(
      await this.deps.store.afterHours.listWindows({ clientId: ticket.clientId, status: 'approved' }),
      this.deps.policies,
    );
    const events = await this.deps.store.tickets.events(ticket.id);
    return explainSla(ticket, events, policy, calendars.of(ticket.clientId, policy), this.deps.clock.now());
  }

  private async withSla(tickets: Ticket[]): Promise<TicketWithSla[]> {
    const now = this.deps.clock.now();
    const calendars = new SweepCalendars(
      await this.deps.store.afterHours.listWindows({ status: 'approved' }),
      this.deps.policies,
    );
    const result: TicketWithSla[] = [];
    for (const ticket of tickets) {
      const policy = await this.deps.policies.forTicket(ticket);
      result.push({ ticket, sla: slaStatus(ticket, policy, calendars.of(ticket.clientId, policy), now) });
    }
    return result;
  }

  private async all(query: Omit<TicketQuery, 'cursor' | 'limit'>): Promise<Ticket[]> {
    const tickets: Ticket[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.tickets.list({ ...query, limit: 1000, cursor });
      tickets.push(...page.tickets);
      cursor = page.next;
    } while (cursor);
    return tickets;
  }

  private async canSee(actor: Actor, ticket: Ticket): Promise<boolean> {
    try {
      await assertTicketAccess(this.deps.store.directory, actor, ticket, this.deps.clock.now());
      return true;
    } catch (error) {
      if (error instanceof NotAuthorizedError) return false;
      throw error;
    }
  }

  private assertStaff(actor: Actor, what: string): void {
    if (!isStaffRole(actor.role)) throw new NotAuthorizedError(actor.role, what, `role ${actor.role} may not ${what}`);
  }
}
