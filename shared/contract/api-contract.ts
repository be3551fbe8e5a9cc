/**
 * The wire contract of the REST API under /api/v1 (JSON bodies), shared by the server (bot/api) and its
 * browser clients (the Outlook add-in). Types only: instants are UTC ISO strings, durations integer minutes.
 */
import type { IncidentType, Locale, Priority, StaffRole, TicketStatus, CloseReason, SupportLevel } from '../domain/ticket';

export type SlaClockState = 'on-track' | 'at-risk' | 'breached' | 'met' | 'paused';

export interface SlaClockView {
  state: SlaClockState;
  /** When the clock breaches (absent once met, or while paused with no due instant). */
  dueAt?: string;
  /** Business minutes left before the breach, at the server's now (negative once breached). */
  remainingMinutes?: number;
}

export interface SlaSummary {
  response: SlaClockView;
  resolution: SlaClockView;
}

export interface TicketView {
  id: string;
  number: string;
  /** Send it back in If-Match on every write. */
  version: string;
  clientId: string;
  requesterEmail: string;
  subject: string;
  status: TicketStatus;
  closeReason?: CloseReason;
  priority: Priority;
  incidentType: IncidentType;
  level: SupportLevel;
  /** Staff id of the consultant working it. */
  assigneeId?: string;
  budgetMinutes: number;
  consumedMinutes: number;
  awaitingEmail: boolean;
  openedAt: string;
  firstResponseAt?: string;
  /** How a consultant's first response reached the client (Respond by email, or a phone call's note emailed). */
  firstResponseBy?: 'email' | 'phone';
  /** Intake's priority suggestion (what the email asked for), until someone triages the priority. */
  prioritySuggestion?: {
    priority: Priority;
    signals: Array<{ source: 'header' | 'subject' | 'body'; name?: string; value?: string; term?: string; priority: Priority }>;
  };
  /** Unanswered contact attempts since the client last replied. */
  contactAttempts?: number;
  resolvedAt?: string;
  closedAt?: string;
  conversationId?: string;
  sourceMessageId?: string;
  pendingExtension?: { requestId: string; minutes: number; requestedAt: string };
  sla: SlaSummary;
}

/** The managers' SLA board: open tickets, most urgent first. */
export interface BoardView {
  generatedAt: string;
  tickets: TicketView[];
  /** Names to show instead of ids: the board's clients by id, and its assignees by staff id. */
  clientNames?: Record<string, string>;
  staffNames?: Record<string, string>;
}

export interface TicketListView {
  tickets: TicketView[];
  next?: string;
}

export type MeView =
  | { kind: 'staff'; email: string; name: string; role: StaffRole; locale: Locale }
  | {
      kind: 'requester';
      email: string;
      name: string;
      clientId: string;
      clientName: string;
      isClientAdmin: boolean;
      locale: Locale;
    };

export interface SenderAuthorizationView {
  email: string;
  authorized: boolean;
  clientId?: string;
  clientName?: string | undefined;
}

export interface CreateTicketRequest {
  /** The email's Internet Message-ID: the idempotency key (the email stays the official record). */
  internetMessageId: string;
  conversationId?: string;
  subject: string;
  /** The email body as plain text. */
  body: string;
  attachmentNames: string[];
  priority: Priority;
  incidentType: IncidentType;
  /** What the client adds about the incident. */
  description?: string;
  /** Staff only: the sender the ticket is raised for (requesters raise their own). */
  requesterEmail?: string;
  /**
   * False when the support mailbox has not received this email (support was not a recipient): the
   * ticket then awaits the email, as a phone ticket does, until the forward or a reply arrives.
   */
  supportHasEmail?: boolean;
}

/** `GET /api/v1/clients/:clientId/requesters/history`: one change to the client's requesters. */
export type { RequesterChange as RequesterChangeView } from '../domain/requesters';

export interface RequesterView {
  id: string;
  clientId: string;
  email: string;
  name: string;
  isClientAdmin: boolean;
  effectiveFrom: string;
  effectiveTo?: string;
  active: boolean;
}

export interface AddRequesterRequest {
  email: string;
  name: string;
  isClientAdmin?: boolean;
  locale?: Locale;
  /** A date (YYYY-MM-DD, start of day in the support zone) or an instant; defaults to now. */
  effectiveFrom?: string;
}

export interface DeactivateRequesterRequest {
  /** A date (YYYY-MM-DD, start of day in the support zone) or an instant; defaults to now. */
  effectiveTo?: string;
}

/** RFC 7807 problem details, as every error of the API is answered (application/problem+json). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Stable machine code: validation, unauthenticated, forbidden, not-found, stale-version, precondition-required, invalid-transition, conflict, internal. */
  code: string;
  errors?: { field: string; message: string }[];
}
