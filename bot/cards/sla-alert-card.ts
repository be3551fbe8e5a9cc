import type { AlertThreshold, SlaClockName } from '../../shared/application/ports';
import { t } from '../../shared/domain/i18n';
import { SUPPORT_LEVELS, WORKING_STATUSES } from '../../shared/domain/ticket';
import { formatClock, formatInstant, plainText, type CardFormat, type Choice, type Fact } from './card-format';
import { escalationLevels } from './ticket-actions';
import { renderTemplate, type CardJson } from './render-template';
import { ticketFacts, type TicketSummaryInput } from './ticket-facts';
import template from './sla-alert-card.json';

export interface SlaAlertInput extends TicketSummaryInput {
  clock: SlaClockName;
  threshold: AlertThreshold;
  /** When the clock breaches (absent once it stopped or paused). */
  dueAt?: string;
  notice?: string;
  /** Active consultants a manager may assign the ticket to (name and staff id). */
  assignees: Choice[];
}

export interface SlaAlertCardData {
  style: 'attention' | 'warning';
  headline: string;
  dueLine: string;
  hasNotice: boolean;
  notice: string;
  title: string;
  facts: Fact[];
  showActions: boolean;
  ticketId: string;
  version: string;
  clock: SlaClockName;
  threshold: AlertThreshold;
  canEscalate: boolean;
  levels: Choice[];
  canAssign: boolean;
  assignees: Choice[];
  labels: Record<string, string>;
}

/** The managers' channel alert: a clock at risk or breached, kept current by updates in place. */
export function slaAlertCard(input: SlaAlertInput, format: CardFormat): CardJson {
  const l = format.locale;
  const { ticket } = input;
  const clockName = t(l, `bot.clock.${input.clock}`);
  const levels = escalationLevels(ticket, SUPPORT_LEVELS);
  const data: SlaAlertCardData = {
    style: input.threshold === 'breached' ? 'attention' : 'warning',
    headline: t(l, `bot.alert.${input.threshold}`, { clock: clockName, number: ticket.number }),
    dueLine: input.dueAt
      ? t(l, `bot.alert.due.${input.threshold}`, { due: formatInstant(input.dueAt, format) })
      : formatClock(input.sla[input.clock], format),
    hasNotice: Boolean(input.notice),
    notice: input.notice ?? '',
    title: plainText(ticket.subject),
    facts: ticketFacts(input, format),
    showActions: WORKING_STATUSES.includes(ticket.status),
    ticketId: ticket.id,
    version: ticket.version,
    clock: input.clock,
    threshold: input.threshold,
    canEscalate: levels.length > 0,
    canAssign: input.assignees.length > 0,
    assignees: input.assignees,
    levels: levels.map((level) => ({ title: t(l, `bot.level.${level}`), value: level })),
    labels: {
      assignToMe: t(l, 'bot.action.assignToMe'),
      assignTo: t(l, 'bot.action.assignTo'),
      assignee: t(l, 'bot.action.assignee'),
      assign: t(l, 'bot.action.assign'),
      escalate: t(l, 'bot.action.escalate'),
      level: t(l, 'bot.action.level'),
      reason: t(l, 'bot.action.reason'),
      required: t(l, 'bot.card.required'),
    },
  };
  return renderTemplate(template, data);
}
