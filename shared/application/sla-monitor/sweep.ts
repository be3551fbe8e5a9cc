import { businessMinutesBetween, isOpen } from '../../domain/calendar';
import type { BusinessCalendar } from '../../domain/calendar';
import { ConflictError } from '../../domain/common';
import type { SupportPolicy } from '../../domain/policy';
import { slaStatus } from '../../domain/sla';
import { contactAttemptStatus, finalNoticeDue } from '../../domain/ticket';
import type { ClockStatus } from '../../domain/sla';
import type { Ticket } from '../../domain/ticket';
import { OPEN_STATUSES, type Actor } from '../../domain/ticket';
import type { ClientMailer } from '../client-mailer';
import type { PolicyRegistry } from '../policy-registry';
import type { Clock, Notification, Notifier, SideEffectErrors, Store } from '../ports';
import type { TicketService } from '../ticket-service';
import { inGroups } from '../in-groups';
import { alertKeys } from './alert-keys';
import { DigestCollector } from './digest';
import { NOT_YET, type SendOnce } from './send-once';
import { SweepCalendars } from './sweep-calendars';

/** Every status but closed: the tickets a sweep looks at. */

/**
 * Tickets checked together: their ledger writes are issued in the same turn, so a store that batches
 * (SharePoint: 20 requests to a Graph $batch) sends them together.
 */
export const SWEEP_GROUP_SIZE = 20;

/** How long after opening a ticket without an acknowledgement is taken as one whose email was lost. */
const ACK_GRACE_MS = 60_000;

export const MONITOR_ACTOR: Actor = { role: 'system', id: 'sla-monitor', name: 'SLA monitor' };

export interface SweepCounts {
  tickets: number;
  /** Acknowledgements recovered (the opening request did not get to send them). */
  acknowledgements: number;
  slaAlerts: number;
  budgetAlerts: number;
  phoneReminders: number;
  microsoftReminders: number;
  /** Assignees told that the next contact attempt is due. */
  contactAttemptsDue: number;
  finalNotices: number;
  closedNoResponse: number;
  digests: number;
  /** Writes another instance or a person made first (version conflicts): retried next sweep. */
  raced: number;
  errors: number;
}

/** The ports and services a sweep acts through (the monitor takes the same ones). */
export interface SweepPorts {
  store: Store;
  clock: Clock;
  notifier: Notifier;
  mail: Pick<ClientMailer, 'sendClientMail'>;
  tickets: TicketService;
  policies: PolicyRegistry;
  sideEffects: SideEffectErrors;
}

export interface SweepDeps extends SweepPorts {
  once: SendOnce;
  pageSize: number;
  digestLimit: number;
  /** Asked between groups of tickets: false when this instance no longer holds the sweeper lease (the pass stops). */
  holdsLease?: () => Promise<boolean>;
}

/**
 * One pass over the open tickets at one instant. Reads only the ticket records (denormalised pauses,
 * attempts, consumed minutes): no per-ticket event read. Tickets are checked in concurrent groups of
 * SWEEP_GROUP_SIZE (each ticket's own steps stay in order); the lease is checked between groups. Each
 * ticket's failure is reported and counted; the pass goes on.
 */
export class Sweep {
  readonly counts: SweepCounts = {
    tickets: 0,
    acknowledgements: 0,
    slaAlerts: 0,
    budgetAlerts: 0,
    phoneReminders: 0,
    microsoftReminders: 0,
    contactAttemptsDue: 0,
    finalNotices: 0,
    closedNoResponse: 0,
    digests: 0,
    raced: 0,
    errors: 0,
  };
  private readonly now: Date;
  private readonly digestKey: string | undefined;
  private readonly digest = new DigestCollector();
  private calendars: SweepCalendars;
  private leaseLost = false;

  constructor(private readonly deps: SweepDeps) {
    this.now = deps.clock.now();
    this.calendars = new SweepCalendars([], deps.policies);
    this.digestKey = this.dueDigestKey();
  }

  async run(): Promise<SweepCounts> {
    const { store, pageSize } = this.deps;
    this.calendars = new SweepCalendars(await store.afterHours.listWindows({ status: 'approved' }), this.deps.policies);
    const stillHeld = this.deps.holdsLease ? () => this.stillHoldsLease() : undefined;
    let cursor: string | undefined;
    do {
      if (cursor && stillHeld && !(await stillHeld())) break;
      const page = await store.tickets.list({ statuses: OPEN_STATUSES, limit: pageSize, cursor });
      if (!(await inGroups(page.tickets, SWEEP_GROUP_SIZE, (ticket) => this.check(ticket), stillHeld))) break;
      cursor = page.next;
    } while (cursor);
    if (this.digestKey && !this.leaseLost) await this.sendDigest(this.digestKey);
    return this.counts;
  }

  /** True when the pass stopped early because another instance took the sweeper lease. */
  get stoppedForLease(): boolean {
    return this.leaseLost;
  }

  private async stillHoldsLease(): Promise<boolean> {
    if (this.deps.holdsLease && !(await this.deps.holdsLease())) this.leaseLost = true;
    return !this.leaseLost;
  }

