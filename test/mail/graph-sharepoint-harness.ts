import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { THREAD_KEY_PREFIX } from '../../shared/application/mail-thread';
import { MailIntakeService } from '../../shared/application/intake/mail-intake-service';
import { MailPoller } from '../../shared/application/intake/mail-poller';
import { FileAttachmentStore } from '../../shared/infra/mail/attachment-store';
import { GraphMailbox } from '../../shared/infra/mail/graph-mailbox';
import { GraphMailer } from '../../shared/infra/mail/graph-mailer';
import { openSharePointStore, type SharePointStore } from '../../shared/infra/sharepoint';
import { ManualClock, SequentialIds } from '../application/fixture';
import { ANA, LUIS, seedAcme } from '../support/acme';
import type { GraphService } from '../support/graph-service';
import type { CapturingNotifier, CollectedErrors } from '../support/doubles';
import { ticketServiceFor, type TicketWiring } from '../support/ticket-wiring';
import { startSharePoint, type SharePointHarness } from '../infra/sharepoint/sharepoint-harness';

export const SUPPORT = 'soporte@partner.example';

/** One server instance: its own store client and caches, Graph mail, intake and poller. */
export interface MailInstance extends TicketWiring<CapturingNotifier, CollectedErrors> {
  store: SharePointStore;
  mailer: GraphMailer;
  mailbox: GraphMailbox;
  poller: MailPoller;
  /** What the poller's passes failed with. */
  pollErrors: unknown[];
}

export interface GraphMailOnSharePoint extends MailInstance {
  graph: GraphService;
  clock: ManualClock;
  /** A second server instance on the same site and mailbox (its own lease holder name). */
  another(holder: string): Promise<MailInstance>;
  /** A client's message lands in the support Inbox (received now). */
  arrive(id: string, subject: string, body: string, inReplyTo?: string): Promise<string>;
  close(): Promise<void>;
}

/** The intake lease as the server takes it (bot/mail/mail-wiring.ts). */
export const LEASE_TTL_MS = 60_000;

async function instance(sp: SharePointHarness, clock: ManualClock, dataDir: string, holder: string): Promise<MailInstance> {
  const client = sp.graph.client();
  // As bot/store-wiring.ts opens it: directory lookups and email threads kept 30 s.
  const store = await openSharePointStore({
    client,
    siteId: sp.siteId,
    batch: { maxRetryDelayMs: 50 },
    directoryCache: { clock, ttlMs: 30_000 },
    stateCache: { clock, ttlMs: 30_000, prefixes: [THREAD_KEY_PREFIX] },
  });
  const ids = new SequentialIds(`life-${holder}`);
  const mailer = new GraphMailer({ client, supportMailbox: SUPPORT, clock, storeSteps: store.steps });
  const wiring = ticketServiceFor(store, clock, {
    ids,
    mailer,
    policiesOnClock: true, // as the server builds it (bot/services.ts)
  });
  const intake = new MailIntakeService({
    tickets: wiring.tickets,
    store,
    clientMailer: wiring.mail,
    policies: wiring.policies,
    notifier: wiring.notifier,
    clock,
    ids,
    ownAddresses: [SUPPORT],
  });
  const mailbox = new GraphMailbox({
    client,
    supportMailbox: SUPPORT,
    state: store.state,
    attachments: new FileAttachmentStore(path.join(dataDir, holder, 'att')),
    clock,
    dataDir: path.join(dataDir, holder),
    notifier: wiring.notifier,
    storeSteps: store.steps,
  });
  const pollErrors: unknown[] = [];
  const lease = { leases: store.leases, clock, name: 'mail-intake:graph', holder, ttlMs: LEASE_TTL_MS };
  const poller = new MailPoller(mailbox, intake, { onError: (e) => pollErrors.push(e), lease });
  return { ...wiring, store, mailer, mailbox, poller, pollErrors };
}

/**
 * The server's production wiring on the test Graph service (bot/store-wiring.ts, bot/mail/mail-wiring.ts):
 * the SharePoint store, Graph mail signed in as the same app (its requests ride in the store's batches),
 * intake and its poller under the intake lease. ACME and Ana are seeded, and a first mail pass has
 * recorded the start instant and the delta token.
 */
export async function startGraphMailOnSharePoint(): Promise<GraphMailOnSharePoint> {
  const sp = await startSharePoint();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'soporte-graph-sharepoint-'));
  const { graph } = sp;
  graph.mail.addMailbox({ userPrincipalName: SUPPORT });
  const clock = new ManualClock(new Date('2026-03-02T16:00:00.000Z'));
  const first = await instance(sp, clock, dataDir, 'instance-1');
  await seedAcme(first.store, { requesters: [{ ...ANA, name: 'Ana López' }], staff: [LUIS] });
  await first.poller.pollOnce();
  return {
    ...first,
    graph,
    clock,
    another: (holder) => instance(sp, clock, dataDir, holder),
    arrive: (id, subject, body, inReplyTo) =>
      graph.mail.seedMime(
        SUPPORT,
        [
          'From: Ana López <ana@acme.example>',
          `To: Soporte <${SUPPORT}>`,
          `Subject: ${subject}`,
          `Date: ${clock.now().toUTCString()}`,
          `Message-ID: ${id}`,
          ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`, `References: ${inReplyTo}`] : []),
          'MIME-Version: 1.0',
          'Content-Type: text/plain; charset=utf-8',
          '',
          body,
          '',
        ].join('\r\n'),
        { receivedDateTime: clock.now().toISOString() },
      ),
    async close() {
      await graph.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
