import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { MailIntakeService } from '../../shared/application/intake/mail-intake-service';
import type { IdGenerator, Notification, Notifier, SideEffectErrors } from '../../shared/application/ports';
import { SUPPORT } from '../mail/intake-harness';
import { seedAcme } from '../support/acme';
import { CapturingMailer, ManualClock, SequentialIds } from '../support/doubles';
import type { Ticket } from '../../shared/domain/ticket';
import type { Actor, StaffRole } from '../../shared/domain/ticket';
import { SlaMonitor } from '../../shared/application/sla-monitor/sla-monitor';
import { openSqliteStore, type SqliteStore } from '../../shared/infra/sqlite/sqlite-store';
import { createServer } from '../../bot/server';
import { buildServices, type Services } from '../../bot/services';
import type { BotIdentity } from '../../bot/adapter/bot-identity';
import type { SoporteBot } from '../../bot/teams/soporte-bot';
import { TeamsRuntime } from '../../bot/teams/teams-runtime';

/** Monday 2 March 2026, 10:00 in Mexico City (16:00 UTC): inside support hours. */
export const MONDAY_10AM = '2026-03-02T16:00:00.000Z';

/** What fell back to the log notifier (no Teams conversation for it). */
export class FallbackNotifier implements Notifier {
  readonly sent: Notification[] = [];
  async notify(notification: Notification): Promise<{ ref?: string }> {
    this.sent.push(notification);
    return {};
  }
}

export class Problems implements SideEffectErrors {
  readonly errors: unknown[] = [];
  report(error: unknown): void {
    this.errors.push(error);
  }
}

/** The staff of the fixture: one per role, each with an Entra object id. */
export const STAFF: Array<{ id: string; name: string; role: StaffRole; aadObjectId: string; locale: 'en' | 'es-MX' }> = [
  { id: 'staff-l1', name: 'Luis L1', role: 'L1', aadObjectId: 'aad-l1', locale: 'es-MX' },
  { id: 'staff-l2', name: 'Lena L2', role: 'L2', aadObjectId: 'aad-l2', locale: 'en' },
  { id: 'staff-manager', name: 'Marta Manager', role: 'manager', aadObjectId: 'aad-manager', locale: 'es-MX' },
];

/** What /api/messages answers: replies (expectReplies) or an invoke response. */
export interface BotHttpBody {
  activities?: Array<{ type: string; text?: string; attachments?: Array<{ content: unknown }> }>;
  statusCode?: number;
  type?: string;
  value?: unknown;
}

export const INTAKE: Actor = { role: 'system', id: 'mail-intake' };

/**
 * The bot over the real stack: SQLite in a temp dir, the real services (bot/services.ts), the Teams
 * runtime (CloudAdapter in local mode, TeamsNotifier), and the restify server on 127.0.0.1:0.
 */
export class BotHarness {
  readonly clock = new ManualClock(new Date(MONDAY_10AM));
  readonly mailer = new CapturingMailer();
  readonly fallback = new FallbackNotifier();
  readonly problems = new Problems();
  readonly turnErrors: unknown[] = [];
  store!: SqliteStore;
  services!: Services;
  runtime!: TeamsRuntime;
  bot!: SoporteBot;
  server!: restify.Server;
  baseUrl = '';
  dir = '';

  /** `socketPath`: listen on a Unix socket instead of 127.0.0.1 (a peer that is not loopback). */
  static async start(options: { identity?: BotIdentity; socketPath?: string } = {}): Promise<BotHarness> {
    const h = new BotHarness();
    h.dir = mkdtempSync(join(tmpdir(), 'soporte-bot-'));
    h.store = await openSqliteStore({ dataDir: h.dir, clock: h.clock });
    h.runtime = new TeamsRuntime({
      identity: options.identity ?? { mode: 'local' },
      store: h.store,
      clock: h.clock,
      fallback: h.fallback,
      reportError: (error) => h.turnErrors.push(error),
    });
    h.services = buildServices({
      store: h.store,
      clock: h.clock,
      ids: new SequentialIds('bot'),
      mailer: h.mailer,
      notifier: h.runtime.notifier,
      sideEffects: h.problems,
    });
    h.server = createServer({ startedAt: h.clock.now(), version: 'test' });
    h.bot = h.runtime.attach(h.server, {
      tickets: h.services.tickets.via('teams'),
      queries: h.services.queries,
      billing: h.services.billing,
      statements: h.services.statements,
    });
    if (options.socketPath) {
      await new Promise<void>((resolve) => h.server.listen(options.socketPath, () => resolve()));
    } else {
      await new Promise<void>((resolve) => h.server.listen(0, '127.0.0.1', () => resolve()));
      h.baseUrl = `http://127.0.0.1:${(h.server.address() as AddressInfo).port}`;
    }
    await h.seed();
    return h;
  }

  private seed(): Promise<void> {
    return seedAcme(this.store, {
      client: { tenantId: '11111111-2222-3333-4444-555555555555' },
      staff: STAFF.map((s) => ({ ...s, email: `${s.id}@partner.example`, active: true })),
    });
  }

  /** A ticket opened by mail intake (as a client's email would). */
  async openTicket(input: { subject?: string; priority?: Ticket['priority']; description?: string } = {}): Promise<Ticket> {
    const { ticket } = await this.services.tickets.open(INTAKE, {
      clientId: 'acme',
      requesterEmail: 'ana@acme.example',
      subject: input.subject ?? 'Exchange mailbox does not sync',
      description: input.description ?? 'Since this morning the finance mailbox does not receive mail in Outlook.',
      channel: 'email',
      priority: input.priority ?? 'high',
      sourceMessageId: `<m-${Math.random().toString(36).slice(2)}@acme.example>`,
    });
    return ticket;
  }

  /** The real SLA monitor over this store, notifying through the TeamsNotifier (sweep() by hand). */
  monitor(): SlaMonitor {
    return new SlaMonitor({
      store: this.store,
      clock: this.clock,
      notifier: this.runtime.notifier,
      mail: this.services.clientMail,
      tickets: this.services.tickets,
      policies: this.services.policies,
      sideEffects: this.problems,
      holder: 'test-monitor',
    });
  }

  /** POSTs an activity to /api/messages; returns the status and the parsed body (if any). */
  async post(activity: object, headers: Record<string, string> = {}): Promise<{ status: number; body: BotHttpBody }> {
    const response = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as BotHttpBody };
  }

  /** Mail intake on the bot's services, as the server wires it for the support mailbox. */
  mailIntake(ids: IdGenerator): MailIntakeService {
    return new MailIntakeService({
      tickets: this.services.tickets,
      store: this.store,
      clientMailer: this.services.clientMail,
      notifier: this.runtime.notifier,
      clock: this.clock,
      ids,
      ownAddresses: [SUPPORT],
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
