import type { AddressInfo } from 'node:net';
import { GRAPH_NOTIFICATION_PATH, registerGraphNotificationRoute } from '../../bot/mail/graph-notification-route';
import { createServer } from '../../bot/server';
import { GraphSubscriptions, MAIL_SUBSCRIPTION_MAX_MINUTES } from '../../shared/infra/mail/graph-subscriptions';
import { ManualClock } from '../application/fixture';
import { MESSAGE_SUBSCRIPTION_MAX_MINUTES, startGraphService, type GraphService } from '../support/graph-service';
import { intakeHarness, SUPPORT, type IntakeHarness } from './intake-harness';

const LUIS = 'luis@partner.example';
const CLIENT_STATE = 'a-long-client-state-secret';

let graph: GraphService;
let h: IntakeHarness;
let server: ReturnType<typeof createServer>;
let url: string;
let deltaReads: number;
let managers: GraphSubscriptions[];
const clock = new ManualClock(new Date('2026-03-02T16:00:00.000Z'));

function manager(holder: string): GraphSubscriptions {
  const m = new GraphSubscriptions({
    client: graph.client(),
    mailboxes: [SUPPORT, LUIS],
    notificationUrl: url,
    clientState: CLIENT_STATE,
    state: h.store.state,
    leases: h.store.leases,
    holder,
    clock,
    triggerDeltaRead: () => {
      deltaReads += 1;
    },
  });
  managers.push(m);
  return m;
}

beforeEach(async () => {
  clock.set('2026-03-02T16:00:00.000Z');
  graph = await startGraphService({ clock: () => clock.now() });
  graph.mail.addMailbox({ userPrincipalName: SUPPORT });
  graph.mail.addMailbox({ userPrincipalName: LUIS });
  h = await intakeHarness();
  deltaReads = 0;
  managers = [];
  // The real route: change notifications trigger a delta read, lifecycle ones go to the manager (the first one made).
  server = createServer({ startedAt: new Date(), version: 'test' });
  registerGraphNotificationRoute(
    server,
    CLIENT_STATE,
    () => {
      deltaReads += 1;
    },
    (event, id) => {
      void managers[0]!.onLifecycle(event, id);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${GRAPH_NOTIFICATION_PATH}`;
});
afterEach(async () => {
  for (const m of managers) await m.stop();
  server.close();
  await h.close();
  await graph.close();
});

test('the mail subscription lifetime is the documented 10,080 minutes on both sides', () => {
  expect(MAIL_SUBSCRIPTION_MAX_MINUTES).toBe(10_080);
  expect(MESSAGE_SUBSCRIPTION_MAX_MINUTES).toBe(10_080);
});

test('creates one Inbox subscription per mailbox at start (with the lifecycle URL); two instances never duplicate them', async () => {
  const [a, b] = [manager('instance-a'), manager('instance-b')];
  await Promise.all([a.ensure(), b.ensure()]);
  await b.ensure();
  const subs = graph.subscriptions.list();
  expect(subs.map((s) => [s.resource, s.lifecycleNotificationUrl, s.clientState])).toEqual([
    [`users/${SUPPORT}/mailFolders('inbox')/messages`, url, CLIENT_STATE],
    [`users/${LUIS}/mailFolders('inbox')/messages`, url, CLIENT_STATE],
  ]);
  expect(await h.store.state.getState(`graph-subscription:${SUPPORT}`)).toMatchObject({ id: subs[0]!.id, mailbox: SUPPORT });
  // Created at start: one delta read catches up with what came before; then a change notification triggers one.
  expect(deltaReads).toBe(1);
  deltaReads = 0;
  graph.mail.seed(SUPPORT, { subject: 'new', from: 'ana@acme.example' });
  await graph.subscriptions.flush();
  expect(deltaReads).toBe(1);
});

test('renews before expiry; recreates one Graph let expire; reauthorizes on reauthorizationRequired; recreates and reads delta on subscriptionRemoved and missed', async () => {
  const m = manager('instance-a');
  await m.ensure();
  const [first] = graph.subscriptions.list();
  // Six days later (under a day left): renewed, same id, later expiry.
  clock.set('2026-03-08T16:00:00.000Z');
  await m.ensure();
  const [renewed] = graph.subscriptions.list();
  expect(renewed!.id).toBe(first!.id);
  expect(Date.parse(renewed!.expirationDateTime)).toBeGreaterThan(Date.parse(first!.expirationDateTime));

  // Not renewed in time: Graph deletes it; the next check creates a new one and catches up by delta.
  clock.set('2026-03-20T16:00:00.000Z');
  expect(graph.subscriptions.list()).toEqual([]);
  deltaReads = 0;
  await m.ensure();
  const fresh = graph.subscriptions.list();
  expect(fresh).toHaveLength(2);
  expect(fresh[0]!.id).not.toBe(first!.id);
  expect(deltaReads).toBe(1);

  // reauthorizationRequired pauses delivery until answered: the manager renews it (same subscription).
  await graph.subscriptions.lifecycle(fresh[0]!.id, 'reauthorizationRequired');
  await m.idle();
  expect(graph.subscriptions.list()[0]).toMatchObject({ id: fresh[0]!.id });
  expect(graph.subscriptions.list()[0]!.needsReauthorization).toBeUndefined();

  // subscriptionRemoved: a new subscription for that mailbox, and a delta read.
  deltaReads = 0;
  await graph.subscriptions.lifecycle(fresh[1]!.id, 'subscriptionRemoved');
  await m.idle();
  const after = graph.subscriptions.list();
  expect(after).toHaveLength(2);
  expect(after.map((s) => s.id)).not.toContain(fresh[1]!.id);
  expect(after.find((s) => s.resource.includes(LUIS))).toBeDefined();
  expect(deltaReads).toBe(1);

  // missed: a delta read (the source of truth), nothing else.
  await graph.subscriptions.lifecycle(after[0]!.id, 'missed');
  await m.idle();
  expect(deltaReads).toBe(2);
  expect(graph.subscriptions.list().map((s) => s.id)).toEqual(after.map((s) => s.id));
  expect(
    graph.subscriptions.deliveries
      .filter((d) => ['reauthorizationRequired', 'subscriptionRemoved', 'missed'].includes(d.changeType))
      .map((d) => d.status),
  ).toEqual([202, 202, 202]);
});
