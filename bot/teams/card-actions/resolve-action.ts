import { z } from 'zod';
import type { TicketCommands } from '../../../shared/application/ticket-commands';
import type { Ticket } from '../../../shared/domain/ticket';
import type { BotTurn } from '../bot-turn';
import { requiredText, TICKET_ACTION_DATA, ticketRef, type CardAction } from '../card-action';

const DATA = TICKET_ACTION_DATA.extend({ resolutionSummary: requiredText });
type Data = z.infer<typeof DATA>;

/** `ticket.resolve`: marks the ticket resolved; it closes when the client validates. */
export class ResolveAction implements CardAction<Data> {
  readonly verb = 'ticket.resolve' as const;
  readonly schema = DATA;
  constructor(private readonly tickets: TicketCommands) {}

  run(turn: BotTurn, data: Data): Promise<Ticket> {
    return this.tickets.resolve(turn.actor, ticketRef(data), data.resolutionSummary);
  }
}
