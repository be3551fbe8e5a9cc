import { InvalidTransitionError, ValidationError } from '../common/errors';
import { definedOnly } from '../common/optional';
import type { Ticket, SlaPause } from './ticket';
import type { NewTicketEvent, TicketEvent } from './ticket-event';
import { SUPPORT_LEVELS, type TicketStatus } from './ticket-types';
import { nextStatus, transitionKey } from './transition-table';

/** Follow-up charge used when a follow-up-logged event carries no `minutes` (POLICY.md: 15). */
export const FALLBACK_FOLLOW_UP_MINUTES = 15;

type AnyEvent = NewTicketEvent | TicketEvent;

const PAUSE_OF: Partial<Record<TicketStatus, SlaPause['reason']>> = {
  'waiting-on-client': 'waiting-on-client',
  'waiting-on-microsoft': 'waiting-on-microsoft',
};

function requirePositiveInt(value: number, field: string): void {
  if (!Number.isInteger(value) || value <= 0) throw new ValidationError(field, `must be a whole number above 0 (got ${value})`);
}

function refuse(ticket: Ticket, event: AnyEvent, why: string): never {
  throw new InvalidTransitionError(
    ticket.status,
    event.type,
    `a ticket that is ${ticket.status} cannot take "${event.type}": ${why}`,
  );
}

/** Closes the open pause at `at` when the status leaves a waiting state; opens one when it enters. */
function movePauses(pauses: SlaPause[], from: TicketStatus, to: TicketStatus, at: string): SlaPause[] {
  if (from === to) return pauses;
  let next = pauses;
  const last = next[next.length - 1];
  if (PAUSE_OF[from] && last && last.end === undefined) next = [...next.slice(0, -1), { ...last, end: at }];
  const reason = PAUSE_OF[to];
  if (reason) next = [...next, { reason, start: at }];
  return next;
}

/** A ticket whose optional fields may still hold undefined (a cleared field) until `definedOnly` drops them. */
type DraftTicket = { [K in keyof Ticket]: Ticket[K] | (undefined extends Ticket[K] ? undefined : never) };
type TicketChanges = Partial<DraftTicket>;

