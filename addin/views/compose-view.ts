import { t } from '../../shared/domain/i18n';
import { INCIDENT_TYPES, PRIORITIES } from '../../shared/domain/ticket';
import type { AppState, ComposeDone } from '../app-state';
import { formatInstant } from './format';
import { esc, options } from './html';

function reportForm(state: AppState): string {
  const { locale, form, busy } = state;
  return `<form class="compose" data-form="report">
  <h2>${esc(t(locale, 'addin.compose.report.heading'))}</h2>
  <p class="note">${esc(t(locale, 'addin.compose.report.note'))}</p>
  <label>${esc(t(locale, 'addin.create.priority'))}<select name="priority">${options(PRIORITIES, form.priority, (p) => t(locale, `priority.${p}`))}</select></label>
  <label>${esc(t(locale, 'addin.create.type'))}<select name="incidentType">${options(INCIDENT_TYPES, form.incidentType, (v) => t(locale, `type.${v}`))}</select></label>
  <button type="button" class="primary" data-action="report-to-support"${busy ? ' disabled' : ''}>${esc(t(locale, 'addin.compose.report.submit'))}</button>
</form>`;
}

function afterHoursForm(state: AppState): string {
  const { locale, busy } = state;
  return `<form class="compose" data-form="after-hours">
  <h2>${esc(t(locale, 'addin.compose.after-hours.heading'))}</h2>
  <p class="note">${esc(t(locale, 'addin.compose.after-hours.note'))}</p>
  <label>${esc(t(locale, 'addin.compose.after-hours.start'))}<input type="datetime-local" name="start" required></label>
  <label>${esc(t(locale, 'addin.compose.after-hours.end'))}<input type="datetime-local" name="end" required></label>
  <button type="button" class="primary" data-action="request-after-hours"${busy ? ' disabled' : ''}>${esc(t(locale, 'addin.compose.after-hours.submit'))}</button>
</form>`;
}

function doneText(state: AppState, done: ComposeDone): string {
  const { locale, supportAddress: address } = state;
  if (done.action === 'report') {
    return t(locale, 'addin.compose.report.done', {
      address,
      priority: t(locale, `priority.${done.priority}`),
      type: t(locale, `type.${done.incidentType}`),
    });
  }
  return t(locale, 'addin.compose.after-hours.done', {
    address,
    start: formatInstant(locale, done.start),
    end: formatInstant(locale, done.end),
  });
}

/** Compose mode: "Report to support" or "Request after-hours attention" (chosen by the ribbon button). */
export function composeView(state: AppState): string {
  const { locale } = state;
  if (!state.canSetHeaders) return `<p class="flash error">${esc(t(locale, 'addin.compose.unsupported'))}</p>`;
  const done = state.composeDone ? `<p class="flash info" data-done>${esc(doneText(state, state.composeDone))}</p>` : '';
  return `${state.composeAction === 'report' ? reportForm(state) : afterHoursForm(state)}${done}`;
}
