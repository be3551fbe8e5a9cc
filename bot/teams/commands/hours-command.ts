import type { BillingService } from '../../../shared/application/billing-service';
import type { DirectoryStore } from '../../../shared/application/ports';
import { NotFoundError } from '../../../shared/domain/common';
import { hoursCard } from '../../cards/hours-card';
import type { BotCommand } from '../bot-command';
import type { BotReply, BotTurn } from '../bot-turn';
import { currentMonth, HOURS_ARGS } from '../command-args';

/** `hours <client> [YYYY-MM]` / `horas`: billed time of a client's month (this month by default). */
export class HoursCommand implements BotCommand<{ client: string; month?: string | undefined }> {
  readonly args = HOURS_ARGS;
  constructor(
    private readonly deps: { directory: Pick<DirectoryStore, 'listClients'>; billing: Pick<BillingService, 'hoursReport'> },
  ) {}

  async run(turn: BotTurn, args: { client: string; month?: string | undefined }): Promise<BotReply> {
    const wanted = args.client.trim().toLowerCase();
    const client = (await this.deps.directory.listClients()).find(
      (c) => c.id.toLowerCase() === wanted || c.name.toLowerCase() === wanted,
    );
    if (!client) throw new NotFoundError('client', args.client);
    const report = await this.deps.billing.hoursReport(client.id, args.month ?? currentMonth(turn.now, turn.format.timeZone));
    return { card: hoursCard({ clientName: client.name, report }, turn.format) };
  }
}
