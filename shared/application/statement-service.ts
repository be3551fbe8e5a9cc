import { DateTime } from 'luxon';
import { NotAuthorizedError, NotFoundError, ValidationError, ConflictError } from '../domain/common';
import { t } from '../domain/i18n';
import { isEffective } from '../domain/requesters';
import { slaStatus } from '../domain/sla';
import { buildStatement } from '../domain/statement';
import { statementId, statementReplyIntent, type Statement } from '../domain/statement';
import { statementMonthDue } from '../domain/statement';
import { monthSpan } from '../domain/dashboard';
import type { Actor } from '../domain/ticket';
import { claimOnce } from './claim-once';
import type { PolicyRegistry } from './policy-registry';
import type { Clock, Mailer, Notifier, Store } from './ports';
import type { StatementFile, StatementRenderer } from './statement-ports';
import { SweepCalendars } from './sla-monitor/sweep-calendars';

const REVIEWERS = new Set(['manager', 'system']);

export interface StatementReply {
  from: string;
  text: string;
  messageId?: string | undefined;
  inReplyTo?: string | undefined;
  references?: string[] | undefined;
}

/**
 * Monthly statements: drafted for the month before on the first business day (once per client and month)
 * or on demand, reviewed by a manager in Teams, then sent to the client's administrators or held with a
 * note. Nothing goes to a client without a manager's action; a sent statement never changes.
 */
