import { t } from '../../shared/domain/i18n';
import { describePrioritySuggestion } from '../../shared/domain/ticket';
import type { Ticket } from '../../shared/domain/ticket';
import { INCIDENT_TYPES, PRIORITIES, type Locale } from '../../shared/domain/ticket';
import { formatInstant, type CardFormat, type Choice, type Fact } from './card-format';
import type { TicketPolicyView } from './ticket-policy-view';

/** The ticket card's part for a consultant's day: Respond, triage, intake's suggestion, paced contact attempts. */
export interface WorkdayCardData {
  /** Respond's text, prefilled in the requester's language (the ticket's). */
  responseTemplate: string;
  priorities: Choice[];
  incidentTypes: Choice[];
  priority: string;
  incidentType: string;
  /** The button that applies intake's suggestion ("Apply Critical"). */
  applySuggestionTitle: string;
  labels: Record<string, string>;
}

const LABELS = [
  'respond',
  'responseMessage',
  'respondByPhone',
  'phoneNote',
  'triage',
  'triagePriority',
  'triageType',
  'triageReason',
  'send',
  'save',
] as const;

/** "Critical: header Importance: high; "urgente" in the subject". */
function suggestionLine(ticket: Pick<Ticket, 'prioritySuggestion'>, l: Locale): string | undefined {
  const s = ticket.prioritySuggestion;
  return s
    ? t(l, 'bot.card.suggestedPriorityValue', {
        priority: t(l, `priority.${s.priority}`),
        reason: describePrioritySuggestion(l, s),
      })
    : undefined;
}

/** The range a budget pick must lie in, as "960-2160". */
function range(view: TicketPolicyView | undefined, type: 'maintenance' | 'research-debugging'): string {
  const r = view?.budgetRanges[type];
  return r ? `${r.minMinutes}-${r.maxMinutes}` : '-';
}

export function workdayCardData(ticket: Ticket, view: TicketPolicyView | undefined, format: CardFormat): WorkdayCardData {
  const l = format.locale;
  const labels: Record<string, string> = Object.fromEntries(LABELS.map((key) => [key, t(l, `bot.action.${key}`)]));
  labels.triageBudget = t(l, 'bot.action.triageBudget', {
    maintenance: range(view, 'maintenance'),
    research: range(view, 'research-debugging'),
  });
  return {
    responseTemplate: t(ticket.locale, 'mail.response.template', { subject: ticket.subject, number: ticket.number }),
    priorities: PRIORITIES.map((p) => ({ title: t(l, `priority.${p}`), value: p })),
    incidentTypes: INCIDENT_TYPES.map((type) => ({ title: t(l, `type.${type}`), value: type })),
    priority: ticket.priority,
    incidentType: ticket.incidentType,
    applySuggestionTitle: ticket.prioritySuggestion
      ? t(l, 'bot.action.applySuggestedPriority', { priority: t(l, `priority.${ticket.prioritySuggestion.priority}`) })
      : '',
    labels,
  };
}

/** The facts of a consultant's day: intake's suggestion, how the first response went, contact attempts and when the next is possible. */
export function workdayFacts(ticket: Ticket, view: TicketPolicyView | undefined, format: CardFormat): Fact[] {
  const l = format.locale;
  const facts: Fact[] = [];
  const suggestion = suggestionLine(ticket, l);
  if (suggestion) facts.push({ title: t(l, 'bot.card.suggestedPriority'), value: suggestion });
  if (ticket.firstResponseAt) {
    facts.push({
      title: t(l, 'bot.card.firstResponse'),
      value: t(l, `bot.card.firstResponse.${ticket.firstResponseBy ?? 'other'}`, {
        at: formatInstant(ticket.firstResponseAt, format),
      }),
    });
  }
  const contact = view?.contact;
  if (contact && (contact.made > 0 || ticket.status === 'waiting-on-client')) {
    facts.push({
      title: t(l, 'bot.card.contactAttempts'),
      value: t(l, 'bot.card.contactAttemptsValue', { made: contact.made, max: contact.max }),
    });
    if (contact.nextAttemptAt)
      facts.push({ title: t(l, 'bot.card.nextAttemptAt'), value: formatInstant(contact.nextAttemptAt, format) });
    if (contact.finalNoticeDueAt)
      facts.push({ title: t(l, 'bot.card.finalNoticeDue'), value: formatInstant(contact.finalNoticeDueAt, format) });
  }
  return facts;
}

/** "suggested Critical (header Importance: high)" for a list row, or undefined. */
export function suggestionSummary(ticket: Pick<Ticket, 'prioritySuggestion'>, l: Locale): string | undefined {
  const s = ticket.prioritySuggestion;
  return s
    ? t(l, 'bot.queue.suggestion', { priority: t(l, `priority.${s.priority}`), reason: describePrioritySuggestion(l, s) })
    : undefined;
}
