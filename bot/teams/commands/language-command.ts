import { z } from 'zod';
import type { StaffLanguage } from '../../../shared/application/staff-language';
import { t } from '../../../shared/domain/i18n';
import type { Locale } from '../../../shared/domain/ticket';
import type { BotCommand } from '../bot-command';
import type { BotReply, BotTurn } from '../bot-turn';

const CHOICES: Record<string, Locale | 'auto'> = {
  en: 'en',
  english: 'en',
  ingles: 'en',
  es: 'es-MX',
  'es-mx': 'es-MX',
  espanol: 'es-MX',
  spanish: 'es-MX',
  auto: 'auto',
  automatico: 'auto',
};

/** No word: show the current language; one word: the choice. */
const ARGS = z
  .array(z.string())
  .max(1)
  .transform((words) =>
    (words[0] ?? '')
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, ''),
  )
  .refine((word) => word === '' || word in CHOICES, { message: 'not a language' })
  .transform((word) => ({ choice: word ? CHOICES[word] : undefined }));

/**
 * `language en` / `idioma es`: the language every reply, card and proactive message uses for this
 * person, kept on their staff record; `language auto` follows their Teams client again.
 */
export class LanguageCommand implements BotCommand<{ choice?: Locale | 'auto' | undefined }> {
  readonly args = ARGS;
  constructor(private readonly language: StaffLanguage) {}

  async run(turn: BotTurn, args: { choice?: Locale | 'auto' | undefined }): Promise<BotReply> {
    if (!args.choice)
      return { text: t(turn.locale, turn.staff.localeChosen ? 'bot.language.current.chosen' : 'bot.language.current.teams') };
    const staff = await this.language.choose(turn.staff, args.choice);
    return { text: t(staff.locale, args.choice === 'auto' ? 'bot.language.auto' : 'bot.language.set') };
  }
}
