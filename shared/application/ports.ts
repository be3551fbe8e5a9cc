/**
 * The ports the application services take by constructor. Adapters live in shared/infra (SQLite,
 * SharePoint, mail, Teams) and are chosen only in bot/main.ts and in tests.
 */
import type { AfterHoursWindow, TimeEntry } from '../domain/billing';
import type { InboundMail } from '../domain/mail';
import type { AuthorizedRequester, Client, DirectoryAuditEntry, Staff } from '../domain/requesters';
import type { Ticket } from '../domain/ticket';
import type { NewTicketEvent, TicketEvent } from '../domain/ticket';
import type { Locale, TicketStatus } from '../domain/ticket';
import type { Statement } from '../domain/statement';
import type { StatementStore } from './statement-ports';

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}

export interface TicketQuery {
  statuses?: TicketStatus[] | undefined;
  clientId?: string | undefined;
  assigneeId?: string | undefined;
  requesterEmail?: string | undefined;
  conversationId?: string | undefined;
  /** Only tickets with no assignee. */
  unassigned?: boolean | undefined;
  /** Page size; stores may cap it. */
  limit?: number | undefined;
  /** Opaque cursor from a previous page (TicketPage.next). */
  cursor?: string | undefined;
}

export interface TicketPage {
  tickets: Ticket[];
  next?: string;
}

export interface TimeEntryQuery {
  ticketId?: string;
  clientId?: string;
  /** Inclusive lower bound of `at` (ISO). */
  from?: string;
  /** Exclusive upper bound of `at` (ISO). */
  to?: string;
}

/** Tickets, their append-only event log and their time entries, written together atomically. */
export interface SaveOptions {
  freshEntryIds?: boolean;
}

export interface TicketStore {
  /**
   * Opens a ticket: allocates the next `SUP-<year>-<n>` number for `year` (unique and gapless under
   * concurrency), writes it into `ticket.number` and into the `opened` event's data, inserts the
   * ticket, events and entries in one transaction. Idempotent by `ticket.sourceMessageId`: when a
   * ticket already has it, returns that one with `created: false` and writes nothing.
   */
  open(input: {
    ticket: Ticket;
    events: NewTicketEvent[];
    entries?: TimeEntry[];
    year: number;
  }): Promise<{ ticket: Ticket; created: boolean }>;
  get(id: string): Promise<Ticket | undefined>;
  /**
   * Optional: the ticket for a caller that expects `version`, from memory when the store holds that
   * version (no request), else as get. The save's version check still refuses a stale one.
   */
  getAtVersion?(id: string, version: string): Promise<Ticket | undefined>;
  getByNumber(number: string): Promise<Ticket | undefined>;
  findBySourceMessageId(messageId: string): Promise<Ticket | undefined>;
  list(query: TicketQuery): Promise<TicketPage>;
  /**
   * Saves `ticket` if the stored version still equals `ticket.version`, appending `events` and
   * `entries` in the same transaction; returns the ticket with its new version. A stale version
   * throws ConflictError and writes nothing. `options.freshEntryIds`: the entries' ids were just made
   * by the IdGenerator (unique by construction), so a store need not look them up before writing.
   */
  save(ticket: Ticket, events: NewTicketEvent[], entries?: TimeEntry[], options?: SaveOptions): Promise<Ticket>;
  /** The ticket's log in order (seq 1..n). */
  events(ticketId: string): Promise<TicketEvent[]>;
  timeEntries(query: TimeEntryQuery): Promise<TimeEntry[]>;
}

/** Clients, their authorized requesters, the partner's staff, and the audit of their changes. */
export interface DirectoryStore {
  putClient(client: Client): Promise<void>;
  getClient(id: string): Promise<Client | undefined>;
  listClients(): Promise<Client[]>;
  putRequester(requester: AuthorizedRequester): Promise<void>;
  listRequesters(clientId?: string): Promise<AuthorizedRequester[]>;
  /** Every requester record with that address (lower-cased), across clients and periods. */
  findRequestersByEmail(email: string): Promise<AuthorizedRequester[]>;
  putStaff(staff: Staff): Promise<void>;
  listStaff(): Promise<Staff[]>;
  getStaff(id: string): Promise<Staff | undefined>;
  findStaffByAadObjectId(aadObjectId: string): Promise<Staff | undefined>;
  findStaffByEmail(email: string): Promise<Staff | undefined>;
  appendAudit(entry: DirectoryAuditEntry): Promise<void>;
  listAudit(subjectPrefix?: string): Promise<DirectoryAuditEntry[]>;
}

