import type { TicketQueryService } from '../../../shared/application/ticket-query-service';
import type { BotCommand } from '../bot-command';
import type { BotReply, BotTurn } from '../bot-turn';
import { fullTicketNumber, TICKET_NUMBER_ARGS } from '../command-args';
import type { TicketViews } from '../ticket-views';

/** `ticket <number>`: the ticket card with its actions. */
export class TicketCommand implements BotCommand<{ year?: number | undefined; sequence: number }> {
  readonly args = TICKET_NUMBER_ARGS;
  constructor(private readonly deps: { queries: Pick<TicketQueryService, 'byNumber'>; views: TicketViews }) {}

  async run(turn: BotTurn, args: { year?: number | undefined; sequence: number }): Promise<BotReply> {
    const ticket = await this.deps.queries.byNumber(turn.actor, fullTicketNumber(args, turn.now, turn.format.timeZone));
    return { card: await this.deps.views.ticketCard(ticket, turn.format, turn.now) };
  }
}
