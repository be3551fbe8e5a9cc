import type { AfterHoursWindow } from '../domain/billing';
import { ValidationError } from '../domain/common';
import {
  composeAfterHoursDecision,
  composeClientMessage,
  composeUnauthorizedReply,
  type ClientMessageParams,
  type TicketMailKind,
} from '../domain/mail';
import { LOOP_HEADER } from '../domain/mail';
import type { Ticket } from '../domain/ticket';
import type { Locale } from '../domain/ticket';
import { claimOnce } from './claim-once';
import {
  sendAndRecord,
  SentNotRecordedError,
  writeStates,
  type AlertLedger,
  type Clock,
  type DirectoryStore,
  type Mailer,
  type MailKind,
  type OutboundMail,
  type StateStore,
} from './ports';
import { readThread, threadAppendWrites, type MailThread } from './mail-thread';
import { definedOnly } from '../domain/index';

export type { ClientMessageParams, TicketMailKind } from '../domain/mail';

export interface ClientMailerDeps {
  mailer: Mailer;
  clock: Clock;
  /** Thread state (Message-IDs per ticket) for In-Reply-To/References. */
  state: StateStore;
  /** Looks up the requester's name for the greeting (optional). */
  directory?: DirectoryStore;
  /**
   * Makes the acknowledgement and the closure exactly-once per ticket (optional). The ledger of the same
   * Store as `state`: its completeWithState (when it has one) writes the thread to that store.
   */
  alerts?: AlertLedger;
  /** IANA zone dates are shown in (the policy calendar's zone); default America/Mexico_City. */
  timeZone?: string | undefined;
  /**
   * Tests only: called at each step of a once-per-ticket send (a crash test kills the process there).
   * With a mailer that sends the record along (Graph), 'after-send' comes as the record is prepared.
   */
  probe?: SendProbe | undefined;
}

/** The steps of a once-per-ticket send: before its claim, between claim and send, between send and completion. */
export type SendStep = 'before-claim' | 'after-claim' | 'after-send';
export type SendProbe = (step: SendStep, kind: TicketMailKind) => void;

export interface ClientMailOptions extends ClientMessageParams {
  /** Extra recipients (the client's other contacts). */
  cc?: string[] | undefined;
  /** Answer this Message-ID instead of the latest one of the ticket's thread. */
  inReplyTo?: string | undefined;
  /** What the message needs from the stores, read ahead (ahead) while the caller saved the ticket. */
  reads?: Promise<ClientMailReads> | undefined;
  /** The once-per-ticket claim, made ahead (ahead) while the caller saved the change it announces. */
  claim?: Promise<boolean> | undefined;
}

/** A message's reads and claim, started with the save of the change it announces (ClientMailer.ahead). */
export interface MailAhead {
  /** For sendClientMail, once the change is saved. */
  params: Pick<ClientMailOptions, 'reads' | 'claim'>;
  /** The change was not saved (or a twin was saved before): releases the claim; nothing was sent. */
  giveBack(): Promise<void>;
}

/** What a client message needs from the stores: the requester's name, refused attachments, the thread. */
export type ClientMailReads = [
  recipientName: string | undefined,
  rejectedAttachments: ClientMessageParams['rejectedAttachments'],
  thread: MailThread,
];

/** Not sent: `already-sent` (completed), or `in-flight` (claimed, not completed yet: another send under way, or one a crash cut short). */
export type ClientMailResult = { sent: true; messageId: string } | { sent: false; reason: 'already-sent' | 'in-flight' };

/** Automatic messages say so (RFC 3834), which also keeps clients' auto-responders from answering. */
const AUTO_SUBMITTED: Partial<Record<MailKind, string>> = {
  acknowledgement: 'auto-replied',
  'unauthorized-sender': 'auto-replied',
  'final-notice': 'auto-generated',
  'phone-email-reminder': 'auto-generated',
  'daily-email': 'auto-generated',
};
const ONCE_PER_TICKET: ReadonlySet<MailKind> = new Set<MailKind>(['acknowledgement', 'closure']);

/** The ledger key that makes a `kind` message about a ticket go out once, for the kinds that do. */
function onceKeyOf(kind: MailKind, ticketId: string): string | undefined {
  return ONCE_PER_TICKET.has(kind) ? `mail:${kind}:${ticketId}` : undefined;
}

/**
 * The one way services email a client about a ticket.
 *
 * `sendClientMail(kind, ticket, params)` composes the message of `kind` (catalog templates, en or
 * es-MX by `ticket.locale`), addresses it to `ticket.requesterEmail`, tags the subject with
 * `[ticket.number]`, threads it (In-Reply-To = the latest Message-ID of the ticket's thread, or
 * `params.inReplyTo`; References = the thread) and sends it through the Mailer port (outbox .eml or
 * Graph). Parameters per kind (see ClientMessageParams): acknowledgement {responseDueAt},
 * information-request {question}, contact-attempt {attempt, maxAttempts, note?}, final-notice
 * {noticeBusinessDays, closesAt}, resolution {summary}, closure {closeReason}, budget-extension-request
 * {extensionMinutes, extensionReason}, progress {note}, daily-email
 * {note?}, phone-email-reminder {}. A missing required parameter throws ValidationError naming it.
 *
 * The acknowledgement and the closure go out at most once per ticket when an AlertLedger is given
 * (`{sent: false, reason: 'already-sent'}` on a repeat), so intake and the ticket service may both ask.
 * Billing the follow-up (15 min) is the caller's business (TicketService.logFollowUp), not this one's.
 */
