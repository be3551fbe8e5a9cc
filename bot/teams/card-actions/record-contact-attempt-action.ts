import { z } from 'zod';
import type { TicketCommands } from '../../../shared/application/ticket-commands';
import type { Ticket } from '../../../shared/domain/ticket';
import type { BotTurn } from '../bot-turn';
import { TICKET_ACTION_DATA, ticketRef, type CardAction } from '../card-action';

const DATA = TICKET_ACTION_DATA;
type Data = z.infer<typeof DATA>;

/** `ticket.recordContactAttempt`: a contact attempt without an answer (the third leads to the final notice). */
export class RecordContactAttemptAction implements CardAction<Data> {
  readonly verb = 'ticket.recordContactAttempt' as const;
  readonly schema = DATA;
  constructor(private readonly tickets: TicketCommands) {}

  run(turn: BotTurn, data: Data): Promise<Ticket> {
    return this.tickets.recordContactAttempt(turn.actor, ticketRef(data));
  }
}
