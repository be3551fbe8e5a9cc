import type { TicketEventType } from './ticket-event';
import type { TicketStatus } from './ticket-types';

/**
 * The event keys of the table: every event type but `opened` (which creates a ticket), with
 * escalation to L4 (Microsoft) as its own row because it moves the ticket to waiting-on-microsoft.
 */
export type TransitionKey = Exclude<TicketEventType, 'opened'> | 'escalated-to-L4';

type Row = Partial<Record<TransitionKey, TicketStatus>>;

/** Events that keep any not-closed ticket where it is (bookkeeping, classification, billing). */
function keeps(status: TicketStatus, keys: TransitionKey[]): Row {
  return Object.fromEntries(keys.map((key) => [key, status]));
}
const WORKING: TransitionKey[] = [
  'email-linked',
  'assigned',
  'priority-changed',
  'incident-type-changed',
  'follow-up-logged',
  'session-logged',
  'work-logged',
  'note-added',
];
const BUDGET: TransitionKey[] = ['budget-extension-requested', 'budget-extension-approved', 'budget-extension-refused'];

/**
 * status x event -> next status. A missing cell is a refusal (InvalidTransitionError). Guards that
 * depend on the ticket's data (attempt counts, pending extension, level order) live in applyEvent.
 *
 * - new: awaiting the first response. Any reply to the client (first response, information request,
 *   resolution) stops the response clock.
 * - waiting-on-client / waiting-on-microsoft: the resolution clock is paused.
 * - resolved: awaiting the client's validation; a rejection reopens.
 * - closed: final. A later request makes a new ticket linked to this one (linkedTicketInput).
 */
export const TRANSITIONS: Readonly<Record<TicketStatus, Readonly<Row>>> = {
  new: {
    ...keeps('new', WORKING),
    'first-response': 'open',
    'information-requested': 'waiting-on-client',
    'client-replied': 'new',
    escalated: 'new',
    resolved: 'resolved',
  },
  open: {
    ...keeps('open', WORKING),
    ...keeps('open', BUDGET),
    'information-requested': 'waiting-on-client',
    'client-replied': 'open',
    escalated: 'open',
    'escalated-to-L4': 'waiting-on-microsoft',
    resolved: 'resolved',
  },
  'waiting-on-client': {
    ...keeps('waiting-on-client', WORKING),
    ...keeps('waiting-on-client', BUDGET),
    'information-requested': 'waiting-on-client',
    'contact-attempted': 'waiting-on-client',
    'final-notice-sent': 'waiting-on-client',
    'closed-no-response': 'closed',
    'client-replied': 'open',
    escalated: 'waiting-on-client',
    resolved: 'resolved',
  },
  'waiting-on-microsoft': {
    ...keeps('waiting-on-microsoft', WORKING),
    ...keeps('waiting-on-microsoft', BUDGET),
    'microsoft-case-recorded': 'waiting-on-microsoft',
    'microsoft-responded': 'open',
    'client-replied': 'waiting-on-microsoft',
    resolved: 'resolved',
  },
  resolved: {
    ...keeps('resolved', [
      'email-linked',
      'assigned',
      'follow-up-logged',
      'session-logged',
      'work-logged',
      'note-added',
      'budget-extension-approved',
      'budget-extension-refused',
    ]),
    'resolution-validated': 'closed',
    'resolution-rejected': 'open',
    'client-replied': 'resolved',
    'contact-attempted': 'resolved',
    'final-notice-sent': 'resolved',
    'closed-no-response': 'closed',
  },
  closed: keeps('closed', ['email-linked', 'follow-up-logged', 'note-added']),
};

/** The table row an event uses: escalation to L4 is its own key. */
export function transitionKey(event: { type: TicketEventType; data: unknown }): TransitionKey | 'opened' {
  if (event.type === 'escalated' && (event.data as { to?: string }).to === 'L4') return 'escalated-to-L4';
  return event.type;
}

/** The next status for `key` in `status`, or undefined when the table refuses it. */
export function nextStatus(status: TicketStatus, key: TransitionKey | 'opened'): TicketStatus | undefined {
  if (key === 'opened') return undefined;
  return TRANSITIONS[status][key];
}

/** The event keys a ticket in `status` accepts (for menus and cards). */
export function allowedEvents(status: TicketStatus): TransitionKey[] {
  return Object.keys(TRANSITIONS[status]) as TransitionKey[];
}
