import type { StatementService } from './statement-service';
import { ConflictError } from '../domain/errors';
import { t } from '../domain/i18n/catalog';
import { classifyAutomated } from '../domain/mail/automated-mail';
import type { InboundMail } from '../domain/mail/inbound-mail';
import { parseReplyIntent, type ReplyIntent } from '../domain/mail/reply-intent';
import { stripQuotedReply } from '../domain/mail/quoted-text';
import { clipDescription } from '../domain/ticket/open-ticket';
import { baseSubject } from '../domain/mail/ticket-number-tag';
import type { AuthorizedRequester, Staff } from '../domain/requesters/directory-types';
import type { Ticket } from '../domain/ticket/ticket';
import type { Actor } from '../domain/ticket/ticket-types';
import type { ClientMailer } from './client-mailer';
import { readAddinHeaders } from './mail-addin-headers';
import type { MailOutcome } from './mailbox';
import { appendToThread } from './mail-thread';
import { recordTicketAttachments } from './ticket-attachments';
import { resolveThreadTicket } from './mail-threading';
import type { Clock, IdGenerator, Notifier, Store } from './ports';
import { ReplyRateLimit } from './reply-rate-limit';
import { checkSender } from './sender-check';
import type { TicketCommands } from './ticket-commands';

export interface MailIntakeDeps {
  tickets: TicketCommands;
  store: Pick<Store, 'tickets' | 'directory' | 'afterHours' | 'state'>;
  clientMailer: Pick<ClientMailer, 'sendUnauthorizedReply'>;
  notifier: Notifier;
  clock: Clock;
  ids: IdGenerator;
  /** Replies to a sent monthly statement go to its managers instead of ticket intake (StatementService). */
  statements?: Pick<StatementService, 'recordReply'>;
  /** Our own addresses (the support mailbox): mail from them is never ingested nor answered. */
  ownAddresses: string[];
  /** Limits automatic replies per sender (default 3 a day). */
  replyLimit?: ReplyRateLimit;
}

/** Where the message will be kept if quarantined (the poller knows, intake only reports it). */
export interface IntakeContext {
  quarantineRef: string;
}

const INTAKE: Actor = { role: 'system', id: 'mail-intake' };
const EXCERPT_MAX = 1_000;
const CONFLICT_RETRIES = 3;
const NO_REPLY_ADDRESS = /^(no-?reply|do-?not-?reply|noreply|bounces?|notifications?)[@+.-]/i;

/**
 * Turns one inbound email into what the policy says: a new ticket (authorized requester), a client
 * reply on a ticket (or the client's validation / rejection of a resolution, or their decision on a
 * budget extension), the link of a phone ticket's confirming email, a recorded after-hours request; or
 * nothing (auto-replies, bounces, our own mail, duplicates); or, for someone not authorized, no ticket,
 * a polite reply naming who can authorize them, the managers told, the message quarantined.
 * Domain refusals are returned as a quarantine outcome with the reason; other errors propagate.
 */
export class MailIntakeService {
  private readonly replyLimit: ReplyRateLimit;
  private readonly own: Set<string>;

  constructor(private readonly deps: MailIntakeDeps) {
    this.replyLimit = deps.replyLimit ?? new ReplyRateLimit(deps.store.state);
    this.own = new Set(deps.ownAddresses.map((a) => a.trim().toLowerCase()));
  }

  async handle(mail: InboundMail, context: IntakeContext): Promise<MailOutcome> {
    const seenKey = `mail-seen:${mail.messageId.toLowerCase()}`;
    const seen = await this.deps.store.state.getState<MailOutcome>(seenKey);
    if (seen) return { ...seen, action: 'duplicate', reason: `message ${mail.messageId} was already handled (${seen.action}: ${seen.reason})` };
    const outcome = await this.decide(mail, context);
    await this.deps.store.state.setState(seenKey, outcome);
    return outcome;
  }

  private async decide(mail: InboundMail, context: IntakeContext): Promise<MailOutcome> {
    if (this.own.has(mail.from.address)) return processed('ignored-own-mail', `sent by our own address ${mail.from.address}: never answered (no loops)`);
    const automated = classifyAutomated({ headers: mail.headers, subject: mail.subject, fromAddress: mail.from.address });
    if (automated.automated) return processed(`ignored-${automated.kind}`, `automatic message (${automated.reason}): opens no ticket and is not a client reply`);
    const statementReply = { from: mail.from.address, text: stripQuotedReply(mail.text), messageId: mail.messageId, inReplyTo: mail.inReplyTo, references: mail.references };
    if (this.deps.statements && (await this.deps.statements.recordReply(statementReply))) return processed('statement-reply', 'a reply to a monthly statement: kept with it, the managers told');

    const now = this.deps.clock.now();
    const at = new Date(Math.min(Date.parse(mail.date), now.getTime()));
    const thread = await resolveThreadTicket({ tickets: this.deps.store.tickets, state: this.deps.store.state }, mail);
    const staff = await this.deps.store.directory.findStaffByEmail(mail.from.address);
    if (staff?.active) return this.fromStaff(mail, staff, thread, at);
    const sender = await checkSender(this.deps.store.directory, mail.from.address, at, thread?.ticket.clientId);
    if (!sender.authorized) return this.refuse(mail, sender, context);

    const afterHours = await this.recordAfterHoursRequest(mail, sender.requester, now);
    if (thread) return this.onTicketRetrying(mail, thread.ticket, thread.match, sender.requester, afterHours);
    return this.openTicket(mail, sender.requester, at, afterHours);
  }

