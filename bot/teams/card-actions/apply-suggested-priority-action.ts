import type { z } from 'zod';
import type { TicketCommands } from '../../../shared/application/ticket-commands';
import type { Ticket } from '../../../shared/domain/ticket';
import type { BotTurn } from '../bot-turn';
import { TICKET_ACTION_DATA, ticketRef, type CardAction } from '../card-action';

const DATA = TICKET_ACTION_DATA;
type Data = z.infer<typeof DATA>;

/** `ticket.applySuggestedPriority`: one click on intake's suggestion (ticket card or queue). */
export class ApplySuggestedPriorityAction implements CardAction<Data> {
  readonly verb = 'ticket.applySuggestedPriority' as const;
  readonly schema = DATA;
  constructor(private readonly tickets: TicketCommands) {}

  run(turn: BotTurn, data: Data): Promise<Ticket> {
    return this.tickets.applySuggestedPriority(turn.actor, ticketRef(data));
  }
}
