import type { z } from 'zod';
import { ValidationError } from '../../shared/domain/common';
import { t } from '../../shared/domain/i18n';
import type { Ticket } from '../../shared/domain/ticket';
import type { Actor } from '../../shared/domain/ticket';
import { clientReplyCard } from '../cards/client-reply-card';
import type { CardJson } from '../cards/render-template';
import type { BotTurn } from './bot-turn';
import type { CardActionOnce } from './card-action-once';
import { TICKET_ACTION_DATA, type CardAction, type CardVerb, type TicketActionData } from './card-action';
import type { ErrorMapper } from './error-mapper';
import type { TicketViews } from './ticket-views';

/** The answer to an Action.Execute: the refreshed card, or a message when there is no card to show. */
export type CardActionAnswer = { kind: 'card'; card: CardJson } | { kind: 'message'; text: string };

/** A client's unclear reply, shown again on the current version when a decision on it met a stale card. */
function replyCardAgain(ticket: Ticket, reply: NonNullable<TicketActionData['reply']>, turn: BotTurn, notice: string): CardJson {
  const from = reply.fromName ? { email: reply.fromEmail, name: reply.fromName } : { email: reply.fromEmail };
  return clientReplyCard(
    { kind: 'client-reply', ticket, from, messageId: reply.messageId, excerpt: reply.excerpt, outcome: 'needs-decision' },
    turn.format,
    notice,
  );
}

function validationError(error: z.ZodError): ValidationError {
  const issue = error.issues[0];
  return new ValidationError(issue?.path.join('.') || 'data', issue?.message ?? 'invalid');
}

/**
 * Routes Action.Execute verbs to their handler (one per verb, listed once), validates the data with
 * the handler's zod schema, and answers with the card the action came from, re-rendered from the
 * updated ticket. Errors go through the one ErrorMapper: a stale version answers with the current
 * card and a "changed by someone else" notice.
 */
export class CardActionRouter {
  private readonly byVerb = new Map<CardVerb, CardAction>();

  constructor(
    actions: readonly CardAction[],
    private readonly deps: {
      views: TicketViews;
      loadTicket: (actor: Actor, id: string) => Promise<Ticket>;
      errors: ErrorMapper;
      /** Runs each verb once per ticket version (a double click or a retry never bills or emails twice). */
      once: CardActionOnce;
      /** The queue card, for actions taken from the queue (`view: queue`). */
      queueCard: (turn: BotTurn) => Promise<CardJson | undefined>;
    },
  ) {
    for (const action of actions) {
      if (this.byVerb.has(action.verb)) throw new Error(`card verb ${action.verb} has two handlers`);
      this.byVerb.set(action.verb, action);
    }
  }

  verbs(): CardVerb[] {
    return [...this.byVerb.keys()];
  }

  async handle(turn: BotTurn, verb: string, data: unknown): Promise<CardActionAnswer> {
    const context = TICKET_ACTION_DATA.safeParse(data);
    try {
      const action = this.byVerb.get(verb as CardVerb);
      if (!action) throw new ValidationError('verb', `unknown card action "${verb}"`);
      const parsed = action.schema.safeParse(data);
      if (!parsed.success) throw validationError(parsed.error);
      if (!context.success) {
        // Not a ticket's card (a statement's review card): the action answers with its own card, or a ticket.
        const result = await action.run(turn, parsed.data);
        if ('card' in result) return { kind: 'card', card: result.card };
        return { kind: 'card', card: await this.render(result, undefined, turn) };
      }
      const ticket = await this.runOnce(action, turn, parsed.data, verb, context.data);
      if (!ticket) {
        const current = await this.deps.loadTicket(turn.actor, context.data.ticketId);
        return { kind: 'card', card: await this.render(current, context.data, turn, t(turn.locale, 'bot.card.alreadyReceived')) };
      }
      if ('card' in ticket) return { kind: 'card', card: ticket.card };
      return { kind: 'card', card: await this.render(ticket, context.data, turn) };
    } catch (error) {
      const mapped = this.deps.errors.map(error, turn.locale);
      if (mapped.conflict && context.success) {
        const current = await this.deps.loadTicket(turn.actor, context.data.ticketId);
        return { kind: 'card', card: await this.render(current, context.data, turn, mapped.message) };
      }
      return { kind: 'message', text: mapped.message };
    }
  }

  /** The action, unless the same verb already ran (or is running) on this ticket version: then undefined. */
  private async runOnce(
    action: CardAction,
    turn: BotTurn,
    data: unknown,
    verb: string,
    context: TicketActionData,
  ): Promise<Ticket | { card: CardJson } | undefined> {
    const key = this.deps.once.key(verb, context.ticketId, context.version);
    if (!(await this.deps.once.claim(key, turn.actor.id))) return undefined;
    let result: Ticket | { card: CardJson };
    try {
      result = await action.run(turn, data);
    } catch (error) {
      await this.deps.once.release(key);
      throw error;
    }
    await this.deps.once.complete(key, 'card' in result ? context.version : result.version);
    return result;
  }

  private async render(ticket: Ticket, context: TicketActionData | undefined, turn: BotTurn, notice?: string): Promise<CardJson> {
    const view = context?.view ?? 'ticket';
    if (view === 'queue') {
      const queue = await this.deps.queueCard(turn);
      if (queue) return queue;
    }
    if (view === 'alert' && context?.clock && context.threshold)
      return this.deps.views.alertCard(
        ticket,
        { clock: context.clock, threshold: context.threshold },
        turn.format,
        turn.now,
        notice,
      );
    if (view === 'reply' && notice && context?.reply && ticket.status === 'resolved')
      return Promise.resolve(replyCardAgain(ticket, context.reply, turn, notice));
    if (view === 'l4')
      return this.deps.views.l4Card(
        ticket,
        context?.reason ?? '',
        turn.format,
        notice ?? t(turn.locale, 'bot.l4.recorded', { caseNumber: ticket.microsoftCaseNumber ?? '' }),
      );
    return this.deps.views.ticketCard(ticket, turn.format, turn.now, notice);
  }
}
