import { t } from '../../shared/domain/i18n/catalog';
import { FOLLOW_UP_KINDS } from '../../shared/domain/ticket/ticket-event';
import { SUPPORT_LEVELS } from '../../shared/domain/ticket/ticket-types';
import type { CardFormat, Choice, Fact } from './card-format';
import { renderTemplate, type CardJson } from './render-template';
import { ticketFacts, type TicketSummaryInput } from './ticket-facts';
import template from './ticket-card.json';

export interface TicketCardInput extends TicketSummaryInput {
  /** A banner above the card ("changed by someone else", "saved"). */
  notice?: string;
}

/** The data the ticket card template binds. */
export interface TicketCardData {
  hasNotice: boolean;
  notice: string;
  title: string;
  subject: string;
  facts: Fact[];
  showActions: boolean;
  ticketId: string;
  version: string;
  followUpKinds: Choice[];
  levels: Choice[];
  labels: Record<string, string>;
}

const LABELS = ['acknowledge', 'assignToMe', 'recordContactAttempt', 'logFollowUp', 'followUpKind', 'note', 'save', 'logSession', 'sessionMinutes', 'sessionConsultants', 'requestInformation', 'question', 'send', 'escalate', 'level', 'reason', 'requestBudgetExtension', 'extensionMinutes', 'resolve', 'resolutionSummary'] as const;

export function ticketCardData(input: TicketCardInput, format: CardFormat): TicketCardData {
  const l = format.locale;
  const { ticket } = input;
  return {
    hasNotice: Boolean(input.notice),
    notice: input.notice ?? '',
    title: ticket.number,
    subject: ticket.subject,
    facts: ticketFacts(input, format),
    showActions: ticket.status !== 'closed',
    ticketId: ticket.id,
    version: ticket.version,
    followUpKinds: FOLLOW_UP_KINDS.map((kind) => ({ title: t(l, `bot.followUp.${kind}`), value: kind })),
    levels: SUPPORT_LEVELS.filter((level) => level > ticket.level).map((level) => ({ title: t(l, `bot.level.${level}`), value: level })),
    labels: Object.fromEntries(LABELS.map((key) => [key, t(l, `bot.action.${key}`)])),
  };
}

/** The ticket card (Adaptive Card 1.5); every action carries the ticket id and version. */
export function ticketCard(input: TicketCardInput, format: CardFormat): CardJson {
  return renderTemplate(template, ticketCardData(input, format));
}
