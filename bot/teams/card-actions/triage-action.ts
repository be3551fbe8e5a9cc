import { z } from 'zod';
import type { TicketCommands } from '../../../shared/application/ticket-commands';
import type { Ticket } from '../../../shared/domain/ticket';
import { INCIDENT_TYPES, PRIORITIES } from '../../../shared/domain/ticket';
import type { BotTurn } from '../bot-turn';
import { requiredText, TICKET_ACTION_DATA, ticketRef, type CardAction } from '../card-action';

/** An Input.Number left empty arrives as "" (the type's default budget then). */
const optionalBudget = z.union([z.literal('').transform(() => undefined), z.coerce.number().int().positive()]).optional();

const DATA = TICKET_ACTION_DATA.extend({
  triagePriority: z.enum(PRIORITIES),
  triageType: z.enum(INCIDENT_TYPES),
  triageBudget: optionalBudget,
  triageReason: requiredText,
});
type Data = z.infer<typeof DATA>;

/** `ticket.triage`: priority, incident type and budget in one change (the client is emailed the new due times). */
export class TriageAction implements CardAction<Data> {
  readonly verb = 'ticket.triage' as const;
  readonly schema = DATA;
  constructor(private readonly tickets: TicketCommands) {}

  run(turn: BotTurn, data: Data): Promise<Ticket> {
    return this.tickets.triage(turn.actor, ticketRef(data), {
      priority: data.triagePriority,
      incidentType: data.triageType,
      budgetMinutes: data.triageBudget,
      reason: data.triageReason,
    });
  }
}
