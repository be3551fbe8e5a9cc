import { z } from 'zod';
import type { TicketCommands } from '../../../shared/application/ticket-commands';
import type { Ticket } from '../../../shared/domain/ticket';
import type { BotTurn } from '../bot-turn';
import { requiredText, TICKET_ACTION_DATA, ticketRef, type CardAction } from '../card-action';

const DATA = TICKET_ACTION_DATA.extend({ phoneNote: requiredText });
type Data = z.infer<typeof DATA>;

/** `ticket.respondByPhone`: a call as the first response, only with a note of what was said (emailed to the client). */
export class RespondByPhoneAction implements CardAction<Data> {
  readonly verb = 'ticket.respondByPhone' as const;
  readonly schema = DATA;
  constructor(private readonly tickets: TicketCommands) {}

  run(turn: BotTurn, data: Data): Promise<Ticket> {
    return this.tickets.respondByPhone(turn.actor, ticketRef(data), data.phoneNote);
  }
}
