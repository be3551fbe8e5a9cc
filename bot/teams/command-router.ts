import { t } from '../../shared/domain/i18n';
import type { Locale } from '../../shared/domain/ticket';
import type { BotCommand } from './bot-command';
import type { BotReply, BotTurn } from './bot-turn';

export const COMMAND_IDS = ['help', 'queue', 'mine', 'ticket', 'new', 'sla', 'hours', 'language'] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

/** One row of the command table: the words that call it, in each language, and its handler. */
export interface CommandSpec {
  id: CommandId;
  words: Record<Locale, string>;
  command: BotCommand;
}

/** What the router makes of a message. */
export type RoutedCommand =
  | { kind: 'command'; spec: CommandSpec; run: (turn: BotTurn) => Promise<BotReply> }
  | { kind: 'usage'; spec: CommandSpec }
  | { kind: 'unknown'; word: string };

/**
 * Commands by their first word, from a table (no substring chains): each word of each language maps to
 * exactly one command; the rest of the message is the command's arguments, parsed by its zod schema.
 */
export class CommandRouter {
  private readonly byWord = new Map<string, CommandSpec>();

  constructor(readonly specs: readonly CommandSpec[]) {
    for (const spec of specs) {
      for (const word of Object.values(spec.words)) {
        const key = word.toLowerCase();
        const taken = this.byWord.get(key);
        if (taken && taken !== spec) throw new Error(`command word "${word}" is used by both ${taken.id} and ${spec.id}`);
        this.byWord.set(key, spec);
      }
    }
  }

  route(text: string): RoutedCommand {
    const words = text.trim().split(/\s+/).filter(Boolean);
    const first = (words[0] ?? '').toLowerCase();
    const spec = this.byWord.get(first.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
    if (!spec) return { kind: 'unknown', word: shortWord(words[0] ?? '') };
    const parsed = spec.command.args.safeParse(words.slice(1));
    if (!parsed.success) return { kind: 'usage', spec };
    const command = spec.command;
    return { kind: 'command', spec, run: (turn) => command.run(turn, parsed.data) };
  }

  /** The help entries in `locale`: usage with that language's word, and what it does. */
  entries(locale: Locale): Array<{ usage: string; description: string }> {
    return this.specs.map((spec) => ({
      usage: usage(spec, locale),
      description: t(locale, `bot.command.${spec.id}.description`),
    }));
  }
}

/** The longest unknown word the bot quotes back: a long paste is not echoed whole. */
const QUOTED_WORD_MAX = 40;

function shortWord(word: string): string {
  const chars = [...word];
  return chars.length > QUOTED_WORD_MAX ? `${chars.slice(0, QUOTED_WORD_MAX).join('')}…` : word;
}

/** "ticket <number>" / "ticket <número>". */
export function usage(spec: CommandSpec, locale: Locale): string {
  return t(locale, `bot.command.${spec.id}.usage`, { word: spec.words[locale] });
}
