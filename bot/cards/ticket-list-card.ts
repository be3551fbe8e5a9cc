import type { SlaSummary } from '../../shared/contract/api-contract';
import { t } from '../../shared/domain/i18n';
import type { Ticket } from '../../shared/domain/ticket';
import { formatClock, plainText, type CardFormat } from './card-format';
import { renderTemplate, type CardJson } from './render-template';
import { suggestionSummary } from './workday-card';
import template from './ticket-list-card.json';

export interface TicketListRow {
  heading: string;
  detail: string;
  sla: string;
  color: 'Attention' | 'Warning' | 'Good' | 'Default';
  /** Intake's priority suggestion with its one-click "apply" (empty when none). */
  hasSuggestion: boolean;
  suggestion: string;
  applyTitle: string;
  ticketId: string;
  version: string;
  view: 'queue' | 'ticket';
}

export interface TicketListCardData {
  title: string;
  isEmpty: boolean;
  emptyText: string;
  rows: TicketListRow[];
  hasMore: boolean;
  moreText: string;
}

export interface TicketListInput {
  title: string;
  emptyText: string;
  items: Array<{ ticket: Ticket; sla: SlaSummary; clientName: string }>;
  /** Rows shown at most; the rest is counted in a footer. */
  limit: number;
  /** The card a row's action answers with: the queue again, or the ticket's card (default). */
  actionView?: 'queue' | 'ticket';
}

function colorOf(sla: SlaSummary): TicketListRow['color'] {
  const states = [sla.response.state, sla.resolution.state];
  if (states.includes('breached')) return 'Attention';
  if (states.includes('at-risk')) return 'Warning';
  return 'Good';
}

/** A list of tickets (queue, mine), most urgent first as given. */
export function ticketListCard(input: TicketListInput, format: CardFormat): CardJson {
  const l = format.locale;
  const shown = input.items.slice(0, input.limit);
  const data: TicketListCardData = {
    title: input.title,
    isEmpty: input.items.length === 0,
    emptyText: input.emptyText,
    rows: shown.map(({ ticket, sla, clientName }) => ({
      heading: `${ticket.number} · ${plainText(ticket.subject)}`,
      detail: `${plainText(clientName)} · ${t(l, `priority.${ticket.priority}`)} · ${t(l, `status.${ticket.status}`)} · ${ticket.level}`,
      sla: t(l, 'bot.list.sla', { response: formatClock(sla.response, format), resolution: formatClock(sla.resolution, format) }),
      color: colorOf(sla),
      hasSuggestion: Boolean(ticket.prioritySuggestion) && ticket.status !== 'resolved',
      suggestion: suggestionSummary(ticket, l) ?? '',
      applyTitle: ticket.prioritySuggestion
        ? t(l, 'bot.action.applySuggestedPriority', { priority: t(l, `priority.${ticket.prioritySuggestion.priority}`) })
        : '',
      ticketId: ticket.id,
      version: ticket.version,
      view: input.actionView ?? 'ticket',
    })),
    hasMore: input.items.length > shown.length,
    moreText: t(l, 'bot.list.more', { count: input.items.length - shown.length }),
  };
  return renderTemplate(template, data);
}
