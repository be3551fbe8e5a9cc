import { buildTimeEntry } from '../domain/billing';
import { addBusinessMinutes } from '../domain/calendar';
import { NotAuthorizedError, NotFoundError, ValidationError } from '../domain/common';
import { t } from '../domain/i18n';
import { pickBudget } from '../domain/policy';
import { linkedTicketInput, openTicket, type OpenTicketInput as DomainOpenInput } from '../domain/ticket';
import { slaStatus } from '../domain/sla';
import { contactAttemptStatus, finalNoticeDue, type ContactAttemptStatus } from '../domain/ticket';
import { assertAllowed } from '../domain/ticket';
import { describePrioritySuggestion } from '../domain/ticket';
import type { Ticket } from '../domain/ticket';
import { FOLLOW_UP_KINDS, type FollowUpKind, type NewTicketEvent } from '../domain/ticket';
import {
  INCIDENT_TYPES,
  PRIORITIES,
  SUPPORT_LEVELS,
  type Actor,
  type Channel,
  type IncidentType,
  type Priority,
  type SupportLevel,
} from '../domain/ticket';
import type { ClientMailer } from './client-mailer';
import { onBehalfOfClient } from './client-decision';
import type { AuthorizedRequester, Client } from '../domain/requesters';
import { needsAfterHoursWindows } from '../domain/billing';
import { reopenedMailParams } from './reopened-mail';
import { optionalText, requireInteger, requireOneOf, requireText } from '../domain/common';
import { localYear } from './local-year';
import { noResponseClosesAt } from './no-response-deadline';
import type { PolicyRegistry } from './policy-registry';
import type { Clock, IdGenerator, Notification, Notifier, SideEffectErrors, Store } from './ports';
import { activeRequester, assertTicketAccess } from './requester-access';
import {
  applyPlan,
  billedFollowUp,
  BILLING_ACTOR,
  checkLoaded,
  entryFacts,
  event,
  type ChangeContext,
  type ChangePlan,
} from './ticket-change';
import type { OpenTicketInput, TicketCommands, TicketRef, TriageInput } from './ticket-commands';
import { definedOnly } from '../domain/index';

export interface TicketServiceDeps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  policies: PolicyRegistry;
  mail: Pick<ClientMailer, 'sendClientMail' | 'ahead'>;
  notifier: Notifier;
  sideEffects: SideEffectErrors;
}

/** The channel an actor's commands arrive through unless the edge says (`via`). */
function defaultChannel(actor: Actor): Channel {
  if (actor.role === 'system') return 'system';
  if (actor.role === 'requester') return 'email';
  return 'teams';
}

const MAX_MINUTES = 24 * 60 * 31;

/**
 * Refuses a contact attempt the policy does not allow now (too many, too soon, after the final notice).
 * An information request is allowed in statuses a bare attempt is not (the transition table decides those).
 */
function assertContactAllowed(ticket: Ticket, status: ContactAttemptStatus, isQuestion: boolean): void {
  if (status.allowed || status.blocked === 'status' || (isQuestion && status.blocked === 'final-notice-sent')) return;
  if (status.blocked === 'too-soon') {
    throw new ValidationError(
      'contactAttempts',
      `attempt ${status.made + 1} of ${status.max} on ticket ${ticket.number} is possible from ${status.nextAttemptAt} (the policy spaces attempts)`,
    );
  }
  if (status.blocked === 'all-attempts-made') {
    throw new ValidationError(
      'contactAttempts',
      `ticket ${ticket.number} already had ${status.made} of ${status.max} contact attempts; the final notice follows${status.finalNoticeDueAt ? ` at ${status.finalNoticeDueAt}` : ''}`,
    );
  }
  throw new ValidationError('contactAttempts', `the final notice of ticket ${ticket.number} already went out`);
}

/**
 * The ticket use cases (TicketCommands): load, check version and permissions, build events and billed
 * time, fold them through the domain's applyEvent, save atomically (stale versions throw
 * ConflictError), then email the client and notify staff. `via(channel)` records the edge a command
 * came through (teams, addin, email, phone, system).
 */
export class TicketService implements TicketCommands {
  constructor(
    private readonly deps: TicketServiceDeps,
    private readonly channel?: Channel,
  ) {}

  /** The same service, recording `channel` on the events it writes. */
  via(channel: Channel): TicketService {
    return new TicketService(this.deps, channel);
  }

