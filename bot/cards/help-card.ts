import { t } from '../../shared/domain/i18n';
import type { CardFormat } from './card-format';
import { renderTemplate, type CardJson } from './render-template';
import template from './help-card.json';

export interface HelpCardData {
  title: string;
  intro: string;
  commands: Array<{ usage: string; description: string }>;
}

/** The command list in the reader's language (`usage` already localized by the command table). */
export function helpCard(
  input: { staffName: string; commands: Array<{ usage: string; description: string }> },
  format: CardFormat,
): CardJson {
  const data: HelpCardData = {
    title: t(format.locale, 'bot.help.title'),
    intro: t(format.locale, 'bot.help.intro', { name: input.staffName }),
    commands: input.commands,
  };
  return renderTemplate(template, data);
}