  private async openTicket(mail: InboundMail, requester: AuthorizedRequester, at: Date, afterHours: string): Promise<MailOutcome> {
    const headers = readAddinHeaders(mail.headers);
    if (mail.rejectedAttachments.length) {
      // The acknowledgement (sent by the ticket service on open) names the refused attachments.
      await this.deps.store.state.setState(`mail-inbound:${mail.messageId}`, { rejectedAttachments: mail.rejectedAttachments });
    }
    const { ticket, created } = await this.deps.tickets.open(requesterActor(requester), {
      clientId: requester.clientId,
      requesterEmail: requester.email,
      subject: baseSubject(mail.subject) || firstLine(mail.text) || t(requester.locale ?? 'es-MX', 'mail.no-subject'),
      description: clipDescription(mail.text),
      channel: headers.fromAddin ? 'addin' : 'email',
      priority: headers.priority,
      incidentType: headers.incidentType,
      sourceMessageId: mail.messageId,
      conversationId: mail.conversationId ?? mail.references[0] ?? mail.messageId,
      raisedAt: at,
    });
    await appendToThread(this.deps.store.state, ticket.id, ...mail.references, mail.messageId);
    if (created) await recordTicketAttachments(this.deps.store.state, ticket.id, mail.messageId, mail.attachments);
    const notes = [...headers.problems, afterHours].filter(Boolean).join('; ');
    if (!created) return processed('duplicate', `ticket ${ticket.number} was already opened from ${mail.messageId}`, ticket.number);
    const classification = headers.priority || headers.incidentType ? 'classified by the add-in headers' : 'policy defaults for L1 triage';
    return processed('opened', `opened ${ticket.number} for ${requester.email} (${ticket.priority}, ${ticket.incidentType}: ${classification})${notes ? `; ${notes}` : ''}`, ticket.number);
  }