/** Clients' after-hours requests and their decisions. */
export interface AfterHoursStore {
  putWindow(window: AfterHoursWindow): Promise<void>;
  getWindow(id: string): Promise<AfterHoursWindow | undefined>;
  listWindows(query: { clientId?: string; status?: AfterHoursWindow['status'] }): Promise<AfterHoursWindow[]>;
}

export interface AlertRecord {
  key: string;
  claimedAt: string;
  holder: string;
  completedAt?: string;
  /** Where the sent alert lives (a Teams activity id, a message id) for updates in place. */
  ref?: string;
}

/**
 * Exactly-once notifications: a sender claims a key (`ticket:clock:threshold`) before sending; only
 * the first claim wins, across restarts and server instances.
 */
export interface AlertLedger {
  claim(key: string, holder: string, at: Date): Promise<boolean>;
  complete(key: string, at: Date, ref?: string): Promise<void>;
  /** Gives a claim back after a failed send so a later sweep retries it. */
  release(key: string): Promise<void>;
  /**
   * Takes over a claim that was never completed and was made before `staleBefore` (its process died
   * between claim and complete): atomically, so among many callers one at most gets `true`, and then
   * holds the claim as if it had just made it (holder, claimedAt = `at`). A completed, fresh or
   * missing claim answers `false`.
   */
  takeOverStale(key: string, holder: string, at: Date, staleBefore: Date): Promise<boolean>;
  get(key: string): Promise<AlertRecord | undefined>;
  list(prefix: string): Promise<AlertRecord[]>;
  /**
   * Optional (a store whose ledger and state share transactions): writes the state `entries` in order
   * to the StateStore of the same Store, then completes `key` as complete() does, all in one commit (a
   * sent email's thread bookkeeping with its once-key). Without it callers write the entries, then call
   * complete().
   */
  completeWithState?(key: string, at: Date, ref: string | undefined, entries: readonly StateEntry[]): Promise<void>;
}

/** One key-value write of a batch: the key and its JSON-serialisable value. */
export type StateEntry = readonly [key: string, value: unknown];

/** Small durable key-value state: delta tokens, conversation references, sweep markers. */
export interface StateStore {
  getState<T = unknown>(key: string): Promise<T | undefined>;
  setState<T = unknown>(key: string, value: T): Promise<void>;
  deleteState(key: string): Promise<void>;
  /** Optional: setState for every entry, in order, in one atomic write. Without it callers set them one by one. */
  setStates?(entries: readonly StateEntry[]): Promise<void>;
}

/** Writes `entries` in order: in one commit when the store can (setStates), else one by one. */
export async function writeStates(state: StateStore, entries: readonly StateEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (state.setStates) await state.setStates(entries);
  else for (const [key, value] of entries) await state.setState(key, value);
}

export interface LeaseRecord {
  name: string;
  holder: string;
  until: string;
}