export class ClientMailer {
  constructor(private readonly deps: ClientMailerDeps) {}

  /** Tells the client the decision on their after-hours request, in the requester's language. */
  async sendAfterHoursDecision(window: AfterHoursWindow, to: string): Promise<{ messageId: string }> {
    if (window.status === 'requested')
      throw new ValidationError('window.status', 'an after-hours request still undecided has no decision to send');
    const { locale, name } = await this.recipient(window.clientId, to);
    const message = composeAfterHoursDecision(
      locale,
      { start: window.start, end: window.end, status: window.status, reason: window.reason },
      { recipientName: name, timeZone: this.deps.timeZone },
    );
    return this.deps.mailer.send({
      kind: 'after-hours-decision',
      to: [to],
      subject: message.subject,
      text: message.text,
      html: message.html,
      locale,
      ...definedOnly({
        inReplyTo: window.requestMessageId,
        references: window.requestMessageId ? [window.requestMessageId] : undefined,
      }),
      headers: this.headers('after-hours-decision'),
    });
  }

  async sendClientMail(kind: TicketMailKind, ticket: Ticket, params: ClientMailOptions = {}): Promise<ClientMailResult> {
    const onceKey = onceKeyOf(kind, ticket.id);
    if (onceKey && !params.claim) this.deps.probe?.('before-claim', kind);
    // The claim first: a sweep's claims mostly lose (sent already), and then nothing more is read.
    // A caller that just made the change (ahead) has the claim and the reads made with its save.
    const early = params.reads;
    early?.catch(() => undefined);
    const claim = onceKey && this.deps.alerts ? (params.claim ?? this.claim(onceKey)) : undefined;
    if (claim !== undefined && !(await claim)) {
      return { sent: false, reason: (await this.deps.alerts!.get(onceKey!))?.completedAt ? 'already-sent' : 'in-flight' };
    }
    let sent: string | undefined;
    if (onceKey) this.deps.probe?.('after-claim', kind);
    try {
      const [recipientName, rejectedAttachments, thread] = await (early ?? this.readFor(kind, ticket, params));
      const message = composeClientMessage(kind, ticket, {
        ...params,
        recipientName,
        rejectedAttachments,
        timeZone: params.timeZone ?? this.deps.timeZone,
        sentAt: this.deps.clock.now().toISOString(),
      });
      const chain = thread.messageIds.length ? thread.messageIds : ticket.sourceMessageId ? [ticket.sourceMessageId] : [];
      const inReplyTo = params.inReplyTo ?? chain[chain.length - 1];
      const references = inReplyTo && !chain.includes(inReplyTo) ? [...chain, inReplyTo] : chain;
      const mail: OutboundMail = {
        kind,
        to: [ticket.requesterEmail],
        ...definedOnly({ cc: params.cc }),
        subject: message.subject,
        text: message.text,
        html: message.html,
        locale: ticket.locale,
        inReplyTo,
        references,
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        headers: this.headers(kind, ticket.number),
        ...definedOnly({ idempotencyKey: onceKey }),
      };
      // The record runs once the mailer accepted the message (Graph sends it in the same batch, after it).
      const { messageId } = await sendAndRecord(this.deps.mailer, mail, async (id) => {
        if (onceKey) this.deps.probe?.('after-send', kind);
        await this.recordSent(ticket.id, thread, [...references, id], onceKey, id);
      });
      return { sent: true, messageId };
    } catch (error) {
      if (error instanceof SentNotRecordedError) sent = error.messageId;
      // Released only when nothing went out. Once the mailer accepted the message, a failure to record it
      // must never free the key for a second send: the claim is completed alone, or left to go stale.
      if (onceKey && this.deps.alerts) {
        if (sent === undefined) await this.deps.alerts.release(onceKey);
        else await this.deps.alerts.complete(onceKey, this.deps.clock.now(), sent).catch(() => undefined);
      }
      throw error;
    }
  }