  // ---- opening ---------------------------------------------------------------------------------

  async open(actor: Actor, input: OpenTicketInput): Promise<{ ticket: Ticket; created: boolean }> {
    assertAllowed(actor.role, input.channel === 'phone' ? 'log-phone-ticket' : 'open-ticket');
    return this.openChecked(actor, input, {});
  }

  async openFromPhone(
    actor: Actor,
    input: Omit<OpenTicketInput, 'channel' | 'priority'> & { priority?: Priority },
  ): Promise<Ticket> {
    assertAllowed(actor.role, 'log-phone-ticket');
    const { ticket } = await this.openChecked(
      actor,
      { ...input, channel: 'phone', priority: input.priority ?? 'critical' },
      { awaitingEmail: true },
    );
    return ticket;
  }

  async openLinked(actor: Actor, closedTicketId: string, input: OpenTicketInput): Promise<Ticket> {
    assertAllowed(actor.role, input.channel === 'phone' ? 'log-phone-ticket' : 'open-ticket');
    const closed = await this.deps.store.tickets.get(closedTicketId);
    if (!closed) throw new NotFoundError('ticket', closedTicketId);
    if (input.clientId && input.clientId !== closed.clientId)
      throw new ValidationError(
        'clientId',
        `ticket ${closed.number} belongs to client ${closed.clientId}, not ${input.clientId}`,
      );
    // linkedTicketInput refuses a ticket that is not closed: closed tickets never reopen.
    const at = (input.raisedAt ?? this.deps.clock.now()).toISOString();
    const linked = linkedTicketInput(closed, {
      id: closed.id,
      subject: input.subject,
      description: input.description,
      channel: input.channel,
      at,
      actor,
      requesterEmail: input.requesterEmail,
    });
    const { ticket } = await this.openChecked(
      actor,
      {
        ...input,
        clientId: closed.clientId,
        priority: input.priority ?? linked.priority,
        incidentType: input.incidentType ?? linked.incidentType,
      },
      { linkedTicketId: closed.id },
    );
    return ticket;
  }

  private async openChecked(
    actor: Actor,
    input: OpenTicketInput,
    extra: { awaitingEmail?: boolean; linkedTicketId?: string },
  ): Promise<{ ticket: Ticket; created: boolean }> {
    const { store, clock, ids, policies } = this.deps;
    const now = clock.now();
    const clientId = requireText('clientId', input.clientId, 200);
    const requesterEmail = requireText('requesterEmail', input.requesterEmail, 320).toLowerCase();
    const raisedAt = input.raisedAt ?? now;
    if (!(raisedAt instanceof Date) || Number.isNaN(raisedAt.getTime()))
      throw new ValidationError('raisedAt', 'is not a valid instant');
    if (raisedAt.getTime() > now.getTime() + 60_000)
      throw new ValidationError('raisedAt', `${raisedAt.toISOString()} is in the future`);
    // Independent reads, made together (one round trip where the store batches them). The store's open
    // finds a message already ticketed (its source key), so it is looked up here only when a check
    // refuses: a message already ticketed answers with its ticket whatever the checks say.
    const holidaysRead = policies.addedHolidays();
    holidaysRead.catch(() => undefined);
    let client: Client;
    let requester: AuthorizedRequester;
    try {
      ({ client, requester } = await this.openChecks(actor, clientId, requesterEmail, raisedAt));
    } catch (error) {
      const existing = input.sourceMessageId ? await store.tickets.findBySourceMessageId(input.sourceMessageId) : undefined;
      if (existing) return { ticket: existing, created: false };
      throw error;
    }
    await holidaysRead;
    const { policy } = await policies.forClient(client);
    const domainInput: DomainOpenInput = {
      id: ids.newId(),
      clientId,
      requesterEmail,
      subject: requireText('subject', input.subject, 500),
      description: input.description ?? '',
      priority: input.priority,
      incidentType: input.incidentType,
      budgetMinutes: input.budgetMinutes,
      channel: input.channel,
      sourceMessageId: input.sourceMessageId,
      conversationId: input.conversationId,
      linkedTicketId: extra.linkedTicketId,
      prioritySuggestion: input.prioritySuggestion,
      awaitingEmail: extra.awaitingEmail ?? input.awaitingEmail,
      // Client email goes in the requester's language (then the client's), never the consultant's.
      locale: requester.locale ?? client.locale,
      at: raisedAt.toISOString(),
      actor,
    };
    const { ticket, event: opened } = openTicket(domainInput, policy);
    const year = localYear(policy.calendar.timezone, raisedAt);
    // The acknowledgement's claim and reads go with the open (one round trip where the store batches).
    const mailParams = { timeZone: policy.calendar.timezone, recipientName: requester.name };
    const ahead = this.deps.mail.ahead('acknowledgement', ticket, mailParams);
    let result: { ticket: Ticket; created: boolean };
    try {
      result = await store.tickets.open({ ticket, events: [opened], year });
    } catch (error) {
      await ahead.giveBack();
      throw error;
    }
    if (!result.created) {
      // Opened before (the same message): that ticket has its own acknowledgement.
      await ahead.giveBack();
      return result;
    }
    const calendar = policies.calendar(policy);
    const responseDueAt = addBusinessMinutes(calendar, raisedAt, policy.response[result.ticket.priority].breachMinutes);
    await this.sendMail('open', result.ticket, 'acknowledgement', {
      ...mailParams,
      responseDueAt: responseDueAt.toISOString(),
      ...ahead.params,
    });
    await this.notify('open', [{ kind: 'ticket-changed', ticket: result.ticket }]);
    return result;
  }

