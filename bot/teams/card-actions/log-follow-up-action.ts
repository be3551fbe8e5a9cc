import { z } from 'zod';
import { FOLLOW_UP_KINDS } from '../../../shared/domain/ticket';
import type { TicketCommands } from '../../../shared/application/ticket-commands';
import type { Ticket } from '../../../shared/domain/ticket';
import type { BotTurn } from '../bot-turn';
import { optionalText, TICKET_ACTION_DATA, ticketRef, type CardAction } from '../card-action';

const DATA = TICKET_ACTION_DATA.extend({ followUpKind: z.enum(FOLLOW_UP_KINDS), followUpNote: optionalText });
type Data = z.infer<typeof DATA>;

/** `ticket.logFollowUp`: a billed follow-up (15 minutes by policy). */
export class LogFollowUpAction implements CardAction<Data> {
  readonly verb = 'ticket.logFollowUp' as const;
  readonly schema = DATA;
  constructor(private readonly tickets: TicketCommands) {}

  run(turn: BotTurn, data: Data): Promise<Ticket> {
    return this.tickets.logFollowUp(turn.actor, ticketRef(data), data.followUpKind, data.followUpNote);
  }
}
