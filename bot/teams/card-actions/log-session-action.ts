import { z } from 'zod';
import type { TicketCommands } from '../../../shared/application/ticket-commands';
import type { Ticket } from '../../../shared/domain/ticket';
import type { BotTurn } from '../bot-turn';
import { optionalText, positiveInt, TICKET_ACTION_DATA, ticketRef, type CardAction } from '../card-action';

const DATA = TICKET_ACTION_DATA.extend({
  sessionMinutes: positiveInt,
  sessionConsultants: positiveInt,
  sessionNote: optionalText,
});
type Data = z.infer<typeof DATA>;

/** `ticket.logSession`: a session with the client, billed minutes x consultants. */
export class LogSessionAction implements CardAction<Data> {
  readonly verb = 'ticket.logSession' as const;
  readonly schema = DATA;
  constructor(private readonly tickets: TicketCommands) {}

  run(turn: BotTurn, data: Data): Promise<Ticket> {
    return this.tickets.logSession(turn.actor, ticketRef(data), data.sessionMinutes, data.sessionConsultants, data.sessionNote);
  }
}