  /** The client exists, the requester is authorized, and a requester opens in their own name (or is the client's admin). */
  private async openChecks(
    actor: Actor,
    clientId: string,
    requesterEmail: string,
    raisedAt: Date,
  ): Promise<{ client: Client; requester: AuthorizedRequester }> {
    const { store, policies } = this.deps;
    const clientRead = policies.client(clientId);
    const requesterRead = activeRequester(store.directory, clientId, requesterEmail, raisedAt);
    for (const read of [clientRead, requesterRead]) read.catch(() => undefined);
    const [client, requester] = await Promise.all([clientRead, requesterRead]);
    if (!requester) {
      throw new NotAuthorizedError(
        'requester',
        'open-ticket',
        `${requesterEmail} is not an authorized requester of client ${client.name} (${client.id}) on ${raisedAt.toISOString()}`,
      );
    }
    if (actor.role === 'requester' && actor.id.toLowerCase() !== requesterEmail) {
      const self = await activeRequester(store.directory, clientId, actor.id, raisedAt);
      if (!self?.isClientAdmin)
        throw new NotAuthorizedError('requester', 'open-ticket', `requester ${actor.id} may open tickets only in their own name`);
    }
    return { client, requester };
  }

  // ---- intake bookkeeping ----------------------------------------------------------------------

  linkEmail(actor: Actor, ref: TicketRef, messageId: string, conversationId?: string): Promise<Ticket> {
    return this.change('link-email', actor, ref, async (ctx) => {
      const data = {
        messageId: requireText('messageId', messageId, 1000),
        ...definedOnly({ conversationId: conversationId || undefined }),
      };
      return { events: [event(ctx, 'email-linked', data)], entries: [] };
    });
  }

  acknowledge(actor: Actor, ref: TicketRef, note?: string): Promise<Ticket> {
    return this.change('acknowledge', actor, ref, async (ctx) => {
      const text = optionalText('note', note);
      const followUp = await billedFollowUp(ctx, 'follow-up', text);
      return {
        events: [event(ctx, 'first-response', text ? { note: text } : {}), followUp.event],
        entries: [followUp.entry],
        mail: text ? { kind: 'progress', params: { note: text } } : undefined,
      };
    });
  }

  /**
   * Respond: the consultant's message emailed to the client, threaded on the client's message. It is the
   * first response (stops the response clock) and a billed follow-up.
   */
  respond(actor: Actor, ref: TicketRef, message: string): Promise<Ticket> {
    return this.change('respond', actor, ref, async (ctx) => {
      const text = requireText('message', message, 20_000);
      const followUp = await billedFollowUp(ctx, 'follow-up', text);
      return {
        events: [event(ctx, 'first-response', { note: text, by: 'email' }), followUp.event],
        entries: [followUp.entry],
        mail: { kind: 'response', params: { note: text, inReplyTo: ctx.ticket.sourceMessageId } },
      };
    });
  }

