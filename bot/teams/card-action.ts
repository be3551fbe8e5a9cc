import { z } from 'zod';
import type { TicketRef } from '../../shared/application/ticket-commands';
import type { Ticket } from '../../shared/domain/ticket';
import type { CardJson } from '../cards/render-template';
import type { BotTurn } from './bot-turn';

/** Every Action.Execute verb, `noun.verb`, listed once. */
export const CARD_VERBS = [
  'ticket.respond',
  'ticket.respondByPhone',
  'ticket.triage',
  'ticket.applySuggestedPriority',
  'ticket.assignToMe',
  'ticket.assign',
  'ticket.logFollowUp',
  'ticket.logSession',
  'ticket.requestInformation',
  'ticket.recordContactAttempt',
  'ticket.escalate',
  'ticket.requestBudgetExtension',
  'ticket.resolve',
  'l4.recordCase',
  'phone.log',
  'ticket.confirmForClient',
  'ticket.reopenForClient',
  'statement.send',
  'statement.hold',
] as const;
export type CardVerb = (typeof CARD_VERBS)[number];

/** Which card an action answers with: the ticket card, the channel's SLA alert card, the L4 prompt, the queue, or a client's reply (on a stale version). */
export const CARD_VIEWS = ['ticket', 'alert', 'l4', 'queue', 'reply'] as const;
export type CardView = (typeof CARD_VIEWS)[number];

/** The data every ticket action carries: which ticket, the version the user saw, the card to answer with. */
export const TICKET_ACTION_DATA = z.object({
  ticketId: z.string().min(1),
  version: z.string().min(1),
  view: z.enum(CARD_VIEWS).default('ticket'),
  clock: z.enum(['response', 'resolution']).optional(),
  threshold: z.enum(['at-risk', 'breached']).optional(),
  reason: z.string().optional(),
  reply: z
    .object({ messageId: z.string().min(1), excerpt: z.string(), fromEmail: z.string(), fromName: z.string().optional() })
    .optional(),
});
export type TicketActionData = z.infer<typeof TICKET_ACTION_DATA>;

/** A required free-text input (trimmed, not empty). */
export const requiredText = z.string().trim().min(1);
/** An optional free-text input: "" (an untouched field) becomes undefined. */
export const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() ? value.trim() : undefined));
/** Input.Number arrives as a string or a number. */
export const positiveInt = z.coerce.number().int().positive();

export function ticketRef(data: { ticketId: string; version: string }): TicketRef {
  return { ticketId: data.ticketId, expectedVersion: data.version };
}

/** One Action.Execute handler (Teams Toolkit style: one class per card action). */
export interface CardAction<D = unknown> {
  readonly verb: CardVerb;
  readonly schema: z.ZodType<D>;
  /** Calls one service method; the router renders the answer card from the returned ticket, or answers with the card returned. */
  run(turn: BotTurn, data: D): Promise<Ticket | { card: CardJson }>;
}
