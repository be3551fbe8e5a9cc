import { allowedEvents, type TransitionKey } from '../../shared/domain/ticket';
import type { Ticket } from '../../shared/domain/ticket';
import type { ContactAttemptStatus } from '../../shared/domain/ticket';
import type { SupportLevel } from '../../shared/domain/ticket';

/** Which of the ticket card's actions the ticket's status accepts now (the transition table decides). */
export interface TicketActions {
  /** The first response: Respond (emailed) or Responded by phone (with the note emailed). */
  respond: boolean;
  assignToMe: boolean;
  recordContactAttempt: boolean;
  logFollowUp: boolean;
  logSession: boolean;
  requestInformation: boolean;
  escalate: boolean;
  requestBudgetExtension: boolean;
  resolve: boolean;
  /** Priority, incident type and budget. */
  triage: boolean;
  /** One click on intake's priority suggestion. */
  applySuggestedPriority: boolean;
  /** At L4: record the Microsoft case number, or change it. */
  recordMicrosoftCase: boolean;
  /** One flag per row of buttons: a row whose actions are all refused is not shown. */
  firstRow: boolean;
  secondRow: boolean;
  thirdRow: boolean;
  triageRow: boolean;
}

/** The levels a ticket may be escalated to now: above its level, L4 only where the table takes it. */
export function escalationLevels(ticket: Pick<Ticket, 'status' | 'level'>, levels: readonly SupportLevel[]): SupportLevel[] {
  const allowed = new Set<TransitionKey>(allowedEvents(ticket.status));
  return levels.filter((level) => level > ticket.level && allowed.has(level === 'L4' ? 'escalated-to-L4' : 'escalated'));
}

/**
 * The card's actions for a ticket, given the levels it may be escalated to (escalationLevels) and, when
 * known, where it stands on contact attempts (offered only when the policy allows one now); a closed
 * ticket offers none.
 */
export function ticketActions(
  ticket: Pick<Ticket, 'status' | 'pendingExtension' | 'prioritySuggestion' | 'level'>,
  reachableLevels: readonly SupportLevel[],
  contact?: ContactAttemptStatus,
): TicketActions {
  const allowed = new Set<TransitionKey>(allowedEvents(ticket.status));
  const triage = allowed.has('priority-changed') && ticket.status !== 'closed';
  const can = {
    respond: allowed.has('first-response'),
    assignToMe: allowed.has('assigned'),
    recordContactAttempt: allowed.has('contact-attempted') && (contact?.allowed ?? true),
    logFollowUp: allowed.has('follow-up-logged') && ticket.status !== 'closed',
    logSession: allowed.has('session-logged'),
    requestInformation: allowed.has('information-requested'),
    escalate: reachableLevels.length > 0,
    requestBudgetExtension: allowed.has('budget-extension-requested') && !ticket.pendingExtension,
    resolve: allowed.has('resolved'),
    triage,
    applySuggestedPriority: triage && Boolean(ticket.prioritySuggestion),
    recordMicrosoftCase: ticket.level === 'L4' && allowed.has('microsoft-case-recorded'),
  };
  return {
    ...can,
    firstRow: can.respond || can.assignToMe || can.recordContactAttempt,
    secondRow: can.logFollowUp || can.logSession || can.requestInformation,
    thirdRow: can.escalate || can.requestBudgetExtension || can.resolve,
    triageRow: can.triage,
  };
}