  /** A phone conversation as the first response: only with a note of what was said, which the client gets by email. */
  respondByPhone(actor: Actor, ref: TicketRef, note: string): Promise<Ticket> {
    return this.change('respond-by-phone', actor, ref, async (ctx) => {
      const text = requireText('note', note, 20_000);
      const followUp = await billedFollowUp(ctx, 'follow-up', text);
      const phone = { ...ctx, channel: 'phone' as const };
      return {
        events: [event(phone, 'first-response', { note: text, by: 'phone' }), { ...followUp.event, channel: 'phone' }],
        entries: [followUp.entry],
        mail: { kind: 'phone-response', params: { note: text, inReplyTo: ctx.ticket.sourceMessageId } },
      };
    });
  }

  assign(actor: Actor, ref: TicketRef, assigneeId: string): Promise<Ticket> {
    return this.change('assign', actor, ref, async (ctx) => {
      const staff = await this.deps.store.directory.getStaff(requireText('assigneeId', assigneeId, 200));
      if (!staff || !staff.active) throw new ValidationError('assigneeId', `no active staff member ${assigneeId}`);
      return {
        events: [event(ctx, 'assigned', { assigneeId: staff.id })],
        entries: [],
        notifications: (saved) => [{ kind: 'assignment', ticket: saved, assigneeId: staff.id }],
      };
    });
  }

  // ---- billed time -----------------------------------------------------------------------------

  logFollowUp(actor: Actor, ref: TicketRef, kind: FollowUpKind, note?: string): Promise<Ticket> {
    return this.change('log-follow-up', actor, ref, async (ctx) => {
      const followUp = await billedFollowUp(ctx, requireOneOf('kind', kind, FOLLOW_UP_KINDS), optionalText('note', note));
      return { events: [followUp.event], entries: [followUp.entry] };
    });
  }

  /**
   * Emails the client a progress update (or the daily email) with `note` and bills it as that follow-up.
   * logFollowUp only records one made elsewhere (an email sent from Outlook, a call).
   */
  sendProgressUpdate(actor: Actor, ref: TicketRef, note: string, kind: 'progress' | 'daily-email' = 'progress'): Promise<Ticket> {
    return this.change('send-progress', actor, ref, async (ctx) => {
      const text = requireText('note', note);
      const followUp = await billedFollowUp(ctx, requireOneOf('kind', kind, ['progress', 'daily-email'] as const), text);
      return { events: [followUp.event], entries: [followUp.entry], mail: { kind, params: { note: text } } };
    });
  }

  logSession(actor: Actor, ref: TicketRef, minutes: number, consultants: number, note?: string): Promise<Ticket> {
    return this.change('log-session', actor, ref, async (ctx) => {
      const m = requireInteger('minutes', minutes, 1, MAX_MINUTES);
      const c = requireInteger('consultants', consultants, 1, 100);
      const text = optionalText('note', note);
      const entryId = ctx.newId();
      const data = { minutes: m, consultants: c, entryId, ...definedOnly({ note: text }) };
      const entry = buildTimeEntry(
        { ...entryFacts(ctx, entryId, actor, text), kind: 'session', minutes: m, consultants: c },
        await ctx.billing(),
      );
      return { events: [event(ctx, 'session-logged', data)], entries: [entry] };
    });
  }

  logWork(actor: Actor, ref: TicketRef, minutes: number, note?: string): Promise<Ticket> {
    return this.change('log-work', actor, ref, async (ctx) => {
      const m = requireInteger('minutes', minutes, 1, MAX_MINUTES);
      const text = optionalText('note', note);
      const entryId = ctx.newId();
      const data = { minutes: m, entryId, ...definedOnly({ note: text }) };
      const entry = buildTimeEntry({ ...entryFacts(ctx, entryId, actor, text), kind: 'work', minutes: m }, await ctx.billing());
      return { events: [event(ctx, 'work-logged', data)], entries: [entry] };
    });
  }

  // ---- talking to the client -------------------------------------------------------------------

  requestInformation(actor: Actor, ref: TicketRef, question: string): Promise<Ticket> {
    return this.change('request-information', actor, ref, async (ctx) => {
      const q = requireText('question', question);
      assertContactAllowed(ctx.ticket, contactAttemptStatus(ctx.ticket, ctx.policy, ctx.calendar, ctx.now), true);
      const followUp = await billedFollowUp(ctx, 'information-request', q);
      return {
        events: [event(ctx, 'information-requested', { question: q, attempt: ctx.ticket.contactAttempts + 1 }), followUp.event],
        entries: [followUp.entry],
        mail: { kind: 'information-request', params: { question: q } },
      };
    });
  }

