import type { SlaClockView, TicketView } from '../../shared/contract/api-contract';
import { t, type MessageKey } from '../../shared/domain/i18n';
import type { Locale } from '../../shared/domain/ticket';
import { esc } from './html';
import { formatInstant, formatMinutes } from './format';

function slaLine(locale: Locale, labelKey: MessageKey, clock: SlaClockView): string {
  const state = t(locale, `sla.${clock.state}`);
  let text: string;
  if (clock.dueAt && clock.remainingMinutes !== undefined) {
    const key = clock.remainingMinutes >= 0 ? 'addin.sla.due-in' : 'addin.sla.overdue';
    text = t(locale, key, {
      state,
      remaining: formatMinutes(locale, clock.remainingMinutes),
      due: formatInstant(locale, clock.dueAt),
    });
  } else {
    text = t(locale, 'addin.sla.no-due', { state });
  }
  return `<li class="sla sla-${esc(clock.state)}" data-sla="${esc(labelKey)}"><strong>${esc(t(locale, labelKey))}:</strong> ${esc(text)}</li>`;
}

function resolutionBox(locale: Locale, busy: boolean): string {
  const disabled = busy ? ' disabled' : '';
  return `<form class="box" data-form="resolution">
  <p>${esc(t(locale, 'addin.resolution.question'))}</p>
  <label>${esc(t(locale, 'addin.resolution.reason'))}<textarea name="reason" rows="2"></textarea></label>
  <div class="buttons">
    <button type="button" data-action="confirm-resolution" class="primary"${disabled}>${esc(t(locale, 'addin.resolution.confirm'))}</button>
    <button type="button" data-action="reject-resolution"${disabled}>${esc(t(locale, 'addin.resolution.reject'))}</button>
  </div>
</form>`;
}

function extensionBox(locale: Locale, minutes: number, busy: boolean): string {
  const disabled = busy ? ' disabled' : '';
  return `<form class="box" data-form="extension">
  <p>${esc(t(locale, 'addin.extension.question', { minutes: formatMinutes(locale, minutes) }))}</p>
  <div class="buttons">
    <button type="button" data-action="approve-extension" class="primary"${disabled}>${esc(t(locale, 'addin.extension.approve'))}</button>
    <button type="button" data-action="refuse-extension"${disabled}>${esc(t(locale, 'addin.extension.refuse'))}</button>
  </div>
</form>`;
}

/** The thread's ticket: status, SLA countdowns, and the client's pending decisions. */
export function ticketPanel(locale: Locale, ticket: TicketView, options: { busy: boolean; canDecide: boolean }): string {
  const budget = t(locale, 'addin.ticket.budget', {
    consumed: formatMinutes(locale, ticket.consumedMinutes),
    budget: formatMinutes(locale, ticket.budgetMinutes),
  });
  const decisions = options.canDecide
    ? [
        ticket.status === 'resolved' ? resolutionBox(locale, options.busy) : '',
        ticket.pendingExtension ? extensionBox(locale, ticket.pendingExtension.minutes, options.busy) : '',
      ].join('')
    : '';
  const slaLines =
    ticket.status === 'closed'
      ? ''
      : `<ul class="sla-list">${slaLine(locale, 'addin.sla.response', ticket.sla.response)}${slaLine(locale, 'addin.sla.resolution', ticket.sla.resolution)}</ul>`;
  return `<section class="ticket" data-ticket="${esc(ticket.number)}">
  <h2>${esc(t(locale, 'addin.ticket.heading', { number: ticket.number }))}</h2>
  <p class="subject">${esc(ticket.subject)}</p>
  <dl>
    <dt>${esc(t(locale, 'addin.ticket.status'))}</dt><dd data-field="status">${esc(t(locale, `status.${ticket.status}`))}</dd>
    <dt>${esc(t(locale, 'addin.ticket.priority'))}</dt><dd>${esc(t(locale, `priority.${ticket.priority}`))}</dd>
    <dt>${esc(t(locale, 'addin.ticket.type'))}</dt><dd>${esc(t(locale, `type.${ticket.incidentType}`))}</dd>
  </dl>
  ${slaLines}
  <p class="budget">${esc(budget)}</p>
  ${decisions}
</section>`;
}
