import path from 'node:path';
import { ClientMailer } from '../../shared/application/client-mailer';
import type { StatementService } from '../../shared/application/statement-service';
import type { PolicyRegistry } from '../../shared/application/policy-registry';
import { MailIntakeService } from '../../shared/application/intake/mail-intake-service';
import { MailPoller, type PollReport } from '../../shared/application/intake/mail-poller';
import type { Clock, IdGenerator, Mailbox, Mailer, Notifier, Store } from '../../shared/application/ports';
import type { TicketCommands } from '../../shared/application/ticket-commands';
import { createCredential, createGraphClient, GRAPH_BASE_URL, type GraphCredentialConfig } from '../../shared/infra/graph';
import { storeCredentialConfig } from '../store-wiring';
import { FileAttachmentStore } from '../../shared/infra/mail/attachment-store';
import { GraphMailbox } from '../../shared/infra/mail/graph-mailbox';
import type { StepQueue } from '../../shared/infra/graph/step-queue';
import { SharePointStore } from '../../shared/infra/sharepoint';
import type { MailboxHealth } from '../../shared/infra/mail/mailbox-health';
import { GraphMailer } from '../../shared/infra/mail/graph-mailer';
import { GraphSubscriptions } from '../../shared/infra/mail/graph-subscriptions';
import { MaildropMailbox } from '../../shared/infra/mail/maildrop-mailbox';
import { OutboxMailer } from '../../shared/infra/mail/outbox-mailer';
import { DEFAULT_POLICY } from '../../shared/domain/policy';
import type { Config } from '../config';
import { holderKnownDead, leaseHolderName } from './lease-holder';

/**
 * The email channel's adapters, chosen by MAIL_MODE:
 * - maildrop (default): .eml files in DATA_DIR/maildrop -> intake; outbound .eml in DATA_DIR/outbox.
 * - graph: the support mailbox on Microsoft 365 (delta query + flagged mail in consultants' mailboxes);
 *   outbound sent from it. Signs in as the service identity (GRAPH_AUTH: managed-identity, certificate or
 *   secret, with AZURE_*; the same as the SharePoint store), or in development with GRAPH_TENANT_ID,
 *   GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET. Needs MAIL_SUPPORT_ADDRESS.
 * - log: no mailbox; outbound mail as log lines (main.ts keeps its LogMailer).
 */
export function buildMailer(config: Config, clock: Clock, store?: Store): Mailer | undefined {
  if (config.MAIL_MODE === 'maildrop')
    return new OutboxMailer({
      dir: path.join(config.DATA_DIR, 'outbox'),
      from: config.MAIL_SUPPORT_ADDRESS,
      fromName: config.MAIL_FROM_NAME,
      clock,
    });
  if (config.MAIL_MODE === 'graph')
    return new GraphMailer({
      client: graphClient(config),
      supportMailbox: config.MAIL_SUPPORT_ADDRESS,
      fromName: config.MAIL_FROM_NAME,
      clock,
      storeSteps: store && sharedStoreSteps(config, store),
    });
  return undefined;
}

/**
 * The SharePoint store's step queue, when Graph mail signs in as the store's app (GRAPH_AUTH): mail
 * requests then ride in the store's batches (a send with its record, a tag with the settle's writes).
 * A development secret app for mail (GRAPH_TENANT_ID...) may lack the store's permissions: not shared.
 */
export function sharedStoreSteps(config: Config, store: Store): StepQueue | undefined {
  return store instanceof SharePointStore && config.GRAPH_AUTH ? store.steps : undefined;
}

export interface MailChannel {
  mailbox: Mailbox;
  poller: MailPoller;
  /** MAIL_MODE=graph with GRAPH_NOTIFICATION_URL: the Inbox subscriptions (start once the server listens). */
  subscriptions?: GraphSubscriptions;
  /** MAIL_MODE=graph: each mailbox's state and last successful read (for /healthz). */
  health?: () => Promise<MailboxHealth[]>;
  /** Starts polling every MAIL_POLL_SECONDS; returns a stop function that waits for the pass under way. */
  start(onReport: (report: PollReport) => void, onError: (error: unknown) => void): () => Promise<void>;
}

