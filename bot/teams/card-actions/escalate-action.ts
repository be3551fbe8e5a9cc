import { z } from 'zod';
import { SUPPORT_LEVELS } from '../../../shared/domain/ticket';
import type { TicketCommands } from '../../../shared/application/ticket-commands';
import type { Ticket } from '../../../shared/domain/ticket';
import type { BotTurn } from '../bot-turn';
import { requiredText, TICKET_ACTION_DATA, ticketRef, type CardAction } from '../card-action';

const DATA = TICKET_ACTION_DATA.extend({ level: z.enum(SUPPORT_LEVELS), escalationReason: requiredText });
type Data = z.infer<typeof DATA>;

/** `ticket.escalate`: moves the ticket to a higher support level (L4 opens the Microsoft case prompt). */
export class EscalateAction implements CardAction<Data> {
  readonly verb = 'ticket.escalate' as const;
  readonly schema = DATA;
  constructor(private readonly tickets: TicketCommands) {}

  run(turn: BotTurn, data: Data): Promise<Ticket> {
    return this.tickets.escalate(turn.actor, ticketRef(data), data.level, data.escalationReason);
  }
}
