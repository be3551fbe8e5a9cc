import { helpCard } from '../../cards/help-card';
import type { BotCommand } from '../bot-command';
import type { BotReply, BotTurn } from '../bot-turn';
import { NO_ARGS } from '../command-args';
import type { Locale } from '../../../shared/domain/ticket';

/** `help` / `ayuda`: the command list in the reader's language. */
export class HelpCommand implements BotCommand<object> {
  readonly args = NO_ARGS;
  constructor(private readonly entries: (locale: Locale) => Array<{ usage: string; description: string }>) {}

  async run(turn: BotTurn): Promise<BotReply> {
    return { card: helpCard({ staffName: turn.staff.name, commands: this.entries(turn.locale) }, turn.format) };
  }
}
