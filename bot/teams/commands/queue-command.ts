import { t } from '../../../shared/domain/i18n';
import type { TicketQueryService } from '../../../shared/application/ticket-query-service';
import { ticketListCard } from '../../cards/ticket-list-card';
import type { BotCommand } from '../bot-command';
import type { BotReply, BotTurn } from '../bot-turn';
import { NO_ARGS } from '../command-args';
import { slaSummary, type TicketViews } from '../ticket-views';

export const LIST_LIMIT = 15;

/** `queue` / `cola`: new or unassigned open tickets, most urgent SLA first. */
export class QueueCommand implements BotCommand<object> {
  readonly args = NO_ARGS;
  constructor(private readonly deps: { queries: Pick<TicketQueryService, 'queue'>; views: TicketViews }) {}

  async run(turn: BotTurn): Promise<BotReply> {
    const all = await this.deps.queries.queue(turn.actor);
    const waiting = all.filter(({ ticket }) => ticket.status === 'new' || !ticket.assigneeId);
    const items = await Promise.all(
      waiting.map(async ({ ticket, sla }) => ({
        ticket,
        sla: slaSummary(sla),
        clientName: await this.deps.views.clientName(ticket.clientId),
      })),
    );
    const l = turn.locale;
    return {
      card: ticketListCard(
        {
          title: t(l, 'bot.queue.title', { count: items.length }),
          emptyText: t(l, 'bot.queue.empty'),
          items,
          limit: LIST_LIMIT,
          actionView: 'queue',
        },
        turn.format,
      ),
    };
  }
}