/** Field changes of each event type beyond the status (which the transition table gives). */
function changes(ticket: Ticket, event: AnyEvent): TicketChanges {
  switch (event.type) {
    case 'email-linked':
      return {
        awaitingEmail: false,
        sourceMessageId: ticket.sourceMessageId ?? event.data.messageId,
        conversationId: event.data.conversationId ?? ticket.conversationId,
      };
    case 'first-response':
      return { firstResponseAt: event.at, firstResponseBy: event.data.by };
    case 'assigned':
      return { assigneeId: event.data.assigneeId };
    case 'priority-changed': {
      if (event.data.from !== ticket.priority)
        throw new ValidationError('from', `the ticket's priority is ${ticket.priority}, not ${event.data.from}`);
      if (event.data.to === ticket.priority) throw new ValidationError('to', `the priority is already ${ticket.priority}`);
      // Once someone triaged the priority, intake's suggestion has been answered.
      return { priority: event.data.to, prioritySuggestion: undefined };
    }
    case 'incident-type-changed': {
      if (event.data.from !== ticket.incidentType)
        throw new ValidationError('from', `the ticket's incident type is ${ticket.incidentType}, not ${event.data.from}`);
      requirePositiveInt(event.data.budgetMinutes, 'budgetMinutes');
      return { incidentType: event.data.to, budgetMinutes: event.data.budgetMinutes };
    }
    case 'follow-up-logged': {
      const minutes = event.data.minutes ?? FALLBACK_FOLLOW_UP_MINUTES;
      requirePositiveInt(minutes, 'minutes');
      return { consumedMinutes: ticket.consumedMinutes + minutes };
    }
    case 'session-logged':
      requirePositiveInt(event.data.minutes, 'minutes');
      requirePositiveInt(event.data.consultants, 'consultants');
      return { consumedMinutes: ticket.consumedMinutes + event.data.minutes * event.data.consultants };
    case 'work-logged':
      requirePositiveInt(event.data.minutes, 'minutes');
      return { consumedMinutes: ticket.consumedMinutes + event.data.minutes };
    case 'information-requested':
    case 'contact-attempted': {
      if (ticket.finalNoticeAt) refuse(ticket, event, 'the final notice already went out');
      const expected = ticket.contactAttempts + 1;
      if (event.data.attempt !== expected)
        throw new ValidationError('attempt', `the next contact attempt is number ${expected}, not ${event.data.attempt}`);
      const reply = event.type === 'information-requested' ? { firstResponseAt: ticket.firstResponseAt ?? event.at } : {};
      return { ...reply, contactAttempts: expected, lastContactAttemptAt: event.at };
    }
    case 'final-notice-sent':
      if (ticket.finalNoticeAt) refuse(ticket, event, 'the final notice already went out');
      if (ticket.contactAttempts < 1) refuse(ticket, event, 'no contact attempt went unanswered yet');
      if (event.data.attempts !== ticket.contactAttempts)
        throw new ValidationError(
          'attempts',
          `the ticket has ${ticket.contactAttempts} unanswered attempts, not ${event.data.attempts}`,
        );
      return { finalNoticeAt: event.at };
    case 'closed-no-response':
      if (!ticket.finalNoticeAt) refuse(ticket, event, 'no final notice was sent');
      return { closeReason: 'no-response', closedAt: event.at };
    case 'client-replied':
      return { contactAttempts: 0, lastContactAttemptAt: undefined, finalNoticeAt: undefined };
    case 'escalated': {
      const { from, to, reason, microsoftCaseNumber } = event.data;
      if (from !== ticket.level) throw new ValidationError('from', `the ticket is at ${ticket.level}, not ${from}`);
      if (SUPPORT_LEVELS.indexOf(to) <= SUPPORT_LEVELS.indexOf(from))
        throw new ValidationError('to', `escalation goes up: ${to} is not above ${from}`);
      if (!reason || !reason.trim()) throw new ValidationError('reason', 'an escalation needs a reason');
      return { level: to, microsoftCaseNumber: microsoftCaseNumber ?? ticket.microsoftCaseNumber };
    }
    case 'microsoft-case-recorded':
      if (!event.data.caseNumber.trim()) throw new ValidationError('caseNumber', 'must not be empty');
      return { microsoftCaseNumber: event.data.caseNumber.trim() };
    case 'budget-extension-requested':
      if (ticket.pendingExtension)
        refuse(ticket, event, `extension ${ticket.pendingExtension.requestId} still awaits the client's answer`);
      requirePositiveInt(event.data.minutes, 'minutes');
      return { pendingExtension: { requestId: event.data.requestId, minutes: event.data.minutes, requestedAt: event.at } };
    case 'budget-extension-approved': {
      const pending = ticket.pendingExtension;
      if (!pending || pending.requestId !== event.data.requestId)
        refuse(ticket, event, `no pending extension ${event.data.requestId}`);
      requirePositiveInt(event.data.minutes, 'minutes');
      if (event.data.minutes > pending.minutes)
        throw new ValidationError('minutes', `approves ${event.data.minutes} but only ${pending.minutes} were requested`);
      return { budgetMinutes: ticket.budgetMinutes + event.data.minutes, pendingExtension: undefined };
    }
    case 'budget-extension-refused':
      if (!ticket.pendingExtension || ticket.pendingExtension.requestId !== event.data.requestId)
        refuse(ticket, event, `no pending extension ${event.data.requestId}`);
      return { pendingExtension: undefined };
    case 'resolved':
      return {
        resolvedAt: event.at,
        firstResponseAt: ticket.firstResponseAt ?? event.at,
        contactAttempts: 0,
        lastContactAttemptAt: undefined,
        finalNoticeAt: undefined,
      };
    case 'resolution-validated':
      return { closeReason: 'validated', closedAt: event.at };
    case 'resolution-rejected':
      // The span spent awaiting validation was waiting on the client: it becomes a closed pause, and the clock resumes.
      return {
        resolvedAt: undefined,
        contactAttempts: 0,
        lastContactAttemptAt: undefined,
        finalNoticeAt: undefined,
        pauses: [...ticket.pauses, { reason: 'waiting-on-client', start: ticket.resolvedAt ?? event.at, end: event.at }],
      };
    case 'microsoft-responded':
    case 'note-added':
    case 'opened':
      return {};
  }
}

/**
 * The ticket after `event` (pure: returns a new object). The status comes from TRANSITIONS; pauses,
 * contact attempts, final notice, consumed minutes, the pending extension and the instants are kept
 * up to date. Throws InvalidTransitionError (status + event) when the table or a guard refuses, and
 * ValidationError naming the field when the event's data does not fit the ticket.
 */
export function applyEvent(ticket: Ticket, event: AnyEvent): Ticket {
  const key = transitionKey(event);
  const status = nextStatus(ticket.status, key);
  if (!status) throw new InvalidTransitionError(ticket.status, key);
  const at = Date.parse(event.at);
  if (Number.isNaN(at)) throw new ValidationError('at', `"${event.at}" is not an ISO instant`);
  if (at < Date.parse(ticket.lastActivityAt))
    throw new ValidationError('at', `${event.at} is before the ticket's last activity ${ticket.lastActivityAt}`);
  const fields = changes(ticket, event);
  const base: DraftTicket = { ...ticket, ...fields, status, lastActivityAt: event.at };
  // A projection never carries `key: undefined`.
  return definedOnly({ ...base, pauses: movePauses(base.pauses, ticket.status, status, event.at) });
}