/** One active holder per lease name (the SLA sweeper), renewed before it expires. */
export interface LeaseStore {
  /** Takes or renews the lease when it is free, expired at `now`, or already ours. */
  acquireLease(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  /**
   * Optional: renews the lease `holder` took or renewed last from this instance, only if nobody wrote
   * it since (a compare-and-swap on this instance's own last write). True: held throughout, so nobody
   * else did the lease's work meanwhile. False: not known so (acquireLease decides who holds it).
   */
  renewHeld?(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
  currentLease(name: string): Promise<LeaseRecord | undefined>;
}

/** Takes or renews a lease: one write when this instance held it since its own last write (renewHeld), else acquireLease. */
export async function takeLease(leases: LeaseStore, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  return (await leases.renewHeld?.(name, holder, now, ttlMs)) || leases.acquireLease(name, holder, now, ttlMs);
}

/** Everything a store adapter provides; a factory returns one of these. */
export interface Store {
  readonly kind: string;
  readonly tickets: TicketStore;
  readonly directory: DirectoryStore;
  readonly afterHours: AfterHoursStore;
  readonly alerts: AlertLedger;
  readonly state: StateStore;
  readonly leases: LeaseStore;
  /** Monthly statements (issue 15). */
  readonly statements: StatementStore;
  /** Schema version (SQLite migration number, SharePoint provisioning version). */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}

export const MAIL_KINDS = [
  'acknowledgement',
  'information-request',
  'contact-attempt',
  'final-notice',
  'resolution',
  'closure',
  'reopened',
  'unauthorized-sender',
  'budget-extension-request',
  'after-hours-decision',
  'phone-email-reminder',
  'progress',
  'daily-email',
  'response',
  'phone-response',
  'triage',
  'statement',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface OutboundMail {
  kind: MailKind;
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html?: string;
  locale: Locale;
  /** Threading: the client's Message-ID we answer, and the chain before it. */
  inReplyTo?: string;
  references?: string[];
  ticketId?: string;
  ticketNumber?: string;
  headers?: Record<string, string>;
  /**
   * The same key on a repeated send (a claim taken over after a crash between sending and recording it):
   * a mailer that can tell it sent this key already answers with that message instead of sending again.
   */
  idempotencyKey?: string;
  /** Files sent with it (a monthly statement's PDF, CSV and XLSX). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  name: string;
  contentType: string;
  content: Uint8Array;
}

export interface Mailer {
  send(mail: OutboundMail): Promise<{ messageId: string }>;
  /**
   * Optional: sends `mail`, then runs `record` (the bookkeeping of the send) once, and only once, the
   * mail is accepted; a mailer that can sends the record along (Graph: in the same $batch, after it).
   * Without it, callers send and then record (sendAndRecord).
   */
  sendAndRecord?(mail: OutboundMail, record: (messageId: string) => Promise<void>): Promise<{ messageId: string }>;
}

/** The mail went out (accepted), but recording it failed: the caller must never send it again. */
export class SentNotRecordedError extends Error {
  constructor(
    readonly messageId: string,
    readonly reason: unknown,
  ) {
    super(`mail ${messageId} was sent, but recording it failed: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = 'SentNotRecordedError';
  }
}

/** Sends `mail` and records it (`record` runs only once it is accepted); a failed record is a SentNotRecordedError. */
export async function sendAndRecord(
  mailer: Mailer,
  mail: OutboundMail,
  record: (messageId: string) => Promise<void>,
): Promise<{ messageId: string }> {
  return mailer.sendAndRecord ? mailer.sendAndRecord(mail, record) : sendThenRecord(mailer, mail, record);
}

/** The plain way: the send, then (once it is accepted) the record. */
export async function sendThenRecord(
  mailer: Mailer,
  mail: OutboundMail,
  record: (messageId: string) => Promise<void>,
): Promise<{ messageId: string }> {
  const { messageId } = await mailer.send(mail);
  try {
    await record(messageId);
  } catch (error) {
    throw new SentNotRecordedError(messageId, error);
  }
  return { messageId };
}

export type SlaClockName = 'response' | 'resolution';
export type AlertThreshold = 'at-risk' | 'breached';

export type Notification =
  | { kind: 'sla-alert'; ticket: Ticket; clock: SlaClockName; threshold: AlertThreshold; dueAt: string }
  | { kind: 'budget-alert'; ticket: Ticket; percent: number; consumedMinutes: number; budgetMinutes: number }
  | { kind: 'assignment'; ticket: Ticket; assigneeId: string }
  | { kind: 'phone-email-reminder'; ticket: Ticket }
  | { kind: 'microsoft-case-reminder'; ticket: Ticket }
  /** The next contact attempt the policy allows is due (the previous one went unanswered long enough). */
  | { kind: 'contact-attempt-due'; ticket: Ticket; attempt: number; maxAttempts: number }
  | { kind: 'l4-escalation'; ticket: Ticket; reason: string }
  | { kind: 'after-hours-unapproved'; ticket: Ticket; entryId: string }
  | {
      kind: 'unauthorized-sender';
      clientId?: string | undefined;
      senderEmail: string;
      subject: string;
      quarantineRef: string;
      managerEmails: string[];
    }
  /** Mail kept aside without a reply: a forged sender (failed authentication) or a requester of several clients. */
  | {
      kind: 'quarantined-mail';
      reason: 'spoofed-sender' | 'ambiguous-requester';
      detail: string;
      clientId?: string;
      senderEmail: string;
      subject: string;
      quarantineRef: string;
      managerEmails: string[];
    }
  | { kind: 'closed-no-response'; ticket: Ticket }
  /** A mailbox intake reads: out of the app's scope, gone, failing, or resynced after its delta token expired. Once per episode. */
  | { kind: 'mailbox-alert'; mailbox: string; problem: MailboxProblem; detail: string }
  | { kind: 'ticket-changed'; ticket: Ticket }
  | ClientReplyNotification
  | { kind: 'daily-digest'; date: string; lines: DigestLine[] }
  /** A drafted statement for a manager to review (send or hold), with its files' names and who would get it. */
  | { kind: 'statement-draft'; statement: Statement; files: string[]; recipients: string[] }
  /** A client answered a sent statement: agreement or a dispute. */
  | { kind: 'statement-reply'; statement: Statement; from: string; intent: 'agreed' | 'disputed'; excerpt: string };

/**
 * A client's email on a ticket, for its assignee (the managers' channel when unassigned): the first
 * lines the client wrote and what intake did with them. `needs-decision`: the ticket is resolved and
 * the reply is neither a clear yes nor a clear no, so a person closes or reopens it on the client's
 * behalf, pointing at `messageId`.
 */
export interface ClientReplyNotification {
  kind: 'client-reply';
  ticket: Ticket;
  from: { email: string; name?: string };
  messageId: string;
  excerpt: string;
  outcome: 'recorded' | 'needs-decision' | 'validate' | 'reject-resolution' | 'approve-extension' | 'refuse-extension';
}
export type MailboxProblem = 'denied' | 'missing' | 'failing' | 'resynced';

export interface DigestLine {
  ticketNumber: string;
  ticketId: string;
  subject: string;
  status: TicketStatus;
  priority: Ticket['priority'];
  assigneeId?: string;
  responseState: string;
  resolutionState: string;
}

/** Tells people inside the partner (Teams cards, or log lines until Teams is configured). */
export interface Notifier {
  /** Returns where the message landed (an activity id) when the channel supports updating it. */
  notify(notification: Notification): Promise<{ ref?: string }>;
}

// ---- inbound mail -----------------------------------------------------------------------------

/**
 * Where inbound mail comes from: the maildrop folder (embedded default) or the support mailbox on
 * Microsoft Graph. The poller lists pending messages, hands each to intake, and settles it with the
 * outcome; a settled message is never offered again and never deleted.
 */
export interface PendingMail {
  /** Adapter-specific handle (a file name, a Graph message id). */
  id: string;
  /** The parsed message, or why it could not be read (malformed MIME, no sender). */
  mail?: InboundMail;
  unreadable?: string;
}

export type MailDisposition = 'processed' | 'quarantined';

export interface MailOutcome {
  disposition: MailDisposition;
  /** What intake did: opened, replied, validated, ignored-automated, unauthorized ... */
  action: string;
  /** Why, in words an operator understands. */
  reason: string;
  ticketNumber?: string;
}

export interface Mailbox {
  readonly kind: string;
  /**
   * The messages waiting for intake. `heldThroughout`: the caller held the intake lease without a break
   * since its last pass, so a mailbox may trust what it kept in memory of that pass (not read it again).
   */
  pending(limit?: number, options?: { heldThroughout?: boolean }): Promise<PendingMail[]>;
  /**
   * Optional: starts the reads of the next pass that change nothing (a delta query from the link kept in
   * memory), so they go with the caller's lease renewal; pending() uses them when `heldThroughout`.
   */
  prefetch?(): void;
  settle(item: PendingMail, outcome: MailOutcome): Promise<void>;
  /**
   * Settles and writes intake's own records (state entries of the store the mailbox keeps its state in)
   * in the settle's commit: one round trip where the store batches. Optional: a mailbox without a state
   * store (the maildrop) settles alone and intake writes its records itself.
   */
  settleWithState?(item: PendingMail, outcome: MailOutcome, writes: readonly StateEntry[]): Promise<void>;
  /** Where a quarantined item will be found (for the managers' notice). */
  quarantineRef(item: PendingMail): string;
}

// ---- side effects after a saved change ---------------------------------------------------------

/**
 * Failures of side effects that happen after a change is saved (client email, staff notification).
 * The change stands (it is in the log); the failure is reported here, never swallowed: main.ts logs
 * it as a structured line, tests collect it.
 */
export interface SideEffectErrors {
  report(error: unknown, context: { action: string; ticketId?: string | undefined; what: string }): void;
}
