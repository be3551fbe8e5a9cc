import { z } from 'zod';
import type { TicketCommands } from '../../../shared/application/ticket-commands';
import type { Ticket } from '../../../shared/domain/ticket';
import type { BotTurn } from '../bot-turn';
import { requiredText, TICKET_ACTION_DATA, ticketRef, type CardAction } from '../card-action';

const DATA = TICKET_ACTION_DATA.extend({ caseNumber: requiredText });
type Data = z.infer<typeof DATA>;

/** `l4.recordCase`: records the Microsoft case number raised from the L4 prompt. */
export class RecordMicrosoftCaseAction implements CardAction<Data> {
  readonly verb = 'l4.recordCase' as const;
  readonly schema = DATA;
  constructor(private readonly tickets: TicketCommands) {}

  run(turn: BotTurn, data: Data): Promise<Ticket> {
    return this.tickets.recordMicrosoftCase(turn.actor, ticketRef(data), data.caseNumber);
  }
}
