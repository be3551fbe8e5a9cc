import { classifyAutomated } from '../../domain/mail';
import type { InboundMail } from '../../domain/mail';
import { stripQuotedReply } from '../../domain/mail';
import { parseReplyIntent } from '../../domain/mail';
import type { AuthorizedRequester, Client, Staff } from '../../domain/requesters';
import type { Ticket } from '../../domain/ticket';
import type { Actor } from '../../domain/ticket';
import { readAddinHeaders, type AddinHeaders } from './mail-addin-headers';
import type { ThreadMatch } from './mail-threading';
import type { SenderCheck } from './sender-check';

/**
 * What intake knows about one message before deciding: read by the executor (MailIntakeService) from
 * the stores, nothing else. A new fact (a sender-authentication verdict, the received instant) is one
 * more optional field here and one more row in decideIntake, checked before the rows it overrides.
 */
export interface IntakeFacts {
  /** The sender is one of our own addresses (the support mailbox). */
  fromOwnAddress: boolean;
  /** The instant the message counts from: when Soporte received it (never the sender's Date header), never later than now. */
  at: Date;
  /**
   * The receiving server (Exchange) could not authenticate the sender and the policy does not accept
   * such mail: the From is likely forged. Checked before anything else the sender claims.
   */
  forgedSender?: { action: 'reject' | 'quarantine'; detail: string; claimedClient?: Client };
  /** The ticket the message threads onto, and by which evidence. */
  thread?: { ticket: Ticket; match: ThreadMatch };
  /** The sender as an active member of the partner's staff. */
  staff?: Staff;
  /** The sender's authorization as a requester (for the thread's client when there is a thread). */
  sender: SenderCheck;
  /** For staff mail forwarding a client's email: the forwarded sender's authorization. */
  forwarded?: SenderCheck;
}

type Unauthorized = Extract<SenderCheck, { authorized: false }>;

/** Fields of every decision taken for an authorized requester's message. */
interface FromRequester {
  requester: AuthorizedRequester;
  client: Client;
  /** The add-in's advance after-hours request carried by the message (recorded as requested). */
  afterHours?: AddinHeaders['afterHours'];
}

interface OnTicket {
  ticket: Ticket;
  match: ThreadMatch;
}

/** A client's message on a ticket: who acts for it and what the client wrote (quoted history removed). */
interface ClientMessage extends FromRequester, OnTicket {
  actor: Actor;
  excerpt?: string;
}

/**
 * What to do with one inbound message. The executor maps each kind to ticket commands and returns
 * the outcome (`action` names it in the mail log and the maildrop's processed/ folder).
 */
export type IntakeDecision =
  | { kind: 'ignore'; action: 'ignored-own-mail' | `ignored-${string}`; reason: string }
  | ({ kind: 'ignore-on-closed'; action: 'ignored-closed' } & FromRequester & OnTicket)
  | {
      kind: 'quarantine-unauthorized';
      sender: Unauthorized;
      /** False for no-reply style addresses; the executor also applies the per-sender reply limit. */
      mayReply: boolean;
    }
  | { kind: 'quarantine-staff-mail'; staff: Staff; why: string }
  /** The sender failed authentication: never answered (a reply would go to the forged address). */
  | { kind: 'reject-spoofed' | 'quarantine-spoofed'; detail: string; claimedClient?: Client }
  /** Several clients authorize the sender and the message names no ticket: a manager opens it for the right one. */
  | { kind: 'quarantine-ambiguous'; clients: Client[] }
  | ({
      kind: 'open';
      actor: Actor;
      headers: AddinHeaders;
      /** Set when a consultant forwarded the client's email. */
      forwardedBy?: Staff;
    } & FromRequester)
  | ({ kind: 'open-linked'; actor: Actor; closed: Ticket } & FromRequester)
  | ({ kind: 'link-phone-ticket' } & FromRequester & OnTicket)
  | ({ kind: 'link-phone-ticket-by-staff'; staff: Staff } & OnTicket)
  | ({ kind: 'staff-mail'; staff: Staff } & OnTicket)
  | ({ kind: 'staff-first-response' | 'staff-follow-up'; staff: Staff; actor: Actor; excerpt?: string } & OnTicket)
  | ({
      kind: 'reply';
      /**
       * The ticket is resolved and the reply neither clearly confirms nor clearly rejects: the assignee
       * reads it and closes or reopens on the client's behalf, pointing at this message.
       */
      needsDecision: boolean;
    } & ClientMessage)
  | ({ kind: 'validate' | 'reject-resolution' } & ClientMessage)
  | ({ kind: 'approve-extension' | 'refuse-extension'; requestId: string } & ClientMessage);

const INTAKE: Actor = { role: 'system', id: 'mail-intake' };
const EXCERPT_MAX = 1_000;
const NO_REPLY_ADDRESS = /^(no-?reply|do-?not-?reply|noreply|bounces?|notifications?)[@+.-]/i;

/**
 * The intake decision table, row by row, first match wins:
 * 1. our own address -> ignore (never answered: no loops)
 * 2. an automatic message (bounce, auto-reply, receipt, bulk) -> ignore
 * 2b. a sender the receiving server could not authenticate -> reject or quarantine (policy), no reply
 * 3. active staff: on a phone ticket awaiting email -> link it; on an open ticket, written to the
 *    requester -> first response or billed follow-up; else kept on the thread; without a ticket, a
 *    forwarded email of an authorized requester -> open in their name; else quarantine
 * 4. authorized at several clients with no ticket named -> quarantine, managers told
 * 4b. not an authorized requester -> quarantine, polite reply (unless a no-reply address), managers told
 * 5. no ticket -> open
 * 6. a closed ticket: validated and not a rejection -> ignore (kept on the thread); else open a new
 *    ticket linked to it (closed tickets never reopen)
 * 7. a phone ticket awaiting email -> link the email
 * 8. the requester (or the client's administrator) answers the pending question: a resolution is
 *    confirmed / rejected; a budget extension approved / refused
 * 9. any other reply -> recorded; on a resolved ticket the assignee decides
 */
