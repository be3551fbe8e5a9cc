import type { TicketQueryService } from '../../../shared/application/ticket-query-service';
import { slaExplainCard } from '../../cards/sla-explain-card';
import type { BotCommand } from '../bot-command';
import type { BotReply, BotTurn } from '../bot-turn';
import { fullTicketNumber, TICKET_NUMBER_ARGS } from '../command-args';
import type { ExplainSlaOf } from '../teams-bot-deps';

/** `sla <number>`: why each clock of a ticket stands where it does. */
export class SlaCommand implements BotCommand<{ year?: number | undefined; sequence: number }> {
  readonly args = TICKET_NUMBER_ARGS;
  constructor(private readonly deps: { queries: Pick<TicketQueryService, 'byNumber'>; explainSla: ExplainSlaOf }) {}

  async run(turn: BotTurn, args: { year?: number | undefined; sequence: number }): Promise<BotReply> {
    const ticket = await this.deps.queries.byNumber(turn.actor, fullTicketNumber(args, turn.now, turn.format.timeZone));
    return {
      card: slaExplainCard({ number: ticket.number, explanation: await this.deps.explainSla(ticket, turn.now) }, turn.format),
    };
  }
}