  private async check(ticket: Ticket): Promise<void> {
    const order = this.counts.tickets++;
    try {
      const policy = this.deps.policies.cached(ticket.policyVersion) ?? (await this.deps.policies.forTicket(ticket));
      const calendar = this.calendars.of(ticket.clientId, policy);
      const sla = slaStatus(ticket, policy, calendar, this.now);
      if (ticket.status === 'new') await this.acknowledgement(ticket, sla.response.breachAt, policy);
      await this.slaAlerts(ticket, sla.response);
      await this.slaAlerts(ticket, sla.resolution);
      await this.budgetAlerts(ticket, policy);
      if (ticket.awaitingEmail) await this.phoneReminder(ticket, policy, calendar);
      if (ticket.status === 'waiting-on-microsoft') await this.microsoftReminder(ticket, policy, calendar);
      if (ticket.status === 'waiting-on-client' || ticket.status === 'resolved') await this.noResponse(ticket, policy);
      if (this.digestKey) this.digest.add(ticket, sla, order);
    } catch (error) {
      if (error instanceof ConflictError) {
        this.counts.raced += 1;
        return;
      }
      this.counts.errors += 1;
      this.deps.sideEffects.report(error, { action: 'sla-sweep', ticketId: ticket.id, what: `checking ticket ${ticket.number}` });
    }
  }

  /**
   * The client's acknowledgement goes out when the ticket is opened; a ticket still new a minute later
   * without one (the server died between the commit and the email) gets it here. The client mailer sends
   * it at most once per ticket, so a race with the opening request sends nothing twice.
   */
  private async acknowledgement(ticket: Ticket, responseDueAt: string | undefined, policy: SupportPolicy): Promise<void> {
    const key = alertKeys.acknowledgement(ticket.id);
    if (this.deps.once.has(key) || this.now.getTime() - Date.parse(ticket.openedAt) < ACK_GRACE_MS) return;
    const sent = await this.deps.once.send(key, async () => {
      const result = await this.deps.mail.sendClientMail('acknowledgement', ticket, {
        responseDueAt,
        timeZone: policy.calendar.timezone,
      });
      // Claimed but not completed (a send under way, or one a crash cut short: its claim is taken over once
      // stale): this check is not done, so a later sweep asks again rather than recording "already sent".
      if (!result.sent) return result.reason === 'in-flight' ? NOT_YET : 'already-sent';
      return result.messageId;
    });
    if (sent) this.counts.acknowledgements += 1;
  }

  /** At risk, then breached, once each per ticket and clock. A breach seen first supersedes the at-risk alert. */
  private async slaAlerts(ticket: Ticket, clock: ClockStatus): Promise<void> {
    const { once } = this.deps;
    if (clock.state !== 'at-risk' && clock.state !== 'breached') return;
    const atRiskKey = alertKeys.sla(ticket.id, clock.clock, 'at-risk');
    if (clock.state === 'breached') {
      const breachedKey = alertKeys.sla(ticket.id, clock.clock, 'breached');
      if (once.has(breachedKey)) return;
      const dueAt = clock.breachAt ?? clock.stoppedAt ?? this.now.toISOString();
      if (await this.notifyOnce(breachedKey, { kind: 'sla-alert', ticket, clock: clock.clock, threshold: 'breached', dueAt }))
        this.counts.slaAlerts += 1;
      await once.skip(atRiskKey, 'breached-first');
      return;
    }
    if (once.has(atRiskKey)) return;
    const dueAt = clock.breachAt ?? this.now.toISOString();
    if (await this.notifyOnce(atRiskKey, { kind: 'sla-alert', ticket, clock: clock.clock, threshold: 'at-risk', dueAt }))
      this.counts.slaAlerts += 1;
  }

  /** The highest budget percentage reached alerts once per approved budget; lower ones reached with it are superseded. */
  private async budgetAlerts(ticket: Ticket, policy: SupportPolicy): Promise<void> {
    if (ticket.budgetMinutes <= 0 || ticket.consumedMinutes <= 0) return;
    const percent = (ticket.consumedMinutes * 100) / ticket.budgetMinutes;
    const reached = policy.budgetAlertPercents.filter((p) => percent >= p).sort((a, b) => b - a);
    if (reached.length === 0) return;
    const [highest, ...lower] = reached;
    const key = alertKeys.budget(ticket.id, ticket.budgetMinutes, highest);
    if (this.deps.once.has(key)) return;
    const sent = await this.notifyOnce(key, {
      kind: 'budget-alert',
      ticket,
      percent: highest,
      consumedMinutes: ticket.consumedMinutes,
      budgetMinutes: ticket.budgetMinutes,
    });
    if (sent) this.counts.budgetAlerts += 1;
    for (const p of lower) await this.deps.once.skip(alertKeys.budget(ticket.id, ticket.budgetMinutes, p), `${highest}-reached`);
  }

