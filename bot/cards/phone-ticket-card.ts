import { t } from '../../shared/domain/i18n';
import { PRIORITIES } from '../../shared/domain/ticket';
import type { CardFormat, Choice } from './card-format';
import { renderTemplate, type CardJson } from './render-template';
import template from './phone-ticket-card.json';

export interface PhoneTicketCardData {
  title: string;
  intro: string;
  clients: Choice[];
  priorities: Choice[];
  labels: Record<string, string>;
}

const LABELS = ['client', 'requesterEmail', 'subject', 'description', 'priority', 'submit'] as const;

/** The form that logs a critical phone call as a ticket (`new` command). */
export function phoneTicketCard(input: { clients: Array<{ id: string; name: string }> }, format: CardFormat): CardJson {
  const l = format.locale;
  const data: PhoneTicketCardData = {
    title: t(l, 'bot.phone.title'),
    intro: t(l, 'bot.phone.intro'),
    clients: input.clients.map((c) => ({ title: c.name, value: c.id })),
    priorities: PRIORITIES.map((p) => ({ title: t(l, `priority.${p}`), value: p })),
    labels: { ...Object.fromEntries(LABELS.map((key) => [key, t(l, `bot.form.${key}`)])), required: t(l, 'bot.card.required') },
  };
  return renderTemplate(template, data);
}
