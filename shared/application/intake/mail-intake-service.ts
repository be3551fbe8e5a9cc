import { isRequestedInAdvance } from '../../domain/billing';
import type { AfterHoursWindow } from '../../domain/billing';
import { ConflictError } from '../../domain/common';
import { t } from '../../domain/i18n';
import type { InboundMail } from '../../domain/mail';
import { readSenderAuthentication, senderAuthenticationAction, type SenderAuthenticationPolicy } from '../../domain/mail';
import { DEFAULT_POLICY } from '../../domain/policy';
import { baseSubject } from '../../domain/mail';
import { stripQuotedReply } from '../../domain/mail';
import { clipDescription } from '../../domain/ticket';
import { suggestPriority, type PrioritySuggestion } from '../../domain/ticket';
import type { Ticket } from '../../domain/ticket';
import type { Actor, Locale } from '../../domain/ticket';
import type { ClientMailer } from '../client-mailer';
import type { PolicyRegistry } from '../policy-registry';
import { appendToThread } from '../mail-thread';
import type { Clock, IdGenerator, MailOutcome, Notifier, StateEntry, Store } from '../ports';
import type { StatementService } from '../statement-service';
import { recordTicketAttachments } from '../ticket-attachments';
import type { TicketCommands, TicketRef } from '../ticket-commands';
import { decideIntake, type IntakeDecision, type IntakeFacts } from './decide-intake';
import { resolveThreadTicket } from './mail-threading';
import { ReplyRateLimit } from './reply-rate-limit';
import { checkSender } from './sender-check';

export interface MailIntakeDeps {
  tickets: TicketCommands;
  store: Pick<Store, 'tickets' | 'directory' | 'afterHours' | 'state'>;
  clientMailer: Pick<ClientMailer, 'sendUnauthorizedReply' | 'sendAfterHoursDecision'>;
  notifier: Notifier;
  clock: Clock;
  ids: IdGenerator;
  /** Replies to a sent monthly statement go to its managers instead of ticket intake (StatementService). */
  statements?: Pick<StatementService, 'recordReply'> | undefined;
  /** Our own addresses (the support mailbox): mail from them is never ingested nor answered. */
  ownAddresses: string[];
  /**
   * The policies the ticket service opens under: the days off administrators added are read with the
   * facts (a ticket opened next needs them), one round trip where the store batches.
   */
  policies?: Pick<PolicyRegistry, 'addedHolidays'> | undefined;
  /** Limits automatic replies per sender (default 3 a day). */
  replyLimit?: ReplyRateLimit;
  /** Mail whose sender failed authentication: the policy's `mail.senderAuthentication` (default quarantine). */
  senderAuthentication?: SenderAuthenticationPolicy;
}

/** Where the message will be kept if quarantined (the poller knows, intake only reports it). */
export interface IntakeContext {
  quarantineRef: string;
  /**
   * Files the message away with intake's own record of it, in one commit (the poller passes it when its
   * mailbox can: Mailbox.settleWithState). Without it intake writes its record and the caller settles.
   */
  settleWithState?: ((outcome: MailOutcome, writes: readonly StateEntry[]) => Promise<void>) | undefined;
}

const INTAKE: Actor = { role: 'system', id: 'mail-intake' };
const CONFLICT_RETRIES = 3;

type Decision<K extends IntakeDecision['kind']> = Extract<IntakeDecision, { kind: K }>;

/**
 * The executor of the intake decision table (decideIntake): reads the facts about one message from
 * the stores, lets the table decide, and maps the decision to ticket commands (open, reply, validate,
 * link, decide an extension), the polite reply and the managers' notice, or nothing. Every client
 * reply on a ticket is also told to its assignee (Notifier: `client-reply`). A ticket changed
 * meanwhile (ConflictError) is re-read and decided again, a few times. Domain refusals propagate to
 * the poller, which quarantines the message with the reason.
 */
export class MailIntakeService {
  private readonly replyLimit: ReplyRateLimit;
  private readonly own: Set<string>;

  constructor(private readonly deps: MailIntakeDeps) {
    this.replyLimit = deps.replyLimit ?? new ReplyRateLimit(deps.store.state);
    this.own = new Set(deps.ownAddresses.map((a) => a.trim().toLowerCase()));
  }

