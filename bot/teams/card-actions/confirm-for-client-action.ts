import { z } from 'zod';
import type { TicketCommands } from '../../../shared/application/ticket-commands';
import type { Ticket } from '../../../shared/domain/ticket';
import type { BotTurn } from '../bot-turn';
import { TICKET_ACTION_DATA, ticketRef, type CardAction } from '../card-action';

/** The client's message the decision points at travels with the action (and re-renders the card on a stale version). */
const DATA = TICKET_ACTION_DATA.required({ reply: true });
type Data = z.infer<typeof DATA>;

/** `ticket.confirmForClient`: "the client confirmed: close", recorded on the client's behalf pointing at their message. */
export class ConfirmForClientAction implements CardAction<Data> {
  readonly verb = 'ticket.confirmForClient' as const;
  readonly schema = DATA;
  constructor(private readonly tickets: TicketCommands) {}

  run(turn: BotTurn, data: Data): Promise<Ticket> {
    return this.tickets.validateResolution(turn.actor, ticketRef(data), undefined, data.reply.messageId);
  }
}