  /**
   * What a `kind` message about `ticket` needs, started while the caller saves the change it announces
   * (one round trip where the store batches): its reads and, for a once-per-ticket kind, its claim (the
   * caller's almost surely wins). Hand `params` to sendClientMail once the change is saved, or call
   * `giveBack` when it is not (nothing was sent: the claim is released).
   */
  ahead(kind: TicketMailKind, ticket: Ticket, params: ClientMessageParams = {}): MailAhead {
    const reads = this.readFor(kind, ticket, params);
    reads.catch(() => undefined);
    const onceKey = onceKeyOf(kind, ticket.id);
    if (!onceKey || !this.deps.alerts) return { params: { reads }, giveBack: async () => undefined };
    this.deps.probe?.('before-claim', kind);
    const claim = this.claim(onceKey);
    claim.catch(() => undefined);
    return {
      params: { reads, claim },
      giveBack: async () => {
        if (await claim.catch(() => false)) await this.deps.alerts!.release(onceKey);
      },
    };
  }

  private claim(onceKey: string): Promise<boolean> {
    return claimOnce(this.deps.alerts!, onceKey, 'client-mailer', this.deps.clock.now());
  }

  /** The reads a message of `kind` about `ticket` needs, made together (one round trip where the store batches them). */
  private readFor(kind: TicketMailKind, ticket: Ticket, params: ClientMessageParams = {}): Promise<ClientMailReads> {
    return Promise.all([
      params.recipientName ?? this.requesterName(ticket),
      params.rejectedAttachments ?? (kind === 'acknowledgement' ? this.rejectedAttachments(ticket) : undefined),
      readThread(this.deps.state, ticket.id),
    ]);
  }

  /**
   * After a send: the Message-IDs join the ticket's thread as read before the send (not read again: the
   * state store's writes are last-writer-wins, so a second read would only narrow, not close, the window
   * of a concurrent append; each Message-ID's own index entry is written either way) and the once-key
   * is completed, in one commit when the ledger can write state with it.
   */
  private async recordSent(
    ticketId: string,
    thread: MailThread,
    messageIds: string[],
    onceKey: string | undefined,
    messageId: string,
  ): Promise<void> {
    const { state, alerts, clock } = this.deps;
    const { writes } = threadAppendWrites(thread, ticketId, messageIds);
    if (!onceKey || !alerts) {
      await writeStates(state, writes);
    } else if (alerts.completeWithState) {
      await alerts.completeWithState(onceKey, clock.now(), messageId, writes);
    } else {
      await writeStates(state, writes);
      await alerts.complete(onceKey, clock.now(), messageId);
    }
  }

  /** The polite "you are not an authorized requester" answer, threaded to the sender's message. */
  async sendUnauthorizedReply(input: {
    locale: Locale;
    to: string;
    senderName?: string | undefined;
    originalSubject: string;
    originalMessageId: string;
    originalReferences: string[];
    authorizers: Array<{ name: string; email: string }>;
    /** The sender was matched to a client (its team was told); a stranger's reply promises no such thing. */
    clientKnown?: boolean | undefined;
  }): Promise<{ messageId: string }> {
    const message = composeUnauthorizedReply(input.locale, {
      senderEmail: input.to,
      senderName: input.senderName,
      originalSubject: input.originalSubject,
      authorizers: input.authorizers,
      clientKnown: input.clientKnown,
    });
    return this.deps.mailer.send({
      kind: 'unauthorized-sender',
      to: [input.to],
      subject: message.subject,
      text: message.text,
      html: message.html,
      locale: input.locale,
      inReplyTo: input.originalMessageId,
      references: [...input.originalReferences, input.originalMessageId],
      headers: this.headers('unauthorized-sender'),
    });
  }

  private headers(kind: MailKind, ticketNumber?: string): Record<string, string> {
    const headers: Record<string, string> = {
      [headerName(LOOP_HEADER)]: ticketNumber ?? kind,
      'X-Auto-Response-Suppress': 'All',
    };
    const auto = AUTO_SUBMITTED[kind];
    if (auto) headers['Auto-Submitted'] = auto;
    return headers;
  }

  private async recipient(clientId: string, email: string): Promise<{ locale: Locale; name?: string }> {
    const records = this.deps.directory ? await this.deps.directory.findRequestersByEmail(email) : [];
    const record = records.find((r) => r.clientId === clientId);
    const client = this.deps.directory ? await this.deps.directory.getClient(clientId) : undefined;
    return { locale: record?.locale ?? client?.locale ?? 'es-MX', ...definedOnly({ name: record?.name }) };
  }

  /** Attachments mail intake refused on the message that opened the ticket (the acknowledgement names them). */
  private async rejectedAttachments(ticket: Ticket): Promise<ClientMessageParams['rejectedAttachments']> {
    if (!ticket.sourceMessageId) return undefined;
    const inbound = await this.deps.state.getState<{ rejectedAttachments: ClientMessageParams['rejectedAttachments'] }>(
      `mail-inbound:${ticket.sourceMessageId}`,
    );
    return inbound?.rejectedAttachments;
  }

  private async requesterName(ticket: Ticket): Promise<string | undefined> {
    if (!this.deps.directory) return undefined;
    const records = await this.deps.directory.findRequestersByEmail(ticket.requesterEmail);
    return records.find((r) => r.clientId === ticket.clientId)?.name;
  }
}

function headerName(lower: string): string {
  return lower.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}