  /**
   * Every `phoneEmailMinutes` business minutes after the call: staff are reminded (the latest interval
   * only, once); the client once, at the first sweep past the first interval, however late that sweep
   * comes (a server down over the interval still reminds them at the next sweep).
   */
  private async phoneReminder(ticket: Ticket, policy: SupportPolicy, calendar: BusinessCalendar): Promise<void> {
    const interval = policy.reminders.phoneEmailMinutes;
    const n = Math.floor(businessMinutesBetween(calendar, new Date(ticket.openedAt), this.now) / interval);
    if (n < 1) return;
    const clientKey = alertKeys.phoneClientReminder(ticket.id);
    // Before the client reminder had a key of its own it went with the staff reminder n = 1.
    if (!this.deps.once.has(clientKey) && !this.deps.once.has(alertKeys.phoneReminder(ticket.id, 1))) {
      await this.deps.once.send(clientKey, async () => {
        const result = await this.deps.mail.sendClientMail('phone-email-reminder', ticket, {
          timeZone: policy.calendar.timezone,
        });
        return result.sent ? result.messageId : 'already-sent';
      });
    }
    const key = alertKeys.phoneReminder(ticket.id, n);
    if (this.deps.once.has(key)) return;
    const sent = await this.deps.once.send(
      key,
      async () => (await this.deps.notifier.notify({ kind: 'phone-email-reminder', ticket })).ref,
    );
    if (sent) this.counts.phoneReminders += 1;
  }

  /** Every `microsoftCaseMinutes` business minutes of a wait on Microsoft: check the case. */
  private async microsoftReminder(ticket: Ticket, policy: SupportPolicy, calendar: BusinessCalendar): Promise<void> {
    const wait = ticket.pauses[ticket.pauses.length - 1];
    if (!wait || wait.end !== undefined || wait.reason !== 'waiting-on-microsoft') return;
    const n = Math.floor(
      businessMinutesBetween(calendar, new Date(wait.start), this.now) / policy.reminders.microsoftCaseMinutes,
    );
    if (n < 1) return;
    const key = alertKeys.microsoftReminder(ticket.id, wait.start, n);
    if (this.deps.once.has(key)) return;
    if (await this.notifyOnce(key, { kind: 'microsoft-case-reminder', ticket })) this.counts.microsoftReminders += 1;
  }

  /**
   * The no-response workflow: once the policy's last contact attempt has gone unanswered for the
   * policy's spacing (business minutes), the final notice; when its notice period (business days) passes
   * without an answer, the ticket closes. Both are ticket writes with the version read here, so two
   * sweepers cannot both do them (one gets a conflict), and a sweep after downtime does each once.
   */
  private async noResponse(ticket: Ticket, policy: SupportPolicy): Promise<void> {
    const ref = { ticketId: ticket.id, expectedVersion: ticket.version };
    if (!ticket.finalNoticeAt) {
      // The policy's own calendar, as the ticket service checks it (after-hours windows do not space attempts).
      const status = contactAttemptStatus(ticket, policy, this.deps.policies.calendar(policy), this.now);
      if (status.allowed && status.made > 0) await this.contactAttemptDue(ticket, status.made + 1, status.max);
      if (!finalNoticeDue(status, this.now)) return;
      await this.deps.tickets.sendFinalNotice(MONITOR_ACTOR, ref);
      this.counts.finalNotices += 1;
      return;
    }
    const closesAt = await this.deps.tickets.noResponseClosesAt(ticket);
    if (!closesAt || this.now.getTime() < closesAt.getTime()) return;
    await this.deps.tickets.closeForNoResponse(MONITOR_ACTOR, ref);
    this.counts.closedNoResponse += 1;
  }

  /** Once per unanswered attempt, when the next one becomes possible: the assignee is told it is due (however late the sweep). */
  private async contactAttemptDue(ticket: Ticket, attempt: number, maxAttempts: number): Promise<void> {
    const key = alertKeys.contactAttemptDue(ticket.id, ticket.lastContactAttemptAt ?? ticket.lastActivityAt);
    if (this.deps.once.has(key)) return;
    if (await this.notifyOnce(key, { kind: 'contact-attempt-due', ticket, attempt, maxAttempts }))
      this.counts.contactAttemptsDue += 1;
  }

  private async notifyOnce(key: string, notification: Notification): Promise<boolean> {
    return this.deps.once.send(key, async () => (await this.deps.notifier.notify(notification)).ref);
  }

  /** The digest of today (the desk policy's calendar and zone) is due at the first sweep inside its business hours. */
  private dueDigestKey(): string | undefined {
    const policy = this.deps.policies.base;
    if (!isOpen(this.deps.policies.calendar(policy), this.now)) return undefined;
    const date = new Intl.DateTimeFormat('en-CA', {
      timeZone: policy.calendar.timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(this.now);
    const key = alertKeys.digest(date);
    return this.deps.once.has(key) ? undefined : key;
  }

  private async sendDigest(key: string): Promise<void> {
    const date = key.slice('digest:'.length);
    const lines = this.digest.take(this.deps.digestLimit);
    if (await this.notifyOnce(key, { kind: 'daily-digest', date, lines })) this.counts.digests += 1;
  }
}
