import path from 'node:path';
import { ClientMailer } from '../../shared/application/client-mailer';
import type { StatementService } from '../../shared/application/statement-service';
import { MailIntakeService } from '../../shared/application/mail-intake-service';
import { MailPoller, type PollReport } from '../../shared/application/mail-poller';
import type { Mailbox } from '../../shared/application/mailbox';
import type { Clock, IdGenerator, Mailer, Notifier, Store } from '../../shared/application/ports';
import type { TicketCommands } from '../../shared/application/ticket-commands';
import { createCredential, createGraphClient, GRAPH_BASE_URL } from '../../shared/infra/graph';
import { FileAttachmentStore } from '../../shared/infra/mail/attachment-store';
import { GraphMailbox } from '../../shared/infra/mail/graph-mailbox';
import { GraphMailer } from '../../shared/infra/mail/graph-mailer';
import { MaildropMailbox } from '../../shared/infra/mail/maildrop-mailbox';
import { OutboxMailer } from '../../shared/infra/mail/outbox-mailer';
import type { Config } from '../config';

/**
 * The email channel's adapters, chosen by MAIL_MODE:
 * - maildrop (default): .eml files in DATA_DIR/maildrop -> intake; outbound .eml in DATA_DIR/outbox.
 * - graph: the support mailbox on Microsoft 365 (delta query + flagged mail in consultants' mailboxes);
 *   outbound sent from it. Needs GRAPH_TENANT_ID, GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET, MAIL_SUPPORT_ADDRESS.
 * - log: no mailbox; outbound mail as log lines (main.ts keeps its LogMailer).
 */
export function buildMailer(config: Config, clock: Clock): Mailer | undefined {
  if (config.MAIL_MODE === 'maildrop') return new OutboxMailer({ dir: path.join(config.DATA_DIR, 'outbox'), from: config.MAIL_SUPPORT_ADDRESS, fromName: config.MAIL_FROM_NAME, clock });
  if (config.MAIL_MODE === 'graph') return new GraphMailer({ client: graphClient(config), supportMailbox: config.MAIL_SUPPORT_ADDRESS });
  return undefined;
}

export interface MailChannel {
  mailbox: Mailbox;
  poller: MailPoller;
  /** Starts polling every MAIL_POLL_SECONDS; returns a stop function that waits for the pass under way. */
  start(onReport: (report: PollReport) => void, onError: (error: unknown) => void): () => Promise<void>;
}

export function buildMailChannel(deps: { config: Config; store: Store; clock: Clock; ids: IdGenerator; tickets: TicketCommands; clientMail: ClientMailer; notifier: Notifier; statements?: Pick<StatementService, 'recordReply'> }): MailChannel | undefined {
  const { config, store, clock } = deps;
  if (config.MAIL_MODE === 'log') return undefined;
  const attachments = new FileAttachmentStore(path.join(config.DATA_DIR, 'mail', 'attachments'), config.MAIL_ATTACHMENT_MAX_BYTES);
  const mailbox: Mailbox =
    config.MAIL_MODE === 'graph'
      ? new GraphMailbox({ client: graphClient(config), supportMailbox: config.MAIL_SUPPORT_ADDRESS, consultantMailboxes: config.GRAPH_CONSULTANT_MAILBOXES, state: store.state, attachments, clock, dataDir: config.DATA_DIR })
      : new MaildropMailbox({ dataDir: config.DATA_DIR, attachments, clock });
  const intake = new MailIntakeService({ tickets: deps.tickets, store, clientMailer: deps.clientMail, notifier: deps.notifier, clock, ids: deps.ids, ownAddresses: [config.MAIL_SUPPORT_ADDRESS], statements: deps.statements });
  let onError: (error: unknown) => void = () => undefined;
  const lease = { leases: store.leases, clock, name: `mail-intake:${mailbox.kind}`, holder: config.INSTANCE_ID, ttlMs: Math.max(60_000, config.MAIL_POLL_SECONDS * 4000) };
  const poller = new MailPoller(mailbox, intake, { onError: (error) => onError(error), lease });
  return {
    mailbox,
    poller,
    start(onReport, reportError) {
      onError = reportError;
      const tick = () => poller.pollOnce().then((report) => report.outcomes.length + report.retried > 0 && onReport(report), reportError);
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

function graphClient(config: Config) {
  if (!config.GRAPH_TENANT_ID || !config.GRAPH_CLIENT_ID || !config.GRAPH_CLIENT_SECRET) {
    throw new Error('invalid configuration: MAIL_MODE=graph needs GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET');
  }
  const credential = createCredential({ kind: 'client-secret', tenantId: config.GRAPH_TENANT_ID, clientId: config.GRAPH_CLIENT_ID, clientSecret: config.GRAPH_CLIENT_SECRET });
  return createGraphClient({ credential, baseUrl: config.GRAPH_BASE_URL ?? GRAPH_BASE_URL });
}