  /** Someone (a consultant in Teams) may change the ticket meanwhile: reload and try again, a few times. */
  private async onTicketRetrying(mail: InboundMail, ticket: Ticket, match: string, requester: AuthorizedRequester, afterHours: string): Promise<MailOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.onTicket(mail, ticket, match, requester, afterHours);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= CONFLICT_RETRIES) throw error;
        const reloaded = await this.deps.store.tickets.get(ticket.id);
        if (!reloaded) throw error;
        ticket = reloaded;
      }
    }
  }

  private async onTicket(mail: InboundMail, ticket: Ticket, match: string, requester: AuthorizedRequester, afterHours: string): Promise<MailOutcome> {
    const tail = afterHours ? `; ${afterHours}` : '';
    if (ticket.status === 'closed') {
      const intent = parseReplyIntent(mail.text);
      if (ticket.closeReason === 'validated' && intent !== 'reject') {
        await appendToThread(this.deps.store.state, ticket.id, mail.messageId);
        return processed('ignored-closed', `reply on ${ticket.number}, closed after the client validated it; nothing asks for more work${tail}`, ticket.number);
      }
      const linked = await this.deps.tickets.openLinked(requesterActor(requester), ticket.id, {
        clientId: ticket.clientId,
        requesterEmail: requester.email,
        subject: baseSubject(mail.subject) || ticket.subject,
        description: clipDescription(mail.text),
        channel: 'email',
        sourceMessageId: mail.messageId,
        conversationId: mail.conversationId ?? mail.messageId,
        raisedAt: new Date(Math.min(Date.parse(mail.date), this.deps.clock.now().getTime())),
      });
      await appendToThread(this.deps.store.state, linked.id, ...mail.references, mail.messageId);
      await recordTicketAttachments(this.deps.store.state, linked.id, mail.messageId, mail.attachments);
      return processed('opened-linked', `${ticket.number} is closed (${ticket.closeReason}) and never reopens: opened ${linked.number} linked to it${tail}`, linked.number);
    }

    await appendToThread(this.deps.store.state, ticket.id, ...mail.references, mail.messageId);
    await recordTicketAttachments(this.deps.store.state, ticket.id, mail.messageId, mail.attachments);
    const ref = { ticketId: ticket.id, expectedVersion: ticket.version };
    if (ticket.awaitingEmail) {
      await this.deps.tickets.linkEmail(INTAKE, ref, mail.messageId, mail.conversationId);
      return processed('linked-phone-ticket', `the client's email (matched by ${match}) confirms phone ticket ${ticket.number}${tail}`, ticket.number);
    }
    const isOwner = requester.email === ticket.requesterEmail || requester.isClientAdmin;
    const actor = isOwner ? requesterActor(requester) : INTAKE;
    const intent = isOwner ? parseReplyIntent(mail.text) : undefined;
    const excerpt = stripQuotedReply(mail.text).slice(0, EXCERPT_MAX) || undefined;
    const decided = await this.decision(ticket, intent, actor, excerpt);
    if (decided) return processed(decided, `${requester.email} answered on ${ticket.number} (matched by ${match}): ${decided}${tail}`, ticket.number);
    await this.deps.tickets.recordClientReply(actor, ref, mail.messageId, excerpt);
    return processed('client-replied', `reply from ${requester.email} recorded on ${ticket.number} (matched by ${match})${tail}`, ticket.number);
  }

  /**
   * Mail from the partner's own staff is never "unauthorized": on a ticket (the add-in's forward to
   * support, a consultant copying support) it joins the ticket's thread, or confirms a phone ticket; it
   * is not a client reply. Without a ticket, a forwarded client email (attached or inline) opens the
   * ticket in the name of its original sender when that sender is an authorized requester.
   */
  private async fromStaff(mail: InboundMail, staff: Staff, thread: { ticket: Ticket; match: string } | undefined, at: Date): Promise<MailOutcome> {
    const actor: Actor = { role: staff.role, id: staff.id, name: staff.name };
    if (thread) {
      const { ticket, match } = thread;
      await appendToThread(this.deps.store.state, ticket.id, ...mail.references, mail.messageId);
      if (ticket.awaitingEmail && ticket.status !== 'closed') {
        await this.deps.tickets.linkEmail(INTAKE, { ticketId: ticket.id, expectedVersion: ticket.version }, mail.messageId, mail.conversationId);
        return processed('linked-phone-ticket', `${staff.name} forwarded the email confirming phone ticket ${ticket.number} (matched by ${match})`, ticket.number);
      }
      if (ticket.status !== 'closed' && [...mail.to, ...mail.cc].some((a) => a.address.toLowerCase() === ticket.requesterEmail)) {
        return this.staffWroteToClient(mail, staff, actor, ticket, match);
      }
      return processed('staff-mail', `mail from ${staff.name} (staff) kept on ${ticket.number}'s thread (matched by ${match}); not a client reply`, ticket.number);
    }
    const original = mail.forwardedFrom;
    const requester = original ? await checkSender(this.deps.store.directory, original.address, at) : undefined;
    if (!original || !requester?.authorized) {
      const why = original ? `the forwarded message's sender ${original.address} is not an authorized requester` : 'it names no ticket and forwards no client email';
      return { disposition: 'quarantined', action: 'staff-mail-unmatched', reason: `mail from ${staff.name} (staff): ${why}; no ticket opened` };
    }
    const headers = readAddinHeaders(mail.headers);
    const { ticket, created } = await this.deps.tickets.open(actor, {
      clientId: requester.requester.clientId,
      requesterEmail: requester.requester.email,
      subject: baseSubject(mail.subject) || firstLine(mail.text) || t(requester.requester.locale ?? requester.client.locale, 'mail.no-subject'),
      description: clipDescription(mail.text),
      channel: 'email',
      priority: headers.priority,
      incidentType: headers.incidentType,
      sourceMessageId: mail.messageId,
      conversationId: mail.conversationId ?? mail.references[0] ?? mail.messageId,
      raisedAt: at,
    });
    await appendToThread(this.deps.store.state, ticket.id, ...mail.references, mail.messageId);
    if (created) await recordTicketAttachments(this.deps.store.state, ticket.id, mail.messageId, mail.attachments);
    if (!created) return processed('duplicate', `ticket ${ticket.number} was already opened from ${mail.messageId}`, ticket.number);
    return processed('opened-from-staff-forward', `${staff.name} forwarded ${requester.requester.email}'s email: opened ${ticket.number} in the requester's name`, ticket.number);
  }

  /**
   * A consultant answered the client from Outlook with support copied: that email is a follow-up the
   * policy bills (15 minutes), and on a new ticket it is the first response that stops the clock.
   */
  private async staffWroteToClient(mail: InboundMail, staff: Staff, actor: Actor, ticket: Ticket, match: string): Promise<MailOutcome> {
    const ref = { ticketId: ticket.id, expectedVersion: ticket.version };
    const excerpt = stripQuotedReply(mail.text).slice(0, EXCERPT_MAX) || undefined;
    if (ticket.status === 'new') {
      await this.deps.tickets.acknowledge(actor, ref);
      return processed('staff-first-response', `${staff.name} answered ${ticket.requesterEmail} on ${ticket.number} (matched by ${match}): first response recorded, 15 min follow-up billed`, ticket.number);
    }
    await this.deps.tickets.logFollowUp(actor, ref, 'follow-up', excerpt);
    return processed('staff-follow-up', `${staff.name} wrote to ${ticket.requesterEmail} on ${ticket.number} (matched by ${match}): 15 min follow-up billed`, ticket.number);
  }

  /**
   * A resolution validated/rejected or a budget extension approved/refused, when the reply says so.
   * Each question takes only its own answers: "confirm" / "not resolved" answer a resolution, "approve"
   * / "refuse" an extension ("I reject" also rejects a resolution); any other reply is an ordinary one,
   * so "ya funciona" never approves billable time and "autorizo" never closes a ticket.
   */
  private async decision(ticket: Ticket, intent: ReplyIntent | undefined, actor: Actor, excerpt: string | undefined): Promise<string | undefined> {
    if (!intent) return undefined;
    const ref = { ticketId: ticket.id, expectedVersion: ticket.version };
    if (ticket.status === 'resolved') {
      if (intent === 'confirm') {
        await this.deps.tickets.validateResolution(actor, ref, excerpt);
        return 'resolution-validated';
      }
      if (intent === 'reject' || intent === 'refuse') {
        await this.deps.tickets.rejectResolution(actor, ref, excerpt);
        return 'resolution-rejected';
      }
      return undefined;
    }
    const pending = ticket.pendingExtension;
    if (!pending) return undefined;
    if (intent === 'approve') {
      await this.deps.tickets.approveBudgetExtension(actor, ref, pending.requestId);
      return 'budget-extension-approved';
    }
    if (intent === 'refuse') {
      await this.deps.tickets.refuseBudgetExtension(actor, ref, pending.requestId, excerpt);
      return 'budget-extension-refused';
    }
    return undefined;
  }

  /** X-Soporte-After-Hours: `<start ISO>/<end ISO>` records the client's advance request (status requested). */
  private async recordAfterHoursRequest(mail: InboundMail, requester: AuthorizedRequester, now: Date): Promise<string> {
    const window = readAddinHeaders(mail.headers).afterHours;
    if (!window) return '';
    if ('problem' in window) return window.problem;
    const existing = await this.deps.store.afterHours.listWindows({ clientId: requester.clientId });
    if (existing.some((w) => w.requestMessageId === mail.messageId)) return 'after-hours request already recorded';
    await this.deps.store.afterHours.putWindow({
      id: this.deps.ids.newId(),
      clientId: requester.clientId,
      start: window.start,
      end: window.end,
      status: 'requested',
      requestedBy: requester.email,
      requestMessageId: mail.messageId,
      requestedAt: now.toISOString(),
    });
    return `after-hours attention requested for ${window.start}/${window.end}`;
  }

  private async refuse(mail: InboundMail, sender: Extract<Awaited<ReturnType<typeof checkSender>>, { authorized: false }>, context: IntakeContext): Promise<MailOutcome> {
    const now = this.deps.clock.now();
    const locale = sender.client?.locale ?? 'es-MX';
    const canReply = !NO_REPLY_ADDRESS.test(mail.from.address) && (await this.replyLimit.allow(mail.from.address, now));
    if (canReply) {
      await this.deps.clientMailer.sendUnauthorizedReply({
        locale,
        to: mail.from.address,
        senderName: mail.from.name,
        originalSubject: mail.subject,
        originalMessageId: mail.messageId,
        originalReferences: mail.references,
        authorizers: sender.authorizers,
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
    const who = sender.client ? `not an authorized requester of ${sender.client.name}` : 'not an authorized requester of any client';
    const replied = canReply ? 'polite reply sent' : 'no reply (no-reply address or reply limit reached)';
    return { disposition: 'quarantined', action: 'unauthorized', reason: `${mail.from.address} is ${who}: no ticket, ${replied}, managers told` };
  }
}

function processed(action: string, reason: string, ticketNumber?: string): MailOutcome {
  return ticketNumber ? { disposition: 'processed', action, reason, ticketNumber } : { disposition: 'processed', action, reason };
}

function requesterActor(requester: AuthorizedRequester): Actor {
  return { role: 'requester', id: requester.email, name: requester.name };
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 200);
}
