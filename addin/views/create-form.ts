import { t } from '../../shared/domain/i18n';
import { INCIDENT_TYPES, PRIORITIES } from '../../shared/domain/ticket';
import type { AppState } from '../app-state';
import type { ReadItem } from '../mail-host';
import { esc, options } from './html';

const EXCERPT_CHARS = 400;

/** The start of the email body, as the ticket will record it (in full). */
function excerpt(text: string): string {
  const clean = text.trim().replace(/\n{3,}/g, '\n\n');
  return clean.length > EXCERPT_CHARS ? `${clean.slice(0, EXCERPT_CHARS)}…` : clean;
}

/** "Create ticket" from the open email: what will be recorded, and the classification pickers. */
export function createForm(state: AppState, item: ReadItem): string {
  const { locale, form, busy } = state;
  const attachments =
    item.attachmentNames.length > 0
      ? item.attachmentNames.map((n) => `<li>${esc(n)}</li>`).join('')
      : `<li>${esc(t(locale, 'addin.create.no-attachments'))}</li>`;
  return `<form class="create" data-form="create">
  <h2>${esc(t(locale, 'addin.create.heading'))}</h2>
  <p><strong>${esc(t(locale, 'addin.create.subject'))}:</strong> <span data-field="subject">${esc(item.subject)}</span></p>
  <blockquote class="body" data-field="body">${esc(excerpt(item.bodyText))}</blockquote>
  <p><strong>${esc(t(locale, 'addin.create.attachments'))}:</strong></p><ul class="attachments">${attachments}</ul>
  <label>${esc(t(locale, 'addin.create.priority'))}<select name="priority">${options(PRIORITIES, form.priority, (p) => t(locale, `priority.${p}`))}</select></label>
  <label>${esc(t(locale, 'addin.create.type'))}<select name="incidentType">${options(INCIDENT_TYPES, form.incidentType, (v) => t(locale, `type.${v}`))}</select></label>
  <label>${esc(t(locale, 'addin.create.description'))}<textarea name="description" rows="3">${esc(form.description)}</textarea></label>
  <p class="note">${esc(t(locale, 'addin.create.note'))}</p>
  <button type="button" class="primary" data-action="create-ticket"${busy ? ' disabled' : ''}>${esc(t(locale, 'addin.create.submit'))}</button>
</form>`;
}
