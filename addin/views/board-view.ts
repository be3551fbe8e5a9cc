import type { BoardView, SlaClockView, TicketView } from '../../shared/domain/api/api-contract';
import { t } from '../../shared/domain/i18n/catalog';
import type { Locale } from '../../shared/domain/ticket/ticket-types';
import type { Flash } from '../app-state';
import { formatInstant, formatMinutes } from './format';
import { esc } from './html';

export interface BoardState {
  locale: Locale;
  phase: 'loading' | 'ready' | 'failed';
  board?: BoardView;
  flash?: Flash | undefined;
}

function clockCell(locale: Locale, clock: SlaClockView): string {
  const state = t(locale, `sla.${clock.state}`);
  const text = clock.remainingMinutes === undefined || clock.state === 'met' || clock.state === 'paused'
    ? state
    : t(locale, clock.remainingMinutes >= 0 ? 'board.left' : 'board.over', { state, remaining: formatMinutes(locale, clock.remainingMinutes) });
  return `<td class="sla sla-${esc(clock.state)}">${esc(text)}</td>`;
}

function row(locale: Locale, ticket: TicketView, board: BoardView): string {
  const assignee = ticket.assigneeId ? (board.staffNames?.[ticket.assigneeId] ?? ticket.assigneeId) : t(locale, 'board.unassigned');
  return `<tr data-ticket="${esc(ticket.number)}">
  <td><strong>${esc(ticket.number)}</strong><br><span class="subject">${esc(ticket.subject)}</span></td>
  <td>${esc(board.clientNames?.[ticket.clientId] ?? ticket.clientId)}</td>
  <td>${esc(t(locale, `status.${ticket.status}`))}</td>
  <td>${esc(t(locale, `priority.${ticket.priority}`))}</td>
  <td>${esc(assignee)}</td>
  ${clockCell(locale, ticket.sla.response)}
  ${clockCell(locale, ticket.sla.resolution)}
</tr>`;
}

/** The managers' SLA board as HTML, from state alone. */
export function renderBoard(state: BoardState): string {
  const { locale, board } = state;
  const flash = state.flash ? `<p class="flash ${state.flash.kind}" role="status">${esc(t(locale, state.flash.key, state.flash.params))}</p>` : '';
  const head = `<header><h1>${esc(t(locale, 'board.title'))}</h1></header>`;
  if (!board) return `${head}${flash}${state.phase === 'loading' ? `<p class="loading">${esc(t(locale, 'addin.loading'))}</p>` : ''}`;
  const worst = (x: TicketView) => [x.sla.response.state, x.sla.resolution.state];
  const breached = board.tickets.filter((x) => worst(x).includes('breached')).length;
  const atRisk = board.tickets.filter((x) => !worst(x).includes('breached') && worst(x).includes('at-risk')).length;
  const summary = `<p class="summary">${esc(t(locale, 'board.counts', { breached, atRisk, total: board.tickets.length }))} · ${esc(t(locale, 'board.updated', { at: formatInstant(locale, board.generatedAt) }))}</p>`;
  if (board.tickets.length === 0) return `${head}${flash}${summary}<p>${esc(t(locale, 'board.empty'))}</p>`;
  const cols = (['ticket', 'client', 'status', 'priority', 'assignee', 'response', 'resolution'] as const).map((c) => `<th>${esc(t(locale, `board.col.${c}`))}</th>`).join('');
  return `${head}${flash}${summary}<table class="board"><thead><tr>${cols}</tr></thead><tbody>${board.tickets.map((x) => row(locale, x, board)).join('')}</tbody></table>`;
}