  recordContactAttempt(actor: Actor, ref: TicketRef, note?: string): Promise<Ticket> {
    return this.change('attempt-contact', actor, ref, async (ctx) => {
      const text = optionalText('note', note);
      assertContactAllowed(ctx.ticket, contactAttemptStatus(ctx.ticket, ctx.policy, ctx.calendar, ctx.now), false);
      const attempt = ctx.ticket.contactAttempts + 1;
      const data = { attempt, ...definedOnly({ note: text }) };
      const followUp = await billedFollowUp(ctx, 'follow-up', text);
      return {
        events: [event(ctx, 'contact-attempted', data), followUp.event],
        entries: [followUp.entry],
        mail: { kind: 'contact-attempt', params: { attempt, maxAttempts: ctx.policy.noResponse.contactAttempts, note: text } },
      };
    });
  }

  recordClientReply(actor: Actor, ref: TicketRef, messageId?: string, excerpt?: string): Promise<Ticket> {
    return this.change('client-reply', actor, ref, async (ctx) => {
      const data = definedOnly({ messageId: messageId || undefined, excerpt: optionalText('excerpt', excerpt, 2000) });
      return { events: [event(ctx, 'client-replied', data)], entries: [] };
    });
  }

  /** The final notice after the policy's unanswered contact attempts (the SLA monitor sends it). */
  sendFinalNotice(actor: Actor, ref: TicketRef): Promise<Ticket> {
    return this.change('final-notice', actor, ref, async (ctx) => {
      const max = ctx.policy.noResponse.contactAttempts;
      if (ctx.ticket.contactAttempts < max) {
        throw new ValidationError(
          'contactAttempts',
          `ticket ${ctx.ticket.number} has ${ctx.ticket.contactAttempts} unanswered contact attempts; the final notice follows attempt ${max}`,
        );
      }
      const status = contactAttemptStatus(ctx.ticket, ctx.policy, ctx.calendar, ctx.now);
      if (!ctx.ticket.finalNoticeAt && !finalNoticeDue(status, ctx.now)) {
        throw new ValidationError(
          'contactAttempts',
          `the final notice of ticket ${ctx.ticket.number} goes out once attempt ${max} has gone unanswered until ${status.finalNoticeDueAt}`,
        );
      }
      const days = ctx.policy.noResponse.noticeBusinessDays;
      const closesAt = noResponseClosesAt(ctx.calendar, ctx.now, days).toISOString();
      const followUp = await billedFollowUp(ctx, 'follow-up');
      return {
        events: [event(ctx, 'final-notice-sent', { attempts: ctx.ticket.contactAttempts }), followUp.event],
        entries: [followUp.entry],
        mail: { kind: 'final-notice', params: { noticeBusinessDays: days, closesAt, timeZone: ctx.policy.calendar.timezone } },
      };
    });
  }

  /** When a ticket whose final notice went out closes for no response. */
  async noResponseClosesAt(ticket: Ticket): Promise<Date | undefined> {
    if (!ticket.finalNoticeAt) return undefined;
    const policy = await this.deps.policies.forTicket(ticket);
    return noResponseClosesAt(
      this.deps.policies.calendar(policy),
      new Date(ticket.finalNoticeAt),
      policy.noResponse.noticeBusinessDays,
    );
  }

  closeForNoResponse(actor: Actor, ref: TicketRef): Promise<Ticket> {
    return this.change('close-no-response', actor, ref, async (ctx) => {
      if (!ctx.ticket.finalNoticeAt)
        throw new ValidationError('finalNoticeAt', `ticket ${ctx.ticket.number} had no final notice`);
      const closesAt = noResponseClosesAt(
        ctx.calendar,
        new Date(ctx.ticket.finalNoticeAt),
        ctx.policy.noResponse.noticeBusinessDays,
      );
      if (ctx.now.getTime() < closesAt.getTime()) {
        throw new ValidationError(
          'finalNoticeAt',
          `the notice period of ticket ${ctx.ticket.number} runs until ${closesAt.toISOString()}`,
        );
      }
      const followUp = await billedFollowUp(ctx, 'closure', undefined, BILLING_ACTOR);
      return {
        events: [event(ctx, 'closed-no-response', { attempts: ctx.ticket.contactAttempts }), followUp.event],
        entries: [followUp.entry],
        mail: { kind: 'closure', params: { closeReason: 'no-response' } },
        notifications: (saved) => [{ kind: 'closed-no-response', ticket: saved }],
      };
    });
  }

