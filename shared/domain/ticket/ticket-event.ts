import type { PrioritySuggestion } from './priority-suggestion';
import type { Actor, Channel, IncidentType, Priority, SupportLevel } from './ticket-types';

export const FOLLOW_UP_KINDS = [
  'progress',
  'follow-up',
  'conclusion',
  'closure',
  'information-request',
  'daily-email',
  'other',
] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** The payload of each event type. The log is append-only; state and SLA clocks derive from it. */
export interface TicketEventData {
  opened: {
    number: string;
    clientId: string;
    requesterEmail: string;
    subject: string;
    description: string;
    priority: Priority;
    incidentType: IncidentType;
    budgetMinutes: number;
    awaitingEmail: boolean;
    sourceMessageId?: string;
    conversationId?: string;
    linkedTicketId?: string;
    policyVersion: string;
    locale: 'en' | 'es-MX';
    /** What the email itself asked for, when more urgent than `priority` (intake's suggestion for L1). */
    prioritySuggestion?: PrioritySuggestion;
  };
  'email-linked': { messageId: string; conversationId?: string };
  /** `by`: the consultant's email (Respond) or a phone call whose note was emailed; absent when recorded from elsewhere. */
  'first-response': { note?: string; by?: 'email' | 'phone' };
  assigned: { assigneeId: string };
  'priority-changed': { from: Priority; to: Priority; reason?: string };
  'incident-type-changed': { from: IncidentType; to: IncidentType; budgetMinutes: number; reason?: string };
  /** `minutes`: the policy's follow-up charge when logged (policy.billing.followUpMinutes); 15 when absent. */
  'follow-up-logged': { kind: FollowUpKind; note?: string; entryId: string; minutes?: number };
  'session-logged': { minutes: number; consultants: number; note?: string; entryId: string };
  'work-logged': { minutes: number; note?: string; entryId: string };
  'information-requested': { question: string; attempt: number };
  'contact-attempted': { attempt: number; note?: string };
  'final-notice-sent': { attempts: number };
  'client-replied': { messageId?: string; excerpt?: string };
  escalated: { from: SupportLevel; to: SupportLevel; reason: string; microsoftCaseNumber?: string };
  'microsoft-case-recorded': { caseNumber: string };
  'microsoft-responded': { note?: string };
  'budget-extension-requested': { requestId: string; minutes: number; reason: string };
  'budget-extension-approved': { requestId: string; minutes: number };
  'budget-extension-refused': { requestId: string; reason?: string };
  resolved: { summary: string };
  /**
   * `clientMessageId`: a consultant recorded the client's decision on their behalf, pointing at the
   * client's message (a `client-replied` event of this ticket); `onBehalfOf` is the requester.
   */
  'resolution-validated': { note?: string; clientMessageId?: string; onBehalfOf?: string };
  'resolution-rejected': { reason?: string; clientMessageId?: string; onBehalfOf?: string };
  'closed-no-response': { attempts: number };
  'note-added': { text: string; internal: boolean };
}

export type TicketEventType = keyof TicketEventData;

/** One audited fact about a ticket: who, when, through which channel, what. */
export type TicketEvent = {
  [K in TicketEventType]: {
    id: string;
    ticketId: string;
    /** 1-based position in the ticket's log. */
    seq: number;
    type: K;
    at: string;
    actor: Actor;
    channel: Channel;
    data: TicketEventData[K];
  };
}[TicketEventType];

/** An event before the store assigns its id and position. */
export type NewTicketEvent = {
  [K in TicketEventType]: Omit<Extract<TicketEvent, { type: K }>, 'id' | 'seq' | 'ticketId'>;
}[TicketEventType];
