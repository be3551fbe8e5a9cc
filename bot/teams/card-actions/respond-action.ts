import { z } from 'zod';
import type { TicketCommands } from '../../../shared/application/ticket-commands';
import type { Ticket } from '../../../shared/domain/ticket';
import type { BotTurn } from '../bot-turn';
import { requiredText, TICKET_ACTION_DATA, ticketRef, type CardAction } from '../card-action';

const DATA = TICKET_ACTION_DATA.extend({ responseMessage: requiredText });
type Data = z.infer<typeof DATA>;

/** `ticket.respond`: the first response, emailed to the client on their thread (stops the response clock, billed). */
export class RespondAction implements CardAction<Data> {
  readonly verb = 'ticket.respond' as const;
  readonly schema = DATA;
  constructor(private readonly tickets: TicketCommands) {}

  run(turn: BotTurn, data: Data): Promise<Ticket> {
    return this.tickets.respond(turn.actor, ticketRef(data), data.responseMessage);
  }
}