  // ---- levels and classification ---------------------------------------------------------------

  escalate(actor: Actor, ref: TicketRef, to: SupportLevel, reason: string, microsoftCaseNumber?: string): Promise<Ticket> {
    return this.change('escalate', actor, ref, async (ctx) => {
      const level = requireOneOf('to', to, SUPPORT_LEVELS);
      const why = requireText('reason', reason, 2000);
      const caseNumber = optionalText('microsoftCaseNumber', microsoftCaseNumber, 100);
      if (caseNumber && level !== 'L4')
        throw new ValidationError('microsoftCaseNumber', 'a Microsoft case goes with an escalation to L4');
      const data = { from: ctx.ticket.level, to: level, reason: why, ...definedOnly({ microsoftCaseNumber: caseNumber }) };
      return {
        events: [event(ctx, 'escalated', data)],
        entries: [],
        notifications: level === 'L4' ? (saved) => [{ kind: 'l4-escalation', ticket: saved, reason: why }] : undefined,
      };
    });
  }

  recordMicrosoftCase(actor: Actor, ref: TicketRef, caseNumber: string): Promise<Ticket> {
    return this.change('record-microsoft-case', actor, ref, async (ctx) => ({
      events: [event(ctx, 'microsoft-case-recorded', { caseNumber: requireText('caseNumber', caseNumber, 100) })],
      entries: [],
    }));
  }

  recordMicrosoftResponse(actor: Actor, ref: TicketRef, note?: string): Promise<Ticket> {
    return this.change('record-microsoft-response', actor, ref, async (ctx) => {
      const text = optionalText('note', note);
      return { events: [event(ctx, 'microsoft-responded', text ? { note: text } : {})], entries: [] };
    });
  }

  changePriority(actor: Actor, ref: TicketRef, priority: Priority, reason?: string): Promise<Ticket> {
    return this.triage(actor, ref, { priority, reason });
  }

  /** Reclassifies; the budget becomes the pick for the new type plus every extension the client approved. */
  changeIncidentType(
    actor: Actor,
    ref: TicketRef,
    incidentType: IncidentType,
    budgetMinutes?: number,
    reason?: string,
  ): Promise<Ticket> {
    return this.triage(actor, ref, { incidentType, budgetMinutes, reason });
  }

  /**
   * L1's triage in one change: the priority and/or the incident type with its budget (a pick inside the
   * type's range, plus every extension the client approved). The clocks re-derive from the events; the
   * client is emailed the new priority and due times; the audit trail keeps who and why (`reason`).
   */
  triage(actor: Actor, ref: TicketRef, input: TriageInput): Promise<Ticket> {
    return this.change('triage', actor, ref, async (ctx) => {
      const { ticket } = ctx;
      const why = optionalText('reason', input.reason, 2000);
      const events: NewTicketEvent[] = [];
      if (input.priority !== undefined) {
        const to = requireOneOf('priority', input.priority, PRIORITIES);
        if (to !== ticket.priority)
          events.push(
            event(ctx, 'priority-changed', why ? { from: ticket.priority, to, reason: why } : { from: ticket.priority, to }),
          );
      }
      if (input.incidentType !== undefined || input.budgetMinutes !== undefined) {
        const type =
          input.incidentType === undefined
            ? ticket.incidentType
            : requireOneOf('incidentType', input.incidentType, INCIDENT_TYPES);
        const approved = (await this.deps.store.tickets.events(ticket.id)).reduce(
          (sum, e) => (e.type === 'budget-extension-approved' ? sum + e.data.minutes : sum),
          0,
        );
        const budgetMinutes = pickBudget(ctx.policy, type, input.budgetMinutes) + approved;
        if (type !== ticket.incidentType || budgetMinutes !== ticket.budgetMinutes) {
          const data = { from: ticket.incidentType, to: type, budgetMinutes, ...definedOnly({ reason: why }) };
          events.push(event(ctx, 'incident-type-changed', data));
        }
      }
      if (events.length === 0) {
        throw new ValidationError(
          'triage',
          `ticket ${ticket.number} already is ${ticket.priority}, ${ticket.incidentType} with ${ticket.budgetMinutes} minutes of budget: nothing to change`,
        );
      }
      const after = applyPlan(ticket, { events, entries: [] });
      const sla = slaStatus(after, ctx.policy, ctx.calendar, ctx.now);
      const params = {
        timeZone: ctx.policy.calendar.timezone,
        ...definedOnly({
          responseDueAt: after.firstResponseAt ? undefined : sla.response.breachAt,
          resolutionDueAt: sla.resolution.breachAt,
        }),
      };
      return { events, entries: [], mail: { kind: 'triage', params } };
    });
  }

