import type { PrioritySuggestion } from './priority-suggestion';
import type { Channel, CloseReason, IncidentType, Locale, Priority, SupportLevel, TicketStatus } from './ticket-types';

/**
 * A ticket's current state. It is a projection of its event log (see applyEvent); stores keep
 * it denormalised for queries. Instants are UTC ISO-8601 strings, durations integer minutes.
 */
export interface Ticket {
  id: string;
  /** Human number, `SUP-<year>-<n>` zero-padded to 4 digits at least: SUP-2026-0042. */
  number: string;
  /** Opaque concurrency token set by the store (row version or SharePoint eTag). */
  version: string;
  clientId: string;
  requesterEmail: string;
  subject: string;
  description: string;
  priority: Priority;
  incidentType: IncidentType;
  /** Approved resolution budget: the estimate picked at classification plus approved extensions. */
  budgetMinutes: number;
  status: TicketStatus;
  closeReason?: CloseReason;
  level: SupportLevel;
  assigneeId?: string;
  channel: Channel;
  /** Phone tickets wait for the client's email confirming them. */
  awaitingEmail: boolean;
  /** Message-ID of the email that opened it (idempotency key for intake). */
  sourceMessageId?: string;
  /** Email thread id (Graph conversationId or the root Message-ID). */
  conversationId?: string;
  microsoftCaseNumber?: string;
  /** Unanswered contact attempts since the client last replied. */
  contactAttempts: number;
  /** When the latest unanswered contact attempt (or information request) was made. */
  lastContactAttemptAt?: string;
  /** When the final notice went out (after the last allowed attempt). */
  finalNoticeAt?: string;
  /** A ticket opened after one closed for no response links to it. */
  linkedTicketId?: string;
  policyVersion: string;
  locale: Locale;
  openedAt: string;
  firstResponseAt?: string;
  /** How the first response reached the client when a consultant sent or recorded it (Respond, a phone call). */
  firstResponseBy?: 'email' | 'phone';
  /** Intake's suggestion when the email asks for more urgency than the ticket has (never applied on its own). */
  prioritySuggestion?: PrioritySuggestion;
  resolvedAt?: string;
  closedAt?: string;
  lastActivityAt: string;
  /**
   * Closed time for the resolution clock (waiting on the client or on Microsoft), derived from the
   * event log and kept on the record so a sweep needs no event read. The open pause has no end.
   */
  pauses: SlaPause[];
  /** Billed minutes consumed against the budget (sum of the ticket's time entries). */
  consumedMinutes: number;
  /** A budget extension awaiting the client's answer. */
  pendingExtension?: { requestId: string; minutes: number; requestedAt: string };
}

export interface SlaPause {
  reason: 'waiting-on-client' | 'waiting-on-microsoft';
  start: string;
  end?: string;
}
