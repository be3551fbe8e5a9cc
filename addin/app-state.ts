import type { MeView, SenderAuthorizationView, TicketView } from '../shared/contract/api-contract';
import type { MessageKey, MessageParams } from '../shared/domain/i18n';
import type { IncidentType, Locale, Priority } from '../shared/domain/ticket';
import type { ReadItem } from './mail-host';

/** A message for the user, as a catalog key: the view translates it. */
export interface Flash {
  kind: 'info' | 'error';
  key: MessageKey;
  params?: MessageParams;
}

export type ComposeAction = 'report' | 'after-hours';

/** What a compose action put on the email (the view words it). */
export type ComposeDone =
  { action: 'report'; priority: Priority; incidentType: IncidentType } | { action: 'after-hours'; start: string; end: string };

/** Everything the task pane shows; the views are plain functions of it. */
export interface AppState {
  locale: Locale;
  /** The instant the state was computed (UTC ISO), for relative times. */
  now: string;
  phase: 'loading' | 'ready' | 'failed';
  busy: boolean;
  flash?: Flash | undefined;
  mode: 'read' | 'compose';
  me?: MeView;
  supportAddress: string;
  // read mode
  item?: ReadItem;
  sender?: SenderAuthorizationView | undefined;
  ticket?: TicketView | undefined;
  form: { priority: Priority; incidentType: IncidentType; description: string };
  // compose mode
  composeAction: ComposeAction;
  canSetHeaders: boolean;
  composeDone?: ComposeDone;
}

/** What the user can do; the DOM layer turns clicks and form fields into these. */
export type AppAction =
  | { type: 'create-ticket'; priority: Priority; incidentType: IncidentType; description: string }
  | { type: 'confirm-resolution'; note?: string }
  | { type: 'reject-resolution'; reason?: string }
  | { type: 'approve-extension' }
  | { type: 'refuse-extension'; reason?: string }
  | { type: 'refresh' }
  | { type: 'report-to-support'; priority: Priority; incidentType: IncidentType }
  | { type: 'request-after-hours'; start: string; end: string };
