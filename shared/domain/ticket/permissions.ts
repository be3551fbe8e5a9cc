import { NotAuthorizedError } from '../common/errors';
import type { NewTicketEvent, TicketEvent } from './ticket-event';
import { STAFF_ROLES, type ActorRole } from './ticket-types';

export const ACTIONS = [
  'open-ticket',
  'log-phone-ticket',
  'link-email',
  'respond',
  'assign',
  'classify',
  'log-follow-up',
  'log-session',
  'log-work',
  'request-information',
  'attempt-contact',
  'send-final-notice',
  'close-no-response',
  'reply-as-client',
  'escalate',
  'escalate-to-L4',
  'record-microsoft-case',
  'request-budget-extension',
  'decide-budget-extension',
  'resolve',
  'decide-resolution',
  'record-client-decision',
  'add-note',
  'add-internal-note',
  'request-after-hours',
  'approve-after-hours',
  'manage-requesters',
] as const;
export type Action = (typeof ACTIONS)[number];

const STAFF: ActorRole[] = [...STAFF_ROLES];
const SENIOR: ActorRole[] = ['L2', 'L3', 'manager'];

/**
 * Who may do what, reasoned from POLICY.md:
 * - Requesters raise tickets, answer, decide on resolutions and budget extensions (the client
 *   authorizes more budget) and ask for after-hours attention (in advance, by email).
 * - L1 (intake, survey, first review) works tickets and escalates to L2/L3; raising a Microsoft case
 *   (L4) is a senior call (L2, L3, managers), as is asking the client for more budget and approving
 *   after-hours attention.
 * - `system` is the mail intake and the SLA monitor: it opens tickets from authorized email, records
 *   client replies, sends contact attempts and the final notice, closes for no response, logs daily
 *   emails. It never resolves, escalates or decides for the client.
 * - Staff may record the client's decision on a resolution on the client's behalf, only pointing at
 *   the client's message (the event carries its Message-ID): the client decides, staff transcribe.
 * - Managers maintain the requester directory (on the client's request; audited).
 */
export const PERMISSIONS: Readonly<Record<Action, readonly ActorRole[]>> = {
  'open-ticket': ['requester', 'system', ...STAFF],
  'log-phone-ticket': STAFF,
  'link-email': ['system', ...STAFF],
  respond: STAFF,
  assign: ['system', ...STAFF],
  classify: STAFF,
  'log-follow-up': ['system', ...STAFF],
  'log-session': STAFF,
  'log-work': STAFF,
  'request-information': STAFF,
  'attempt-contact': ['system', ...STAFF],
  'send-final-notice': ['system', ...STAFF],
  'close-no-response': ['system', 'L2', 'manager'],
  'reply-as-client': ['requester', 'system'],
  escalate: STAFF,
  'escalate-to-L4': SENIOR,
  'record-microsoft-case': SENIOR,
  'request-budget-extension': SENIOR,
  'decide-budget-extension': ['requester'],
  resolve: STAFF,
  'decide-resolution': ['requester'],
  'record-client-decision': STAFF,
  'add-note': ['requester', 'system', ...STAFF],
  'add-internal-note': ['system', ...STAFF],
  'request-after-hours': ['requester'],
  'approve-after-hours': SENIOR,
  'manage-requesters': ['manager'],
};

export function isAllowed(role: ActorRole, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
}

/** Throws NotAuthorizedError(role, action) unless the table allows it. */
export function assertAllowed(role: ActorRole, action: Action): void {
  if (!isAllowed(role, action))
    throw new NotAuthorizedError(role, action, `role ${role} may not ${action} (allowed: ${PERMISSIONS[action].join(', ')})`);
}

/** The action an event stands for (so a service checks `assertAllowed(actor.role, actionForEvent(e))`). */
export function actionForEvent(event: NewTicketEvent | TicketEvent): Action {
  switch (event.type) {
    case 'opened':
      return event.channel === 'phone' ? 'log-phone-ticket' : 'open-ticket';
    case 'email-linked':
      return 'link-email';
    case 'first-response':
      return 'respond';
    case 'assigned':
      return 'assign';
    case 'priority-changed':
    case 'incident-type-changed':
      return 'classify';
    case 'follow-up-logged':
      return 'log-follow-up';
    case 'session-logged':
      return 'log-session';
    case 'work-logged':
      return 'log-work';
    case 'information-requested':
      return 'request-information';
    case 'contact-attempted':
      return 'attempt-contact';
    case 'final-notice-sent':
      return 'send-final-notice';
    case 'closed-no-response':
      return 'close-no-response';
    case 'client-replied':
      return 'reply-as-client';
    case 'escalated':
      return event.data.to === 'L4' ? 'escalate-to-L4' : 'escalate';
    case 'microsoft-case-recorded':
    case 'microsoft-responded':
      return 'record-microsoft-case';
    case 'budget-extension-requested':
      return 'request-budget-extension';
    case 'budget-extension-approved':
    case 'budget-extension-refused':
      return 'decide-budget-extension';
    case 'resolved':
      return 'resolve';
    case 'resolution-validated':
    case 'resolution-rejected':
      return event.data.clientMessageId ? 'record-client-decision' : 'decide-resolution';
    case 'note-added':
      return event.data.internal ? 'add-internal-note' : 'add-note';
  }
}

/** assertAllowed for the event's actor and action. */
export function assertEventAllowed(event: NewTicketEvent | TicketEvent): void {
  assertAllowed(event.actor.role, actionForEvent(event));
}
