import type { z } from 'zod';
import type { BotReply, BotTurn } from './bot-turn';

/** One chat command (Teams Toolkit style: one class per command). */
export interface BotCommand<A = unknown> {
  /** Parses the words after the command word. */
  readonly args: z.ZodType<A, string[]>;
  run(turn: BotTurn, args: A): Promise<BotReply>;
}
