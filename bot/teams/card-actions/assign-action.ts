import { z } from 'zod';
import type { TicketCommands } from '../../../shared/application/ticket-commands';
import type { Ticket } from '../../../shared/domain/ticket';
import type { BotTurn } from '../bot-turn';
import { requiredText, TICKET_ACTION_DATA, ticketRef, type CardAction } from '../card-action';

const DATA = TICKET_ACTION_DATA.extend({ assigneeId: requiredText });
type Data = z.infer<typeof DATA>;

/** `ticket.assign`: assigns the ticket to the consultant picked on the card (a manager's choice on an alert). */
export class AssignAction implements CardAction<Data> {
  readonly verb = 'ticket.assign' as const;
  readonly schema = DATA;
  constructor(private readonly tickets: TicketCommands) {}

  run(turn: BotTurn, data: Data): Promise<Ticket> {
    return this.tickets.assign(turn.actor, ticketRef(data), data.assigneeId);
  }
}
