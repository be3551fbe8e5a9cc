import { z } from 'zod';
import type { TicketCommands } from '../../../shared/application/ticket-commands';
import type { Ticket } from '../../../shared/domain/ticket';
import type { BotTurn } from '../bot-turn';
import { requiredText, TICKET_ACTION_DATA, ticketRef, type CardAction } from '../card-action';

const DATA = TICKET_ACTION_DATA.extend({ question: requiredText });
type Data = z.infer<typeof DATA>;

/** `ticket.requestInformation`: asks the client a question (waits on the client, counts a contact attempt). */
export class RequestInformationAction implements CardAction<Data> {
  readonly verb = 'ticket.requestInformation' as const;
  readonly schema = DATA;
  constructor(private readonly tickets: TicketCommands) {}

  run(turn: BotTurn, data: Data): Promise<Ticket> {
    return this.tickets.requestInformation(turn.actor, ticketRef(data), data.question);
  }
}