export function decideIntake(mail: InboundMail, facts: IntakeFacts): IntakeDecision {
  if (facts.fromOwnAddress)
    return {
      kind: 'ignore',
      action: 'ignored-own-mail',
      reason: `sent by our own address ${mail.from.address}: never answered (no loops)`,
    };
  const automated = classifyAutomated({ headers: mail.headers, subject: mail.subject, fromAddress: mail.from.address });
  if (automated.automated)
    return {
      kind: 'ignore',
      action: `ignored-${automated.kind}`,
      reason: `automatic message (${automated.reason}): opens no ticket and is not a client reply`,
    };
  if (facts.forgedSender) {
    const { action, detail, claimedClient } = facts.forgedSender;
    return {
      kind: action === 'reject' ? 'reject-spoofed' : 'quarantine-spoofed',
      detail,
      ...(claimedClient ? { claimedClient } : {}),
    };
  }
  if (facts.staff) return fromStaff(mail, facts, facts.staff);
  if (!facts.sender.authorized && facts.sender.ambiguousClients)
    return { kind: 'quarantine-ambiguous', clients: facts.sender.ambiguousClients };
  if (!facts.sender.authorized)
    return { kind: 'quarantine-unauthorized', sender: facts.sender, mayReply: !NO_REPLY_ADDRESS.test(mail.from.address) };

  const headers = readAddinHeaders(mail.headers);
  const base: FromRequester = {
    requester: facts.sender.requester,
    client: facts.sender.client,
    ...(headers.afterHours ? { afterHours: headers.afterHours } : {}),
  };
  if (!facts.thread) return { kind: 'open', actor: requesterActor(base.requester), headers, ...base };
  const { ticket, match } = facts.thread;
  if (ticket.status === 'closed') {
    if (ticket.closeReason === 'validated' && parseReplyIntent(mail.text) !== 'reject')
      return { kind: 'ignore-on-closed', action: 'ignored-closed', ticket, match, ...base };
    return { kind: 'open-linked', actor: requesterActor(base.requester), closed: ticket, ...base };
  }
  if (ticket.awaitingEmail) return { kind: 'link-phone-ticket', ticket, match, ...base };

  const isOwner = base.requester.email === ticket.requesterEmail || base.requester.isClientAdmin;
  const message: ClientMessage = {
    ...base,
    ticket,
    match,
    actor: isOwner ? requesterActor(base.requester) : INTAKE,
    ...excerptOf(mail),
  };
  const intent = isOwner ? parseReplyIntent(mail.text) : undefined;
  if (ticket.status === 'resolved') {
    if (intent === 'confirm') return { kind: 'validate', ...message };
    if (intent === 'reject' || intent === 'refuse') return { kind: 'reject-resolution', ...message };
    return { kind: 'reply', needsDecision: true, ...message };
  }
  const pending = ticket.pendingExtension;
  if (pending && intent === 'approve') return { kind: 'approve-extension', requestId: pending.requestId, ...message };
  if (pending && intent === 'refuse') return { kind: 'refuse-extension', requestId: pending.requestId, ...message };
  return { kind: 'reply', needsDecision: false, ...message };
}

/**
 * Mail from the partner's own staff is never "unauthorized": on a ticket it joins the thread, confirms
 * a phone ticket, or (written to the requester) counts as the first response or a billed follow-up.
 * Without a ticket, a forwarded client email opens the ticket in the name of its original sender when
 * that sender is an authorized requester.
 */
function fromStaff(mail: InboundMail, facts: IntakeFacts, staff: Staff): IntakeDecision {
  if (facts.thread) {
    const { ticket, match } = facts.thread;
    if (ticket.awaitingEmail && ticket.status !== 'closed') return { kind: 'link-phone-ticket-by-staff', staff, ticket, match };
    const toRequester = [...mail.to, ...mail.cc].some((a) => a.address.toLowerCase() === ticket.requesterEmail);
    if (ticket.status !== 'closed' && toRequester) {
      return {
        kind: ticket.status === 'new' ? 'staff-first-response' : 'staff-follow-up',
        staff,
        actor: staffActor(staff),
        ticket,
        match,
        ...excerptOf(mail),
      };
    }
    return { kind: 'staff-mail', staff, ticket, match };
  }
  const original = mail.forwardedFrom;
  const forwarded = facts.forwarded;
  if (!original || !forwarded?.authorized) {
    const why = original
      ? `the forwarded message's sender ${original.address} is not an authorized requester`
      : 'it names no ticket and forwards no client email';
    return { kind: 'quarantine-staff-mail', staff, why };
  }
  return {
    kind: 'open',
    actor: staffActor(staff),
    headers: readAddinHeaders(mail.headers),
    requester: forwarded.requester,
    client: forwarded.client,
    forwardedBy: staff,
  };
}

function excerptOf(mail: InboundMail): { excerpt?: string } {
  const excerpt = stripQuotedReply(mail.text).slice(0, EXCERPT_MAX);
  return excerpt ? { excerpt } : {};
}

function requesterActor(requester: AuthorizedRequester): Actor {
  return { role: 'requester', id: requester.email, name: requester.name };
}

function staffActor(staff: Staff): Actor {
  return { role: staff.role, id: staff.id, name: staff.name };
}
