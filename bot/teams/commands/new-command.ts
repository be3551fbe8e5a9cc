import type { DirectoryStore } from '../../../shared/application/ports';
import { phoneTicketCard } from '../../cards/phone-ticket-card';
import type { BotCommand } from '../bot-command';
import type { BotReply, BotTurn } from '../bot-turn';
import { NO_ARGS } from '../command-args';

/** `new` / `nuevo`: the form that logs a critical phone call as a ticket. */
export class NewCommand implements BotCommand<object> {
  readonly args = NO_ARGS;
  constructor(private readonly deps: { directory: Pick<DirectoryStore, 'listClients'> }) {}

  async run(turn: BotTurn): Promise<BotReply> {
    const clients = (await this.deps.directory.listClients()).sort((a, b) => a.name.localeCompare(b.name));
    return { card: phoneTicketCard({ clients }, turn.format) };
  }
}
