import { z } from 'zod';
import type { TicketCommands } from '../../../shared/application/ticket-commands';
import type { Ticket } from '../../../shared/domain/ticket';
import type { BotTurn } from '../bot-turn';
import { positiveInt, requiredText, TICKET_ACTION_DATA, ticketRef, type CardAction } from '../card-action';

const DATA = TICKET_ACTION_DATA.extend({ extensionMinutes: positiveInt, extensionReason: requiredText });
type Data = z.infer<typeof DATA>;

/** `ticket.requestBudgetExtension`: asks the client to authorise more time than the approved budget. */
export class RequestBudgetExtensionAction implements CardAction<Data> {
  readonly verb = 'ticket.requestBudgetExtension' as const;
  readonly schema = DATA;
  constructor(private readonly tickets: TicketCommands) {}

  run(turn: BotTurn, data: Data): Promise<Ticket> {
    return this.tickets.requestBudgetExtension(turn.actor, ticketRef(data), data.extensionMinutes, data.extensionReason);
  }
}
