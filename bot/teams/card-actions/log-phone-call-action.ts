import { z } from 'zod';
import { EMAIL_PATTERN } from '../../../shared/domain/common';
import type { TicketCommands } from '../../../shared/application/ticket-commands';
import type { Ticket } from '../../../shared/domain/ticket';
import { PRIORITIES } from '../../../shared/domain/ticket';
import type { BotTurn } from '../bot-turn';
import { requiredText, type CardAction } from '../card-action';

const DATA = z.object({
  clientId: requiredText,
  requesterEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ pattern: EMAIL_PATTERN })),
  subject: requiredText,
  description: requiredText,
  priority: z.enum(PRIORITIES).default('critical'),
});
type Data = z.infer<typeof DATA>;

/** `phone.log`: a critical phone call becomes a ticket at once (its clocks start now; it awaits the client's email). */
export class LogPhoneCallAction implements CardAction<Data> {
  readonly verb = 'phone.log' as const;
  readonly schema = DATA;
  constructor(private readonly tickets: TicketCommands) {}

  run(turn: BotTurn, data: Data): Promise<Ticket> {
    return this.tickets.openFromPhone(turn.actor, { ...data, raisedAt: turn.now });
  }
}