  /** Handles again a message handled before: an operator released it from quarantine (`soporte mail release`). */
  async handleReleased(mail: InboundMail, context: IntakeContext): Promise<MailOutcome> {
    await this.deps.store.state.deleteState(`mail-seen:${mail.messageId.toLowerCase()}`);
    return this.handle(mail, context);
  }

  async handle(mail: InboundMail, context: IntakeContext): Promise<MailOutcome> {
    const seenKey = `mail-seen:${mail.messageId.toLowerCase()}`;
    // The facts are read with the dedupe key (one round trip where the store batches): a repeat is rare.
    const [seen, facts] = await Promise.all([this.deps.store.state.getState<MailOutcome>(seenKey), this.facts(mail)]);
    if (seen)
      return {
        ...seen,
        action: 'duplicate',
        reason: `message ${mail.messageId} was already handled (${seen.action}: ${seen.reason})`,
      };
    const outcome = await this.decideAndRun(mail, context, facts);
    if (context.settleWithState) await context.settleWithState(outcome, [[seenKey, outcome]]);
    else await this.deps.store.state.setState(seenKey, outcome);
    return outcome;
  }

  /** Someone (a consultant in Teams) may change the ticket meanwhile: read the facts again and redo, a few times. */
  private async decideAndRun(mail: InboundMail, context: IntakeContext, first: IntakeFacts): Promise<MailOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const decision = decideIntake(mail, attempt === 1 ? first : await this.facts(mail));
        if (decision.kind !== 'ignore' && (await this.statementReply(mail)))
          return processed('statement-reply', 'a reply to a monthly statement: kept with it, the managers told');
        return await this.run(mail, decision, context);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= CONFLICT_RETRIES) throw error;
      }
    }
  }

  /** A reply to a sent monthly statement ("de acuerdo", a dispute) is the statement's, not a ticket's. */
  private async statementReply(mail: InboundMail): Promise<boolean> {
    if (!this.deps.statements) return false;
    return this.deps.statements.recordReply({
      from: mail.from.address,
      text: stripQuotedReply(mail.text),
      messageId: mail.messageId,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
    });
  }

  /** The facts decideIntake reads. */
  async facts(mail: InboundMail): Promise<IntakeFacts> {
    const { store, clock } = this.deps;
    // Authorization and clocks use the instant we received the message; the Date header is the sender's.
    const at = receivedAt(mail, clock.now());
    const fromOwnAddress = this.own.has(mail.from.address);
    // Independent reads together. The sender is checked without the thread's client at first (its
    // reads go with the thread's); the answer stands when it names that client, else it is checked
    // again for that client (from the directory's short cache where the store keeps one).
    const [thread, staff, unscoped] = await Promise.all([
      fromOwnAddress ? undefined : resolveThreadTicket({ tickets: store.tickets, state: store.state }, mail),
      store.directory.findStaffByEmail(mail.from.address),
      checkSender(store.directory, mail.from.address, at),
      this.deps.policies?.addedHolidays(),
    ]);
    const fits = !thread || (unscoped.authorized && unscoped.requester.clientId === thread.ticket.clientId);
    const facts: IntakeFacts = {
      fromOwnAddress,
      at,
      sender: fits ? unscoped : await checkSender(store.directory, mail.from.address, at, thread.ticket.clientId),
    };
    if (thread) facts.thread = thread;
    const forged = await this.forgedSender(mail, at);
    if (forged) facts.forgedSender = forged;
    if (staff?.active) {
      facts.staff = staff;
      if (!thread && mail.forwardedFrom) facts.forwarded = await checkSender(store.directory, mail.forwardedFrom.address, at);
    }
    return facts;
  }

  private async run(mail: InboundMail, d: IntakeDecision, context: IntakeContext): Promise<MailOutcome> {
    switch (d.kind) {
      case 'ignore':
        return processed(d.action, d.reason);
      case 'quarantine-unauthorized':
        return this.refuse(mail, d, context);
      case 'reject-spoofed':
        return processed(
          'rejected-spoofed',
          `the sender ${mail.from.address} failed authentication (${d.detail}): rejected by policy, no ticket, no reply`,
        );
      case 'quarantine-spoofed':
        return this.quarantine(
          mail,
          context,
          {
            reason: 'spoofed-sender',
            detail: d.detail,
            clientId: d.claimedClient?.id,
            managerEmails: d.claimedClient?.managerEmails ?? [],
          },
          `the sender ${mail.from.address} failed authentication (${d.detail}): quarantined, no ticket, no reply to the forged address, managers told`,
        );
      case 'quarantine-ambiguous': {
        const names = d.clients.map((c) => c.name).join(', ');
        return this.quarantine(
          mail,
          context,
          { reason: 'ambiguous-requester', detail: names, managerEmails: d.clients.flatMap((c) => c.managerEmails) },
          `${mail.from.address} is an authorized requester of several clients (${names}) and the message names no ticket: no ticket, no reply, managers told to open it for the right client`,
        );
      }
      case 'quarantine-staff-mail':
        return {
          disposition: 'quarantined',
          action: 'staff-mail-unmatched',
          reason: `mail from ${d.staff.name} (staff): ${d.why}; no ticket opened`,
        };
      case 'open':
        return this.open(mail, d, await this.afterHours(mail, d));
      case 'open-linked':
        return this.openLinked(mail, d, await this.afterHours(mail, d));
      case 'link-phone-ticket-by-staff':
        await this.keep(mail, d.ticket);
        await this.deps.tickets.linkEmail(INTAKE, refOf(d.ticket), mail.messageId, mail.conversationId);
        return processed(
          'linked-phone-ticket',
          `${d.staff.name} forwarded the email confirming phone ticket ${d.ticket.number} (matched by ${d.match})`,
          d.ticket.number,
        );
      case 'staff-mail':
        await appendToThread(this.deps.store.state, d.ticket.id, ...mail.references, mail.messageId);
        return processed(
          'staff-mail',
          `mail from ${d.staff.name} (staff) kept on ${d.ticket.number}'s thread (matched by ${d.match}); not a client reply`,
          d.ticket.number,
        );
      case 'staff-first-response':
      case 'staff-follow-up':
        return this.staffWroteToClient(mail, d);
    }
    // Every other decision is an authorized requester's message on a ticket.
    const tail = suffix(await this.afterHours(mail, d));
    if (d.kind === 'ignore-on-closed') {
      await appendToThread(this.deps.store.state, d.ticket.id, mail.messageId);
      return processed(
        d.action,
        `reply on ${d.ticket.number}, closed after the client validated it; nothing asks for more work${tail}`,
        d.ticket.number,
      );
    }
    await this.keep(mail, d.ticket);
    if (d.kind === 'link-phone-ticket') {
      await this.deps.tickets.linkEmail(INTAKE, refOf(d.ticket), mail.messageId, mail.conversationId);
      return processed(
        'linked-phone-ticket',
        `the client's email (matched by ${d.match}) confirms phone ticket ${d.ticket.number}${tail}`,
        d.ticket.number,
      );
    }
    const ticket = await this.clientMessage(mail, d);
    await this.tellAssignee(ticket, mail, d);
    const who = `${d.requester.email} answered on ${d.ticket.number} (matched by ${d.match})`;
    switch (d.kind) {
      case 'validate':
        return processed('resolution-validated', `${who}: resolution-validated${tail}`, d.ticket.number);
      case 'reject-resolution':
        return processed('resolution-rejected', `${who}: resolution-rejected${tail}`, d.ticket.number);
      case 'approve-extension':
        return processed('budget-extension-approved', `${who}: budget-extension-approved${tail}`, d.ticket.number);
      case 'refuse-extension':
        return processed('budget-extension-refused', `${who}: budget-extension-refused${tail}`, d.ticket.number);
      case 'reply': {
        const asks = d.needsDecision ? '; resolved and neither a clear yes nor a clear no: the assignee decides' : '';
        return processed(
          'client-replied',
          `reply from ${d.requester.email} recorded on ${d.ticket.number} (matched by ${d.match})${asks}${tail}`,
          d.ticket.number,
        );
      }
    }
  }

  /** The ticket command a client's message on a ticket stands for. */
  private clientMessage(
    mail: InboundMail,
    d: Decision<'reply' | 'validate' | 'reject-resolution' | 'approve-extension' | 'refuse-extension'>,
  ): Promise<Ticket> {
    const { tickets } = this.deps;
    const ref = refOf(d.ticket);
    switch (d.kind) {
      case 'validate':
        return tickets.validateResolution(d.actor, ref, d.excerpt);
      case 'reject-resolution':
        return tickets.rejectResolution(d.actor, ref, d.excerpt);
      case 'approve-extension':
        return tickets.approveBudgetExtension(d.actor, ref, d.requestId);
      case 'refuse-extension':
        return tickets.refuseBudgetExtension(d.actor, ref, d.requestId, d.excerpt);
      case 'reply':
        return tickets.recordClientReply(d.actor, ref, mail.messageId, d.excerpt);
    }
  }

  /** Every client reply reaches the ticket's assignee in Teams (the managers' channel when unassigned). */
  private async tellAssignee(
    ticket: Ticket,
    mail: InboundMail,
    d: Decision<'reply' | 'validate' | 'reject-resolution' | 'approve-extension' | 'refuse-extension'>,
  ): Promise<void> {
    await this.deps.notifier.notify({
      kind: 'client-reply',
      ticket,
      from: { email: d.requester.email, name: d.requester.name },
      messageId: mail.messageId,
      excerpt: d.excerpt ?? '',
      outcome: d.kind === 'reply' ? (d.needsDecision ? 'needs-decision' : 'recorded') : d.kind,
    });
  }

  private async open(mail: InboundMail, d: Decision<'open'>, afterHours: string): Promise<MailOutcome> {
    const { headers, requester } = d;
    if (!d.forwardedBy && mail.rejectedAttachments.length) {
      // The acknowledgement (sent by the ticket service on open) names the refused attachments.
      await this.deps.store.state.setState(`mail-inbound:${mail.messageId}`, { rejectedAttachments: mail.rejectedAttachments });
    }
    const { ticket, created } = await this.deps.tickets.open(d.actor, {
      clientId: requester.clientId,
      requesterEmail: requester.email,
      subject: baseSubject(mail.subject) || firstLine(mail.text) || t(requester.locale ?? d.client.locale, 'mail.no-subject'),
      description: clipDescription(mail.text),
      channel: headers.fromAddin && !d.forwardedBy ? 'addin' : 'email',
      priority: headers.priority,
      prioritySuggestion: suggestionFor(mail, headers.priority),
      incidentType: headers.incidentType,
      sourceMessageId: mail.messageId,
      conversationId: mail.conversationId ?? mail.references[0] ?? mail.messageId,
      raisedAt: receivedAt(mail, this.deps.clock.now()),
    });
    await appendToThread(this.deps.store.state, ticket.id, ...mail.references, mail.messageId);
    // Also when re-found (a crash after the open, before this): recorded once, by stored file.
    await recordTicketAttachments(this.deps.store.state, ticket.id, mail.messageId, mail.attachments);
    if (!created)
      return processed('duplicate', `ticket ${ticket.number} was already opened from ${mail.messageId}`, ticket.number);
    if (d.forwardedBy)
      return processed(
        'opened-from-staff-forward',
        `${d.forwardedBy.name} forwarded ${requester.email}'s email: opened ${ticket.number} in the requester's name`,
        ticket.number,
      );
    const notes = suffix([...headers.problems, afterHours].filter(Boolean).join('; '));
    const suggested = ticket.prioritySuggestion ? `; ${ticket.prioritySuggestion.priority} suggested for L1 to apply` : '';
    const classification =
      (headers.priority || headers.incidentType ? 'classified by the add-in headers' : 'policy defaults for L1 triage') +
      suggested;
    return processed(
      'opened',
      `opened ${ticket.number} for ${requester.email} (${ticket.priority}, ${ticket.incidentType}: ${classification})${notes}`,
      ticket.number,
    );
  }

  private async openLinked(mail: InboundMail, d: Decision<'open-linked'>, afterHours: string): Promise<MailOutcome> {
    const linked = await this.deps.tickets.openLinked(d.actor, d.closed.id, {
      clientId: d.closed.clientId,
      requesterEmail: d.requester.email,
      subject: baseSubject(mail.subject) || d.closed.subject,
      description: clipDescription(mail.text),
      channel: 'email',
      prioritySuggestion: suggestionFor(mail, undefined),
      sourceMessageId: mail.messageId,
      conversationId: mail.conversationId ?? mail.messageId,
      raisedAt: receivedAt(mail, this.deps.clock.now()),
    });
    await appendToThread(this.deps.store.state, linked.id, ...mail.references, mail.messageId);
    await recordTicketAttachments(this.deps.store.state, linked.id, mail.messageId, mail.attachments);
    return processed(
      'opened-linked',
      `${d.closed.number} is closed (${d.closed.closeReason}) and never reopens: opened ${linked.number} linked to it${suffix(afterHours)}`,
      linked.number,
    );
  }

  /**
   * A consultant answered the client from Outlook with support copied: that email is a follow-up the
   * policy bills (15 minutes), and on a new ticket it is the first response that stops the clock.
   */
  private async staffWroteToClient(
    mail: InboundMail,
    d: Decision<'staff-first-response' | 'staff-follow-up'>,
  ): Promise<MailOutcome> {
    await appendToThread(this.deps.store.state, d.ticket.id, ...mail.references, mail.messageId);
    const { ticket, staff, match } = d;
    if (d.kind === 'staff-first-response') {
      await this.deps.tickets.acknowledge(d.actor, refOf(ticket));
      return processed(
        'staff-first-response',
        `${staff.name} answered ${ticket.requesterEmail} on ${ticket.number} (matched by ${match}): first response recorded, 15 min follow-up billed`,
        ticket.number,
      );
    }
    await this.deps.tickets.logFollowUp(d.actor, refOf(ticket), 'follow-up', d.excerpt);
    return processed(
      'staff-follow-up',
      `${staff.name} wrote to ${ticket.requesterEmail} on ${ticket.number} (matched by ${match}): 15 min follow-up billed`,
      ticket.number,
    );
  }

  /** The message joins the ticket's thread and its files are kept with the ticket. */
  private async keep(mail: InboundMail, ticket: Ticket): Promise<void> {
    await appendToThread(this.deps.store.state, ticket.id, ...mail.references, mail.messageId);
    await recordTicketAttachments(this.deps.store.state, ticket.id, mail.messageId, mail.attachments);
  }

  /** X-Soporte-After-Hours: `<start ISO>/<end ISO>` records the client's advance request (status requested). */
  private async afterHours(
    mail: InboundMail,
    d: { requester: { clientId: string; email: string; locale?: Locale }; afterHours?: Decision<'open'>['afterHours'] },
  ): Promise<string> {
    const window = d.afterHours;
    if (!window) return '';
    if ('problem' in window) return window.problem;
    const existing = await this.deps.store.afterHours.listWindows({ clientId: d.requester.clientId });
    if (existing.some((w) => w.requestMessageId === mail.messageId)) return 'after-hours request already recorded';
    const now = this.deps.clock.now();
    if (!isRequestedInAdvance(window.start, now)) return this.refuseLateAfterHours(mail, d.requester, window, now);
    await this.deps.store.afterHours.putWindow({
      id: this.deps.ids.newId(),
      clientId: d.requester.clientId,
      start: window.start,
      end: window.end,
      status: 'requested',
      requestedBy: d.requester.email,
      requestMessageId: mail.messageId,
      requestedAt: this.deps.clock.now().toISOString(),
    });
    return `after-hours attention requested for ${window.start}/${window.end}`;
  }

  /** A window already begun is recorded as refused, and the requester told why in their language (the CLI refuses it too). */
  private async refuseLateAfterHours(
    mail: InboundMail,
    requester: { clientId: string; email: string; locale?: Locale },
    window: { start: string; end: string },
    now: Date,
  ): Promise<string> {
    const locale = requester.locale ?? (await this.deps.store.directory.getClient(requester.clientId))?.locale ?? 'es-MX';
    const refused: AfterHoursWindow = {
      id: this.deps.ids.newId(),
      clientId: requester.clientId,
      start: window.start,
      end: window.end,
      status: 'refused',
      requestedBy: requester.email,
      requestMessageId: mail.messageId,
      requestedAt: now.toISOString(),
      decidedBy: INTAKE.id,
      decidedAt: now.toISOString(),
      reason: t(locale, 'mail.after-hours-request.too-late'),
    };
    await this.deps.store.afterHours.putWindow(refused);
    await this.deps.clientMailer.sendAfterHoursDecision(refused, requester.email);
    return `after-hours request for ${window.start}/${window.end} refused: the window had already begun (the requester was told)`;
  }

  /** The receiving server's verdict on the sender, as the policy reads it (undefined: accept). */
  private async forgedSender(mail: InboundMail, at: Date): Promise<IntakeFacts['forgedSender']> {
    const authentication = readSenderAuthentication(mail.headers);
    if (authentication.kind !== 'failed') return undefined;
    const action = senderAuthenticationAction(
      authentication,
      this.deps.senderAuthentication ?? DEFAULT_POLICY.mail.senderAuthentication,
    );
    if (action === 'accept') return undefined;
    const claimed = await checkSender(this.deps.store.directory, mail.from.address, at);
    return { action, detail: authentication.reasons.join(', '), ...(claimed.client ? { claimedClient: claimed.client } : {}) };
  }

  /** Kept aside without a reply; the account's managers are told why. */
  private async quarantine(
    mail: InboundMail,
    context: IntakeContext,
    why: {
      reason: 'spoofed-sender' | 'ambiguous-requester';
      detail: string;
      clientId?: string | undefined;
      managerEmails: string[];
    },
    summary: string,
  ): Promise<MailOutcome> {
    const { clientId, ...rest } = why;
    await this.deps.notifier.notify({
      kind: 'quarantined-mail',
      ...rest,
      ...(clientId ? { clientId } : {}),
      senderEmail: mail.from.address,
      subject: mail.subject,
      quarantineRef: context.quarantineRef,
      managerEmails: [...new Set(why.managerEmails)],
    });
    return { disposition: 'quarantined', action: why.reason, reason: summary };
  }

  private async refuse(mail: InboundMail, d: Decision<'quarantine-unauthorized'>, context: IntakeContext): Promise<MailOutcome> {
    const { sender } = d;
    const canReply = d.mayReply && (await this.replyLimit.allow(mail.from.address, this.deps.clock.now()));
    if (canReply) {
      await this.deps.clientMailer.sendUnauthorizedReply({
        locale: sender.client?.locale ?? 'es-MX',
        to: mail.from.address,
        senderName: mail.from.name,
        originalSubject: mail.subject,
        originalMessageId: mail.messageId,
        originalReferences: mail.references,
        authorizers: sender.authorizers,
        clientKnown: sender.client !== undefined,
      });
    }
    await this.deps.notifier.notify({
      kind: 'unauthorized-sender',
      clientId: sender.client?.id,
      senderEmail: mail.from.address,
      subject: mail.subject,
      quarantineRef: context.quarantineRef,
      managerEmails: sender.client?.managerEmails ?? [],
    });
    const who = sender.client
      ? `not an authorized requester of ${sender.client.name}`
      : 'not an authorized requester of any client';
    const replied = canReply ? 'polite reply sent' : 'no reply (no-reply address or reply limit reached)';
    return {
      disposition: 'quarantined',
      action: 'unauthorized',
      reason: `${mail.from.address} is ${who}: no ticket, ${replied}, managers told`,
    };
  }
}

function refOf(ticket: Ticket): TicketRef {
  return { ticketId: ticket.id, expectedVersion: ticket.version };
}

function suffix(note: string): string {
  return note ? `; ${note}` : '';
}

function processed(action: string, reason: string, ticketNumber?: string): MailOutcome {
  return ticketNumber ? { disposition: 'processed', action, reason, ticketNumber } : { disposition: 'processed', action, reason };
}

/**
 * What the email asks for by itself (headers, urgency words), as a suggestion for L1 only: the client's
 * explicit choice through the add-in (X-Soporte-Priority) is applied as is and needs none.
 */
function suggestionFor(mail: InboundMail, chosen: unknown): PrioritySuggestion | undefined {
  if (chosen) return undefined;
  return suggestPriority({ headers: mail.headers, subject: baseSubject(mail.subject), text: stripQuotedReply(mail.text) });
}

/** The instant Soporte received the message (maildrop arrival, Graph receivedDateTime), never later than now. */
function receivedAt(mail: InboundMail, now: Date): Date {
  return new Date(Math.min(Date.parse(mail.receivedAt), now.getTime()));
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 200);
}
