import { resolve } from 'node:path';
import type { Mailer, Notifier } from '../shared/application/ports';
import { SlaMonitor } from '../shared/application/sla-monitor/sla-monitor';
import { LogMailer } from '../shared/infra/log/log-mailer';
import { LogNotifier } from '../shared/infra/log/log-notifier';
import { LogSideEffectErrors } from '../shared/infra/log/log-side-effects';
import { version as packageVersion } from '../package.json';
import { assertSafeForProduction, parseConfig } from './config';
import { seedDemo } from './demo/seed-demo';
import { createServer } from './server';
import { buildServices } from './services';
import { systemClock, uuidIds } from './system-ports';
import { crashProbe, installTestHooks } from './test-hooks';
import { openConfiguredStore } from './store-wiring';
import { buildTeams } from './teams/teams-wiring';
import { buildMailChannel, buildMailer } from './mail/mail-wiring';
import { GRAPH_NOTIFICATION_PATH, registerGraphNotificationRoute } from './mail/graph-notification-route';
import { wireApi } from './api/api-wiring';
import { registerLegalRoutes } from './legal/legal-routes';

/** Human-readable start-up lines (events after start-up are JSON lines from the log adapters). */
function say(line: string): void {
  console.log(`[soporte] ${line}`);
}

/** Composition root: parse config -> build adapters -> services -> monitor -> listen. */
async function main(): Promise<void> {
  // ---- settings --------------------------------------------------------------------------------
  const config = parseConfig(process.env);
  // Production refuses an unsafe configuration before anything starts (no store opened, no lease, no timer).
  assertSafeForProduction(config);
  const startedAt = new Date();
  const clock = systemClock(config.TEST_CLOCK_START);
  say(`Soporte ${packageVersion} starting (${config.NODE_ENV})`);

  // ---- store -----------------------------------------------------------------------------------
  const { store, description: storeDescription, sweepPageSize } = await openConfiguredStore(config, clock);
  say(`store: ${storeDescription}`);

  // ---- outbound adapters (structured log lines until the email and Teams adapters are configured)
  const mailer: Mailer = buildMailer(config, clock, store) ?? new LogMailer(clock);
  const sideEffects = new LogSideEffectErrors(clock, (line) => process.stderr.write(`${line}\n`));
  // Teams: the bot identity is checked here (production refuses to start without one); notifications
  // with no Teams conversation yet (bot not installed there) fall back to log lines.
  const teams = buildTeams(config, { store, clock, sideEffects, fallback: new LogNotifier(clock) });
  const notifier: Notifier = teams.notifier;
  say(
    `mail: ${config.MAIL_MODE === 'maildrop' ? `outbox ${resolve(config.DATA_DIR, 'outbox')}` : config.MAIL_MODE === 'graph' ? `Graph mailbox ${config.MAIL_SUPPORT_ADDRESS}` : 'log lines (component "mailer")'}; notifications: Teams cards where the bot is installed, else log lines (component "notifier")`,
  );

  // ---- application services --------------------------------------------------------------------
  const services = buildServices({
    store,
    clock,
    ids: uuidIds,
    mailer,
    notifier,
    sideEffects,
    probe: crashProbe(config.TEST_CRASH_AT),
  });

  // ---- demo data (first start on an empty store; never in production) --------------------------
  if (config.SEED_DEMO) {
    const outcome = await seedDemo(store, services);
    say(
      outcome.seeded
        ? `demo data loaded: client "demo", 3 requesters, 4 staff (Playground users), tickets ${outcome.tickets.join(', ')}`
        : `demo data: not loaded (${outcome.reason})`,
    );
  } else {
    say('demo data: disabled (SEED_DEMO=false or production)');
  }

  // ---- SLA monitor and email intake (built here, started once everything is wired) -------------
  const monitor = new SlaMonitor({
    store,
    clock,
    notifier,
    mail: services.clientMail,
    tickets: services.tickets,
    policies: services.policies,
    sideEffects,
    statements: services.statements,
    holder: config.INSTANCE_ID,
    intervalMs: config.SLA_SWEEP_SECONDS * 1000,
    ...(sweepPageSize ? { pageSize: sweepPageSize } : {}),
  });
  const mailChannel = buildMailChannel({
    config,
    store,
    clock,
    ids: uuidIds,
    tickets: services.tickets,
    clientMail: services.clientMail,
    policies: services.policies,
    notifier,
    statements: services.statements,
  });

  // ---- HTTP server and routes ------------------------------------------------------------------
  const server = createServer({
    startedAt,
    version: packageVersion,
    bodyLimits: { apiBytes: config.API_MAX_BODY_BYTES, botBytes: config.BOT_MAX_BODY_BYTES },
    health: async () => {
      const status = await monitor.status();
      return {
        store: { kind: store.kind, schemaVersion: await store.schemaVersion() },
        monitor: {
          lastSweep: status.lastSweep ?? null,
          leaseHolder: status.lease?.holder ?? null,
          leaseUntil: status.lease?.until ?? null,
          instance: status.holder,
        },
        ...(mailChannel?.health ? { mailboxes: await mailChannel.health() } : {}),
      };
    },
  });

  // ---- privacy statement, terms of use, support page (the manifests link them) ----------------------
  registerLegalRoutes(server, {
    name: config.PARTNER_NAME,
    email: config.PARTNER_EMAIL ?? config.MAIL_SUPPORT_ADDRESS,
    supportMailbox: config.MAIL_SUPPORT_ADDRESS,
    ...(config.PARTNER_WEBSITE ? { website: config.PARTNER_WEBSITE } : {}),
  });
  say(`legal pages: /legal/privacy, /legal/terms, /legal/support for ${config.PARTNER_NAME}`);

  // ---- REST API for the Outlook add-in (/api/v1) and the add-in itself (/addin/) ---------------
  for (const line of await wireApi(server, {
    settings: config,
    store,
    clock,
    ids: uuidIds,
    services,
    supportAddress: config.MAIL_SUPPORT_ADDRESS,
  }))
    say(line);

  // ---- Teams bot (POST /api/messages) ----------------------------------------------------------
  teams.attach(server, {
    tickets: services.tickets.via('teams'),
    queries: services.queries,
    billing: services.billing,
    statements: services.statements,
  });
  say(teams.describe());

  if (mailChannel && config.MAIL_MODE === 'graph' && config.GRAPH_NOTIFICATION_CLIENT_STATE) {
    const subscriptions = mailChannel.subscriptions;
    registerGraphNotificationRoute(
      server,
      config.GRAPH_NOTIFICATION_CLIENT_STATE,
      () => {
        mailChannel.poller
          .pollOnce()
          .catch((error: unknown) =>
            sideEffects.report(error, { action: 'mail-intake', what: 'delta read after a Graph notification' }),
          );
      },
      (event, subscriptionId) => {
        subscriptions
          ?.onLifecycle(event, subscriptionId)
          .catch((error: unknown) =>
            sideEffects.report(error, { action: 'mail-intake', what: `Graph lifecycle notification ${event}` }),
          );
      },
    );
    say(
      `mail: Graph change notifications on POST ${GRAPH_NOTIFICATION_PATH}${subscriptions ? ` (subscriptions managed for ${config.GRAPH_NOTIFICATION_URL})` : ''}`,
    );
  }

  // ---- test hooks (NODE_ENV=test only) ---------------------------------------------------------
  if (config.NODE_ENV === 'test') installTestHooks(services, () => clock.now());

  // ---- start the timers: SLA monitor, email intake (maildrop folder or Graph mailbox, polled) ---
  monitor.start();
  say(`SLA monitor: sweeping every ${config.SLA_SWEEP_SECONDS} s as ${config.INSTANCE_ID}`);
  const stopMail = mailChannel?.start(
    (report) =>
      report.outcomes.forEach((o) =>
        say(`mail ${o.id}: ${o.disposition} (${o.action}${o.ticketNumber ? ` ${o.ticketNumber}` : ''}) ${o.reason}`),
      ),
    (error) => sideEffects.report(error, { action: 'mail-intake', what: 'reading the mailbox' }),
  );
  say(
    mailChannel
      ? `mail intake: ${mailChannel.mailbox.kind} every ${config.MAIL_POLL_SECONDS} s${config.MAIL_MODE === 'maildrop' ? ` (drop .eml files in ${resolve(config.DATA_DIR, 'maildrop')})` : ''}`
      : 'mail intake: off (MAIL_MODE=log)',
  );

  // ---- listen and shut down --------------------------------------------------------------------
  server.listen(config.PORT, config.HOST, () => {
    say(`listening on http://${config.HOST}:${config.PORT} (GET /healthz)`);
    // Graph validates the notification URL when a subscription is created: only once we answer it.
    mailChannel?.subscriptions?.start((error) =>
      sideEffects.report(error, { action: 'mail-intake', what: 'creating or renewing the Graph subscriptions' }),
    );
  });
  const shutdown = (signal: string) => {
    say(`${signal}: shutting down`);
    server.close();
    monitor
      .stop()
      .then(() => mailChannel?.subscriptions?.stop())
      .then(() => stopMail?.())
      .then(() => store.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error('[soporte] shutdown failed:', error);
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('[soporte] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