  /** Applies intake's priority suggestion (one click on the card or in the queue); the reason names its signals. */
  async applySuggestedPriority(actor: Actor, ref: TicketRef): Promise<Ticket> {
    const ticket = checkLoaded(ref.ticketId, await this.load(ref), ref.expectedVersion);
    const suggestion = ticket.prioritySuggestion;
    if (!suggestion)
      throw new ValidationError('prioritySuggestion', `ticket ${ticket.number} has no priority suggestion to apply`);
    const reason = t(ticket.locale, 'triage.suggestionApplied', {
      reason: describePrioritySuggestion(ticket.locale, suggestion),
    });
    return this.triage(actor, ref, { priority: suggestion.priority, reason });
  }

  // ---- budget ----------------------------------------------------------------------------------

  requestBudgetExtension(actor: Actor, ref: TicketRef, minutes: number, reason: string): Promise<Ticket> {
    return this.change('request-budget-extension', actor, ref, async (ctx) => {
      const m = requireInteger('minutes', minutes, 1, MAX_MINUTES);
      const why = requireText('reason', reason, 2000);
      const followUp = await billedFollowUp(ctx, 'follow-up', why);
      return {
        events: [event(ctx, 'budget-extension-requested', { requestId: ctx.newId(), minutes: m, reason: why }), followUp.event],
        entries: [followUp.entry],
        mail: { kind: 'budget-extension-request', params: { extensionMinutes: m, extensionReason: why } },
      };
    });
  }

  approveBudgetExtension(actor: Actor, ref: TicketRef, requestId: string): Promise<Ticket> {
    return this.change('approve-budget-extension', actor, ref, async (ctx) => {
      const pending = ctx.ticket.pendingExtension;
      if (!pending || pending.requestId !== requestId)
        throw new ValidationError('requestId', `ticket ${ctx.ticket.number} has no pending extension ${requestId}`);
      return { events: [event(ctx, 'budget-extension-approved', { requestId, minutes: pending.minutes })], entries: [] };
    });
  }

  refuseBudgetExtension(actor: Actor, ref: TicketRef, requestId: string, reason?: string): Promise<Ticket> {
    return this.change('refuse-budget-extension', actor, ref, async (ctx) => {
      const data = { requestId, ...definedOnly({ reason: optionalText('reason', reason, 2000) }) };
      return { events: [event(ctx, 'budget-extension-refused', data)], entries: [] };
    });
  }

  // ---- resolution and closure ------------------------------------------------------------------

  resolve(actor: Actor, ref: TicketRef, summary: string): Promise<Ticket> {
    return this.change('resolve', actor, ref, async (ctx) => {
      const text = requireText('summary', summary);
      const followUp = await billedFollowUp(ctx, 'conclusion', text);
      return {
        events: [event(ctx, 'resolved', { summary: text }), followUp.event],
        entries: [followUp.entry],
        mail: { kind: 'resolution', params: { summary: text } },
      };
    });
  }

  validateResolution(actor: Actor, ref: TicketRef, note?: string, clientMessageId?: string): Promise<Ticket> {
    return this.change('validate-resolution', actor, ref, async (ctx) => {
      const text = optionalText('note', note);
      const onBehalf = await onBehalfOfClient(this.deps.store.tickets, ctx.ticket, actor, clientMessageId);
      const followUp = await billedFollowUp(ctx, 'closure', undefined, BILLING_ACTOR);
      return {
        events: [event(ctx, 'resolution-validated', { ...(text ? { note: text } : {}), ...onBehalf }), followUp.event],
        entries: [followUp.entry],
        mail: { kind: 'closure', params: { closeReason: 'validated' } },
      };
    });
  }

  /** The ticket reopens (resolution clock resumes); the client is emailed the new due time. */
  rejectResolution(actor: Actor, ref: TicketRef, reason?: string, clientMessageId?: string): Promise<Ticket> {
    return this.change('reject-resolution', actor, ref, async (ctx) => {
      const why = optionalText('reason', reason, 2000);
      const onBehalf = await onBehalfOfClient(this.deps.store.tickets, ctx.ticket, actor, clientMessageId);
      const rejected = event(ctx, 'resolution-rejected', { ...(why ? { reason: why } : {}), ...onBehalf });
      return { events: [rejected], entries: [], mail: { kind: 'reopened', params: reopenedMailParams(ctx, rejected) } };
    });
  }

