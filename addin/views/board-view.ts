import type { SlaClockView, TicketView } from '../../shared/contract/api-contract';
import { t } from '../../shared/domain/i18n';
import type { Locale } from '../../shared/domain/ticket';
import { formatInstant, formatMinutes } from './format';
import { esc } from './html';

function clockCell(locale: Locale, clock: SlaClockView): string {
  const state = t(locale, `sla.${clock.state}`);
  const text =
    clock.remainingMinutes === undefined || clock.state === 'met' || clock.state === 'paused'
      ? state
      : t(locale, clock.remainingMinutes >= 0 ? 'board.left' : 'board.over', {
          state,
          remaining: formatMinutes(locale, clock.remainingMinutes),
        });
  return `<td class="sla sla-${esc(clock.state)}">${esc(text)}</td>`;
}

/** A ticket of the queue, with the names of its client and assignee when the server gives them. */
export type QueueTicket = TicketView & { clientName?: string | undefined; assigneeName?: string | undefined };

function row(locale: Locale, ticket: QueueTicket): string {
  return `<tr data-ticket="${esc(ticket.number)}">
  <td><strong>${esc(ticket.number)}</strong><br><span class="subject">${esc(ticket.subject)}</span></td>
  <td>${esc(ticket.clientName ?? ticket.clientId)}</td>
  <td>${esc(t(locale, `status.${ticket.status}`))}</td>
  <td>${esc(t(locale, `priority.${ticket.priority}`))}</td>
  <td>${esc(ticket.assigneeName ?? ticket.assigneeId ?? t(locale, 'board.unassigned'))}</td>
  ${clockCell(locale, ticket.sla.response)}
  ${clockCell(locale, ticket.sla.resolution)}
</tr>`;
}

/** The open tickets, most urgent first, as a summary line and a table (scrollable on narrow tabs). */
export function renderQueue(locale: Locale, tickets: readonly QueueTicket[], generatedAt: string): string {
  const worst = (x: TicketView) => [x.sla.response.state, x.sla.resolution.state];
  const breached = tickets.filter((x) => worst(x).includes('breached')).length;
  const atRisk = tickets.filter((x) => !worst(x).includes('breached') && worst(x).includes('at-risk')).length;
  const summary = `<p class="summary">${esc(t(locale, 'board.counts', { breached, atRisk, total: tickets.length }))} · ${esc(t(locale, 'board.updated', { at: formatInstant(locale, generatedAt) }))}</p>`;
  if (tickets.length === 0) return `${summary}<p>${esc(t(locale, 'board.empty'))}</p>`;
  const cols = (['ticket', 'client', 'status', 'priority', 'assignee', 'response', 'resolution'] as const)
    .map((c) => `<th scope="col">${esc(t(locale, `board.col.${c}`))}</th>`)
    .join('');
  return `${summary}<div class="scroll" role="region" tabindex="0" aria-label="${esc(t(locale, 'dash.section.queue'))}"><table class="board"><thead><tr>${cols}</tr></thead><tbody>${tickets.map((x) => row(locale, x)).join('')}</tbody></table></div>`;
}
