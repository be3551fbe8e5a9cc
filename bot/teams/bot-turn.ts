import type { Staff } from '../../shared/domain/requesters';
import type { Actor, Locale } from '../../shared/domain/ticket';
import type { CardFormat } from '../cards/card-format';
import type { CardJson } from '../cards/render-template';

/** Who is acting in this turn and how to talk to them. */
export interface BotTurn {
  staff: Staff;
  actor: Actor;
  locale: Locale;
  format: CardFormat;
  now: Date;
}

/** What a command answers: text, a card, or both. */
export type BotReply = { text: string; card?: undefined } | { card: CardJson; text?: string };
