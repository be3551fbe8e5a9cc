import type { TimeEntry } from '../domain/billing';
import { buildTimeEntry, type BillingContext } from '../domain/billing';
import type { BusinessCalendar } from '../domain/calendar';
import { ConflictError, NotFoundError } from '../domain/common';
import type { SupportPolicy } from '../domain/policy';
import { applyEvent } from '../domain/ticket';
import { assertEventAllowed } from '../domain/ticket';
import type { Ticket } from '../domain/ticket';
import type { FollowUpKind, NewTicketEvent, TicketEventData, TicketEventType } from '../domain/ticket';
import type { Actor, Channel } from '../domain/ticket';
import type { ClientMailOptions, TicketMailKind } from './client-mailer';
import type { Notification } from './ports';
import { definedOnly } from '../domain/index';

/** The system actor that bills automatic follow-ups (closure after the client's validation, final notice). */
export const BILLING_ACTOR: Actor = { role: 'system', id: 'ticket-service' };

/** Everything one change needs: the ticket as loaded, its policy and calendar, the instant, the actor. */
export interface ChangeContext {
  ticket: Ticket;
  policy: SupportPolicy;
  calendar: BusinessCalendar;
  now: Date;
  actor: Actor;
  channel: Channel;
  /** The policy, calendar and the client's after-hours windows the domain rates time entries with (loaded once, on demand; the windows only outside support hours, where they matter). */
  billing: () => Promise<BillingContext>;
  newId: () => string;
}

/** What a command does to a ticket: events (in order), billed time, then the email and the notifications. */
export interface ChangePlan {
  events: NewTicketEvent[];
  entries: TimeEntry[];
  mail?: { kind: TicketMailKind; params: ClientMailOptions } | undefined;
  notifications?: ((saved: Ticket) => Notification[]) | undefined;
}

export function event<K extends TicketEventType>(
  ctx: ChangeContext,
  type: K,
  data: TicketEventData[K],
  actor: Actor = ctx.actor,
): NewTicketEvent {
  return {
    type,
    at: ctx.now.toISOString(),
    actor,
    channel: actor === ctx.actor ? ctx.channel : 'system',
    data,
  } as NewTicketEvent;
}

/** A 15-minute (policy) follow-up: its event and its time entry, rated at the change's instant. */
export async function billedFollowUp(
  ctx: ChangeContext,
  kind: FollowUpKind,
  note?: string,
  actor: Actor = ctx.actor,
): Promise<{ event: NewTicketEvent; entry: TimeEntry }> {
  const entryId = ctx.newId();
  const minutes = ctx.policy.billing.followUpMinutes;
  const data: TicketEventData['follow-up-logged'] = { kind, entryId, minutes, ...definedOnly({ note }) };
  const entry = buildTimeEntry(
    { ...entryFacts(ctx, entryId, actor, note), kind: 'follow-up', followUpKind: kind },
    await ctx.billing(),
  );
  return { event: event(ctx, 'follow-up-logged', data, actor), entry };
}

type SharedEntryFacts = {
  id: string;
  ticketId: string;
  clientId: string;
  at: string;
  actorId: string;
  actorRole: string;
  note?: string;
};

/** The facts every time entry of a change shares: its id, ticket, client, instant, actor and note. */
export function entryFacts(ctx: ChangeContext, id: string, actor: Actor, note: string | undefined): SharedEntryFacts {
  return {
    id,
    ticketId: ctx.ticket.id,
    clientId: ctx.ticket.clientId,
    at: ctx.now.toISOString(),
    actorId: actor.id,
    actorRole: actor.role,
    ...definedOnly({ note }),
  };
}

/** Checks every event against the permission table and folds them onto the ticket. */
export function applyPlan(ticket: Ticket, plan: ChangePlan): Ticket {
  let next = ticket;
  for (const e of plan.events) {
    assertEventAllowed(e);
    next = applyEvent(next, e);
  }
  return next;
}

/** The ticket as loaded, refused when missing or when the caller saw another version. */
export function checkLoaded(ticketId: string, loaded: Ticket | undefined, expectedVersion: string): Ticket {
  if (!loaded) throw new NotFoundError('ticket', ticketId);
  if (loaded.version !== expectedVersion)
    throw new ConflictError('ticket', loaded.number || ticketId, expectedVersion, loaded.version);
  return loaded;
}
