import { t } from '../../shared/domain/i18n';
import type { AppState } from '../app-state';
import { composeView } from './compose-view';
import { createForm } from './create-form';
import { esc } from './html';
import { ticketPanel } from './ticket-panel';

function header(state: AppState): string {
  const { locale, me } = state;
  const who = !me
    ? ''
    : me.kind === 'staff'
      ? t(locale, 'addin.signed-in-staff', { name: me.name })
      : t(locale, 'addin.signed-in-as', { name: me.name, client: me.clientName });
  return `<header><h1>${esc(t(locale, 'addin.title'))}</h1>${who ? `<p class="who">${esc(who)}</p>` : ''}</header>`;
}

function senderBanner(state: AppState): string {
  const { locale, sender } = state;
  if (!sender) return '';
  const text = sender.authorized
    ? t(locale, 'addin.sender.authorized', { email: sender.email, client: sender.clientName ?? sender.clientId ?? '' })
    : t(locale, 'addin.sender.unauthorized', { email: sender.email });
  return `<p class="sender ${sender.authorized ? 'ok' : 'warn'}" data-sender-authorized="${sender.authorized}">${esc(text)}</p>`;
}

function readView(state: AppState): string {
  if (!state.item) return '';
  if (state.ticket) {
    const me = state.me;
    const canDecide = me?.kind === 'requester' && (me.isClientAdmin || me.email === state.ticket.requesterEmail);
    return senderBanner(state) + ticketPanel(state.locale, state.ticket, { busy: state.busy, canDecide });
  }
  return senderBanner(state) + createForm(state, state.item);
}

/** The whole task pane as HTML, from state alone. */
export function renderApp(state: AppState): string {
  const { locale } = state;
  const flash = state.flash
    ? `<p class="flash ${state.flash.kind}" role="status">${esc(t(locale, state.flash.key, state.flash.params))}</p>`
    : '';
  let body: string;
  if (state.phase === 'loading') body = `<p class="loading">${esc(t(locale, 'addin.loading'))}</p>`;
  else if (state.phase === 'failed') body = '';
  else body = state.mode === 'read' ? readView(state) : composeView(state);
  const busy = state.busy ? `<p class="busy" aria-live="polite">${esc(t(locale, 'addin.working'))}</p>` : '';
  return `${header(state)}${flash}${busy}<main>${body}</main>`;
}
