import { t } from '../../../shared/domain/i18n';
import type { TicketQueryService } from '../../../shared/application/ticket-query-service';
import { ticketListCard } from '../../cards/ticket-list-card';
import type { BotCommand } from '../bot-command';
import type { BotReply, BotTurn } from '../bot-turn';
import { NO_ARGS } from '../command-args';
import { slaSummary, type TicketViews } from '../ticket-views';
import { LIST_LIMIT } from './queue-command';

/** `mine` / `mios`: the open tickets assigned to the reader, most urgent first. */
export class MineCommand implements BotCommand<object> {
  readonly args = NO_ARGS;
  constructor(private readonly deps: { queries: Pick<TicketQueryService, 'mine'>; views: TicketViews }) {}

  async run(turn: BotTurn): Promise<BotReply> {
    const mine = await this.deps.queries.mine(turn.actor);
    const items = await Promise.all(
      mine.map(async ({ ticket, sla }) => ({
        ticket,
        sla: slaSummary(sla),
        clientName: await this.deps.views.clientName(ticket.clientId),
      })),
    );
    const l = turn.locale;
    return {
      card: ticketListCard(
        { title: t(l, 'bot.mine.title', { count: items.length }), emptyText: t(l, 'bot.mine.empty'), items, limit: LIST_LIMIT },
        turn.format,
      ),
    };
  }
}