export class StatementService {
  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      policies: PolicyRegistry;
      renderer: StatementRenderer;
      mailer: Mailer;
      notifier: Notifier;
      timeZone: string;
    },
  ) {}

  /** Drafts (or redrafts, until sent) the statement of `clientId` for `month`, and asks the managers to review it. */
  async draft(actor: Actor, clientId: string, month: string): Promise<{ statement: Statement; files: StatementFile[] }> {
    this.assertReviewer(actor, 'draft statements');
    const client = await this.deps.policies.client(clientId);
    const { policy } = await this.deps.policies.forClient(client);
    const span = monthSpan(month, policy.calendar.timezone);
    const now = this.deps.clock.now();
    if (span.to > now.getTime()) throw new ValidationError('month', `${month} has not ended yet`);
    const existing = await this.deps.store.statements.get(statementId(clientId, month));
    if (existing?.status === 'sent') throw new ConflictError('statement', existing.id, 'unsent', 'sent');

    const calendars = new SweepCalendars(
      await this.deps.store.afterHours.listWindows({ clientId, status: 'approved' }),
      this.deps.policies,
    );
    const tickets = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.tickets.list({ clientId, limit: 1000, cursor });
      for (const ticket of page.tickets) {
        if (Date.parse(ticket.openedAt) >= span.to || Date.parse(ticket.lastActivityAt) < span.from) continue;
        const ticketPolicy = await this.deps.policies.forTicket(ticket);
        tickets.push({
          ticket,
          sla: slaStatus(ticket, ticketPolicy, calendars.of(clientId, ticketPolicy), now),
          events: await this.deps.store.tickets.events(ticket.id),
        });
      }
      cursor = page.next;
    } while (cursor);
    const entries = await this.deps.store.tickets.timeEntries({
      clientId,
      from: new Date(span.from).toISOString(),
      to: new Date(span.to).toISOString(),
    });
    const statement: Statement = {
      id: statementId(clientId, month),
      clientId,
      month,
      status: 'draft',
      draftedAt: now.toISOString(),
      data: buildStatement({ client, policy, month, tickets, entries }),
    };
    await this.deps.store.statements.put(statement);
    const files = await this.deps.renderer.render(statement);
    await this.deps.notifier.notify({
      kind: 'statement-draft',
      statement,
      files: files.map((f) => f.name),
      recipients: await this.recipients(clientId),
    });
    return { statement, files };
  }

  /** The SLA monitor's monthly step: on the first business day, drafts last month's statement of every client, once each. */
  async draftDue(): Promise<string[]> {
    const now = this.deps.clock.now();
    const drafted: string[] = [];
    for (const client of await this.deps.store.directory.listClients()) {
      const { policy } = await this.deps.policies.forClient(client);
      const month = statementMonthDue(this.deps.policies.calendar(policy), policy.calendar.timezone, now);
      if (month === undefined) continue;
      const key = `statement:${client.id}:${month}`;
      if (!(await claimOnce(this.deps.store.alerts, key, 'statement-service', now))) continue;
      try {
        if ((await this.deps.store.statements.get(statementId(client.id, month)))?.status !== 'sent')
          await this.draft({ role: 'system', id: 'sla-monitor' }, client.id, month);
        await this.deps.store.alerts.complete(key, now, statementId(client.id, month));
        drafted.push(statementId(client.id, month));
      } catch (error) {
        await this.deps.store.alerts.release(key);
        throw error;
      }
    }
    return drafted;
  }

  /** A manager sends the statement to the client's administrators from the support mailbox, with its files. */
  async send(actor: Actor, id: string): Promise<Statement> {
    this.assertManager(actor, 'send statements');
    const statement = await this.get(id);
    if (statement.status === 'sent') throw new ConflictError('statement', id, 'unsent', 'sent');
    const to = await this.recipients(statement.clientId);
    if (to.length === 0)
      throw new ValidationError(
        'recipients',
        `client ${statement.clientId} has no active administrator to send the statement to`,
      );
    const now = this.deps.clock.now();
    const key = `statement-send:${id}`;
    if (!(await claimOnce(this.deps.store.alerts, key, actor.id, now)))
      throw new ConflictError('statement', id, 'unsent', 'sending');
    try {
      const files = await this.deps.renderer.render(statement);
      const { data } = statement;
      const locale = data.locale;
      const monthName = DateTime.fromFormat(data.month, 'yyyy-MM', { locale: locale === 'en' ? 'en' : 'es-MX' }).toFormat(
        'LLLL yyyy',
      );
      const hours = (data.summary.total.chargeableMinutes / 60).toFixed(2);
      const amount =
        data.totalCents === undefined
          ? ''
          : t(locale, 'statement.mail.amount', {
              amount: new Intl.NumberFormat(locale, { style: 'currency', currency: data.currency }).format(data.totalCents / 100),
            });
      // One statement conversation per client: each month's email refers to the ones sent before it.
      const earlier = (await this.deps.store.statements.list({ clientId: statement.clientId, status: 'sent' }))
        .map((s) => s.sentMessageId)
        .filter((id): id is string => id !== undefined);
      const { messageId } = await this.deps.mailer.send({
        kind: 'statement',
        to,
        ...(earlier.length > 0 ? { references: earlier } : {}),
        subject: t(locale, 'statement.mail.subject', { month: monthName }),
        text: t(locale, 'statement.mail.body', { month: monthName, tickets: data.tickets.opened, hours, amount }),
        locale,
        headers: { 'X-Soporte-Statement': id },
        attachments: files.map((f) => ({ name: f.name, contentType: f.contentType, content: f.content })),
      });
      const sent: Statement = {
        ...statement,
        status: 'sent',
        decidedBy: actor.id,
        decidedAt: now.toISOString(),
        sentMessageId: messageId,
        sentTo: to,
      };
      delete sent.note;
      await this.deps.store.statements.put(sent);
      await this.deps.store.alerts.complete(key, now, messageId);
      return sent;
    } catch (error) {
      await this.deps.store.alerts.release(key);
      throw error;
    }
  }

  /** A manager holds the statement (not sent) with a note saying why. */
  async hold(actor: Actor, id: string, note: string): Promise<Statement> {
    this.assertManager(actor, 'hold statements');
    if (!note.trim()) throw new ValidationError('note', 'say why the statement is held');
    const statement = await this.get(id);
    if (statement.status === 'sent') throw new ConflictError('statement', id, 'unsent', 'sent');
    const held: Statement = {
      ...statement,
      status: 'held',
      note: note.trim(),
      decidedBy: actor.id,
      decidedAt: this.deps.clock.now().toISOString(),
    };
    await this.deps.store.statements.put(held);
    return held;
  }

  /**
   * A client's email answering a sent statement (its In-Reply-To or References name the statement's
   * email): kept on the statement and passed to the managers as agreement or dispute. False when the
   * email answers no statement (intake goes on with it).
   */
  async recordReply(reply: StatementReply): Promise<boolean> {
    const candidates = [reply.inReplyTo, ...(reply.references ?? [])].filter((id): id is string => !!id);
    for (const messageId of candidates) {
      const statement = await this.deps.store.statements.findBySentMessageId(messageId);
      if (!statement) continue;
      const excerpt = reply.text.trim().slice(0, 500);
      const intent = statementReplyIntent(reply.text);
      const entry: NonNullable<Statement['replies']>[number] = {
        at: this.deps.clock.now().toISOString(),
        from: reply.from,
        intent,
        excerpt,
      };
      if (reply.messageId !== undefined) entry.messageId = reply.messageId;
      await this.deps.store.statements.addReply(statement.id, entry);
      await this.deps.notifier.notify({ kind: 'statement-reply', statement, from: reply.from, intent, excerpt });
      return true;
    }
    return false;
  }

  async get(id: string): Promise<Statement> {
    const statement = await this.deps.store.statements.get(id);
    if (!statement) throw new NotFoundError('statement', id);
    return statement;
  }

  /** The client's administrators active now (who receive statements). */
  async recipients(clientId: string): Promise<string[]> {
    const now = this.deps.clock.now();
    return (await this.deps.store.directory.listRequesters(clientId))
      .filter((r) => r.isClientAdmin && isEffective(r, now))
      .map((r) => r.email);
  }

  private assertReviewer(actor: Actor, what: string): void {
    if (!REVIEWERS.has(actor.role)) throw new NotAuthorizedError(actor.role, what, `only managers may ${what}`);
  }

  private assertManager(actor: Actor, what: string): void {
    if (actor.role !== 'manager') throw new NotAuthorizedError(actor.role, what, `only managers may ${what}`);
  }
}
