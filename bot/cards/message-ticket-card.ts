import { t } from '../../shared/domain/i18n';
import { PRIORITIES } from '../../shared/domain/ticket';
import type { CardFormat, Choice } from './card-format';
import { renderTemplate, type CardJson } from './render-template';
import template from './message-ticket-card.json';

export interface MessageTicketInput {
  clients: Array<{ id: string; name: string }>;
  /** The Teams message the ticket is made from. */
  messageId: string;
  subject: string;
  description: string;
  requesterEmail: string;
}

export interface MessageTicketCardData {
  title: string;
  clients: Choice[];
  priorities: Choice[];
  subject: string;
  description: string;
  requesterEmail: string;
  sourceMessageId: string;
  labels: Record<string, string>;
}

const LABELS = ['client', 'requesterEmail', 'subject', 'description', 'priority', 'submit'] as const;

/** The task-module form of "Create ticket from this message", prefilled from the message. */
export function messageTicketCard(input: MessageTicketInput, format: CardFormat): CardJson {
  const l = format.locale;
  const data: MessageTicketCardData = {
    title: t(l, 'bot.fromMessage.title'),
    clients: input.clients.map((c) => ({ title: c.name, value: c.id })),
    priorities: PRIORITIES.map((p) => ({ title: t(l, `priority.${p}`), value: p })),
    subject: input.subject,
    description: input.description,
    requesterEmail: input.requesterEmail,
    sourceMessageId: input.messageId,
    labels: { ...Object.fromEntries(LABELS.map((key) => [key, t(l, `bot.form.${key}`)])), required: t(l, 'bot.card.required') },
  };
  return renderTemplate(template, data);
}