export function buildMailChannel(deps: {
  config: Config;
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  tickets: TicketCommands;
  clientMail: ClientMailer;
  policies: PolicyRegistry;
  notifier: Notifier;
  statements?: Pick<StatementService, 'recordReply'>;
}): MailChannel | undefined {
  const { config, store, clock } = deps;
  if (config.MAIL_MODE === 'log') return undefined;
  const attachments = new FileAttachmentStore(
    path.join(config.DATA_DIR, 'mail', 'attachments'),
    config.MAIL_ATTACHMENT_MAX_BYTES,
  );
  const graphMailbox =
    config.MAIL_MODE === 'graph'
      ? new GraphMailbox({
          client: graphClient(config),
          supportMailbox: config.MAIL_SUPPORT_ADDRESS,
          consultantMailboxes: config.GRAPH_CONSULTANT_MAILBOXES,
          state: store.state,
          attachments,
          clock,
          dataDir: config.DATA_DIR,
          notifier: deps.notifier,
          storeSteps: sharedStoreSteps(config, store),
        })
      : undefined;
  const mailbox: Mailbox = graphMailbox ?? new MaildropMailbox({ dataDir: config.DATA_DIR, attachments, clock });
  const intake = new MailIntakeService({
    tickets: deps.tickets,
    store,
    clientMailer: deps.clientMail,
    policies: deps.policies,
    notifier: deps.notifier,
    clock,
    ids: deps.ids,
    ownAddresses: [config.MAIL_SUPPORT_ADDRESS],
    senderAuthentication: config.MAIL_SENDER_AUTHENTICATION ?? DEFAULT_POLICY.mail.senderAuthentication,
    statements: deps.statements,
  });
  let onError: (error: unknown) => void = () => undefined;
  // Released on a clean stop (below); taken over at once from a holder on this host whose process is gone.
  const lease = {
    leases: store.leases,
    clock,
    name: `mail-intake:${mailbox.kind}`,
    holder: leaseHolderName(config.INSTANCE_ID),
    ttlMs: Math.max(60_000, config.MAIL_POLL_SECONDS * 4000),
    holderGone: (holder: string) => holderKnownDead(holder),
  };
  const poller = new MailPoller(mailbox, intake, { onError: (error) => onError(error), lease });
  const subscriptions =
    graphMailbox && config.GRAPH_NOTIFICATION_URL && config.GRAPH_NOTIFICATION_CLIENT_STATE
      ? new GraphSubscriptions({
          client: graphClient(config),
          mailboxes: [config.MAIL_SUPPORT_ADDRESS, ...config.GRAPH_CONSULTANT_MAILBOXES],
          notificationUrl: config.GRAPH_NOTIFICATION_URL,
          clientState: config.GRAPH_NOTIFICATION_CLIENT_STATE,
          state: store.state,
          leases: store.leases,
          holder: config.INSTANCE_ID,
          clock,
          triggerDeltaRead: () => void poller.pollOnce().catch((error: unknown) => onError(error)),
        })
      : undefined;
  return {
    mailbox,
    poller,
    ...(graphMailbox ? { health: () => graphMailbox.health() } : {}),
    ...(subscriptions ? { subscriptions } : {}),
    start(onReport, reportError) {
      onError = reportError;
      const tick = () =>
        poller.pollOnce().then((report) => report.outcomes.length + report.retried > 0 && onReport(report), reportError);
      const timer = setInterval(tick, config.MAIL_POLL_SECONDS * 1000);
      void tick();
      return async () => {
        clearInterval(timer);
        await poller.idle();
        await store.leases.releaseLease(lease.name, lease.holder);
      };
    },
  };
}

/** The credential mail intake and sending sign in with: the service identity (GRAPH_AUTH), or the development-only secret app. */
export function mailCredentialConfig(config: Config): GraphCredentialConfig {
  if (config.GRAPH_AUTH) return storeCredentialConfig(config);
  if (!config.GRAPH_TENANT_ID || !config.GRAPH_CLIENT_ID || !config.GRAPH_CLIENT_SECRET) {
    throw new Error(
      'invalid configuration: MAIL_MODE=graph needs GRAPH_AUTH (managed-identity, certificate or secret, with AZURE_CLIENT_ID ...) or, in development, GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET',
    );
  }
  return {
    kind: 'client-secret',
    tenantId: config.GRAPH_TENANT_ID,
    clientId: config.GRAPH_CLIENT_ID,
    clientSecret: config.GRAPH_CLIENT_SECRET,
  };
}

function graphClient(config: Config) {
  return createGraphClient({
    credential: createCredential(mailCredentialConfig(config)),
    baseUrl: config.GRAPH_BASE_URL ?? GRAPH_BASE_URL,
  });
}