  /** A note on the ticket: internal ones are staff-only; public ones may come from the requester. */
  addNote(actor: Actor, ref: TicketRef, text: string, internal: boolean): Promise<Ticket> {
    return this.change('add-note', actor, ref, async (ctx) => ({
      events: [event(ctx, 'note-added', { text: requireText('text', text), internal })],
      entries: [],
    }));
  }

  // ---- the pipeline ----------------------------------------------------------------------------

  /**
   * Loads the ticket, refuses a stale `expectedVersion`, checks the requester's scope, builds the plan,
   * checks each event against the permission table and folds it, saves events + entries atomically,
   * then sends the email and the notifications (failures reported, the change stands).
   */
  private async change(
    action: string,
    actor: Actor,
    ref: TicketRef,
    build: (ctx: ChangeContext) => Promise<ChangePlan>,
  ): Promise<Ticket> {
    const { store, clock, ids, policies } = this.deps;
    const ticket = checkLoaded(ref.ticketId, await this.load(ref), ref.expectedVersion);
    const now = clock.now();
    await assertTicketAccess(store.directory, actor, ticket, now);
    const policy = await policies.forTicket(ticket);
    const calendar = policies.calendar(policy);
    let billing: ReturnType<ChangeContext['billing']> | undefined;
    const ctx: ChangeContext = {
      ticket,
      policy,
      calendar,
      now,
      actor,
      channel: this.channel ?? defaultChannel(actor),
      // Entries are rated at `now`: inside support hours the approved windows change nothing, and are not read.
      billing: () =>
        (billing ??= needsAfterHoursWindows(calendar, now)
          ? store.afterHours
              .listWindows({ clientId: ticket.clientId, status: 'approved' })
              .then((windows) => ({ policy, calendar, windows }))
          : Promise.resolve({ policy, calendar, windows: [] })),
      newId: () => ids.newId(),
    };
    const plan = await build(ctx);
    const next = applyPlan(ticket, plan);
    // The email's reads and claim go with the save (one round trip where the store batches); they hold for the saved
    // ticket, which keeps its requester. Every entry of a plan has an id from ctx.newId(): nothing to look up.
    const ahead = plan.mail && this.deps.mail.ahead(plan.mail.kind, next, plan.mail.params);
    let saved: Ticket;
    try {
      saved = await store.tickets.save(next, plan.events, plan.entries, { freshEntryIds: true });
    } catch (error) {
      await ahead?.giveBack();
      throw error;
    }
    if (plan.mail) await this.sendMail(action, saved, plan.mail.kind, { ...plan.mail.params, ...ahead?.params });
    const notifications: Notification[] = [...(plan.notifications?.(saved) ?? []), { kind: 'ticket-changed', ticket: saved }];
    for (const entry of plan.entries) {
      if (entry.flag === 'after-hours-unapproved')
        notifications.push({ kind: 'after-hours-unapproved', ticket: saved, entryId: entry.id });
    }
    await this.notify(action, notifications);
    return saved;
  }

  /** The ticket the caller expects, not read again when the store holds that version. */
  private load(ref: TicketRef): Promise<Ticket | undefined> {
    const { tickets } = this.deps.store;
    return tickets.getAtVersion ? tickets.getAtVersion(ref.ticketId, ref.expectedVersion) : tickets.get(ref.ticketId);
  }

  private async sendMail(
    action: string,
    ticket: Ticket,
    kind: Parameters<ClientMailer['sendClientMail']>[0],
    params: Parameters<ClientMailer['sendClientMail']>[2],
  ): Promise<void> {
    try {
      await this.deps.mail.sendClientMail(kind, ticket, params);
    } catch (error) {
      this.deps.sideEffects.report(error, { action, ticketId: ticket.id, what: `client email ${kind}` });
    }
  }

  private async notify(action: string, notifications: Notification[]): Promise<void> {
    for (const notification of notifications) {
      try {
        await this.deps.notifier.notify(notification);
      } catch (error) {
        this.deps.sideEffects.report(error, {
          action,
          ticketId: 'ticket' in notification ? notification.ticket.id : undefined,
          what: `notification ${notification.kind}`,
        });
      }
    }
  }
}
