/**
 * The use cases of a ticket, one method per policy action. TicketService implements it; the edges
 * (mail intake, Teams bot, REST API, CLI) call it. Every write takes the actor and the ticket version
 * the caller saw (`expectedVersion`): a stale one throws ConflictError, never silently applied.
 * Every method returns the updated ticket; events and billing entries are recorded by the service.
 */
import type { Ticket } from '../domain/ticket';
import type { PrioritySuggestion } from '../domain/ticket';
import type { FollowUpKind } from '../domain/ticket';
import type { Actor, Channel, IncidentType, Priority, SupportLevel } from '../domain/ticket';

export interface OpenTicketInput {
  clientId: string;
  requesterEmail: string;
  subject: string;
  description: string;
  channel: Channel;
  priority?: Priority | undefined;
  incidentType?: IncidentType | undefined;
  /** Budget picked inside the incident type's range (defaults to the policy's default). */
  budgetMinutes?: number | undefined;
  /** Idempotency key: the email's Message-ID (or the Teams message id). */
  sourceMessageId?: string | undefined;
  conversationId?: string | undefined;
  /** When the incident was raised (a phone call's time, an email's date); defaults to now. */
  raisedAt?: Date | undefined;
  /** What the email asked for by itself (suggestPriority): shown to L1, never applied on its own. */
  prioritySuggestion?: PrioritySuggestion | undefined;
  /**
   * Not official until the client's email reaches support (POLICY.md, channels): defaults to true for
   * phone and Teams tickets; the add-in sets it when support was not a recipient of the email.
   */
  awaitingEmail?: boolean | undefined;
}

/** L1's triage: any of priority, incident type and budget (a pick inside the type's range), and why. */
export interface TriageInput {
  priority?: Priority | undefined;
  incidentType?: IncidentType | undefined;
  budgetMinutes?: number | undefined;
  /** Kept in the audit trail with who did it. */
  reason?: string | undefined;
}

export interface TicketRef {
  ticketId: string;
  expectedVersion: string;
}

export interface TicketCommands {
  /** Opens a ticket (idempotent by sourceMessageId); the requester must be authorized. */
  open(actor: Actor, input: OpenTicketInput): Promise<{ ticket: Ticket; created: boolean }>;
  /** Logs a critical phone call: clocks start at the call, the ticket awaits the client's email. */
  openFromPhone(actor: Actor, input: Omit<OpenTicketInput, 'channel' | 'priority'> & { priority?: Priority }): Promise<Ticket>;
  /** Links the client's confirming email to a phone ticket. */
  linkEmail(actor: Actor, ref: TicketRef, messageId: string, conversationId?: string): Promise<Ticket>;
  /** Records a first response made elsewhere (a consultant's own email to the client with support in copy). */
  acknowledge(actor: Actor, ref: TicketRef, note?: string): Promise<Ticket>;
  /** Respond: emails the consultant's message to the client in their thread; the first response, billed. */
  respond(actor: Actor, ref: TicketRef, message: string): Promise<Ticket>;
  /** A phone conversation as the first response: the note of what was said is emailed to the client; billed. */
  respondByPhone(actor: Actor, ref: TicketRef, note: string): Promise<Ticket>;
  assign(actor: Actor, ref: TicketRef, assigneeId: string): Promise<Ticket>;
  logFollowUp(actor: Actor, ref: TicketRef, kind: FollowUpKind, note?: string): Promise<Ticket>;
  logSession(actor: Actor, ref: TicketRef, minutes: number, consultants: number, note?: string): Promise<Ticket>;
  logWork(actor: Actor, ref: TicketRef, minutes: number, note?: string): Promise<Ticket>;
  /** Asks the client for information: waits on the client, counts a contact attempt, emails them. */
  requestInformation(actor: Actor, ref: TicketRef, question: string): Promise<Ticket>;
  /** A contact attempt without a question (call, reminder email); the 3rd unanswered one leads to the final notice. */
  recordContactAttempt(actor: Actor, ref: TicketRef, note?: string): Promise<Ticket>;
  /** The client answered (email, add-in): ends waiting on the client, resets contact attempts. */
  recordClientReply(actor: Actor, ref: TicketRef, messageId?: string, excerpt?: string): Promise<Ticket>;
  escalate(actor: Actor, ref: TicketRef, to: SupportLevel, reason: string, microsoftCaseNumber?: string): Promise<Ticket>;
  recordMicrosoftCase(actor: Actor, ref: TicketRef, caseNumber: string): Promise<Ticket>;
  recordMicrosoftResponse(actor: Actor, ref: TicketRef, note?: string): Promise<Ticket>;
  changePriority(actor: Actor, ref: TicketRef, priority: Priority, reason?: string): Promise<Ticket>;
  changeIncidentType(
    actor: Actor,
    ref: TicketRef,
    incidentType: IncidentType,
    budgetMinutes?: number,
    reason?: string,
  ): Promise<Ticket>;
  /** Priority and/or incident type and budget in one change; the client is emailed the new priority and due times. */
  triage(actor: Actor, ref: TicketRef, input: TriageInput): Promise<Ticket>;
  /** Applies intake's priority suggestion (the reason names what the email said). */
  applySuggestedPriority(actor: Actor, ref: TicketRef): Promise<Ticket>;
  requestBudgetExtension(actor: Actor, ref: TicketRef, minutes: number, reason: string): Promise<Ticket>;
  approveBudgetExtension(actor: Actor, ref: TicketRef, requestId: string): Promise<Ticket>;
  refuseBudgetExtension(actor: Actor, ref: TicketRef, requestId: string, reason?: string): Promise<Ticket>;
  resolve(actor: Actor, ref: TicketRef, summary: string): Promise<Ticket>;
  /**
   * The client validates the resolution: the ticket closes. Staff may record it on the client's behalf
   * only with `clientMessageId`, the client's message on the ticket that says so (kept in the log).
   */
  validateResolution(actor: Actor, ref: TicketRef, note?: string, clientMessageId?: string): Promise<Ticket>;
  /** The client says it is not solved: the ticket reopens and the client is emailed the new due time (staff: as above). */
  rejectResolution(actor: Actor, ref: TicketRef, reason?: string, clientMessageId?: string): Promise<Ticket>;
  closeForNoResponse(actor: Actor, ref: TicketRef): Promise<Ticket>;
  /** A new request after a ticket closed for no response: a new ticket linked to the old one. */
  openLinked(actor: Actor, closedTicketId: string, input: OpenTicketInput): Promise<Ticket>;
}
