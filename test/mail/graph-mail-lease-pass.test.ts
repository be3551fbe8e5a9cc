import { LEASE_TTL_MS, startGraphMailOnSharePoint, SUPPORT, type GraphMailOnSharePoint } from './graph-sharepoint-harness';

/**
 * A mail pass under the intake lease held without a break since the last one trusts the delta link and
 * backlog this instance wrote (nobody else polled meanwhile): its delta query goes with the lease
 * renewal. Any break (another instance took the lease, the lease could not be renewed) reads them again.
 */
let h: GraphMailOnSharePoint;
beforeEach(async () => {
  h = await startGraphMailOnSharePoint();
  h.clock.advanceMinutes(5);
});
afterEach(() => h.close());

const ticketCount = async () => (await h.store.tickets.list({})).tickets.length;
const pastLease = () => h.clock.advanceMinutes(LEASE_TTL_MS / 60_000 + 1);

it('renews the lease and reads the delta in one $batch, with nothing read from the store first', async () => {
  await h.arrive('<one@acme.example>', 'No timbra la nómina', 'Hola.');
  h.graph.requests.reset();
  const report = await h.poller.pollOnce();
  expect(report.outcomes.map((o) => o.action)).toEqual(['opened']);
  const log = h.graph.requests.list({ inBatch: 'any' });
  const firstBatch = log.slice(0, log.findIndex((r) => !r.inBatch) + 1);
  expect(firstBatch.map((r) => `${r.method} ${r.path.startsWith('/sites/') ? 'list item' : r.path}`)).toEqual([
    'PATCH list item',
    `GET /users/${encodeURIComponent(SUPPORT)}/mailFolders/inbox/messages/delta`,
    'POST /$batch',
  ]);
});

it('reads the state again after another instance held the lease: nothing it handled is handled twice', async () => {
  pastLease();
  const other = await h.another('instance-2');
  await h.arrive('<first@acme.example>', 'No timbra la nómina', 'Hola.');
  expect((await other.poller.pollOnce()).outcomes.map((o) => o.action)).toEqual(['opened']);
  pastLease();
  await h.arrive('<second@acme.example>', 'Tampoco imprime', 'Hola otra vez.');
  const report = await h.poller.pollOnce();
  // Only the message the other instance did not see: its delta link and backlog were read, not remembered.
  expect(report.outcomes.map((o) => o.action)).toEqual(['opened']);
  expect(await ticketCount()).toBe(2);
  expect(h.graph.mail.sent(SUPPORT)).toHaveLength(2);
  expect([...h.pollErrors, ...other.pollErrors]).toEqual([]);
});

it('takes the backlog from the store after a break: a message another instance settled is not offered again', async () => {
  await h.arrive('<left@acme.example>', 'No timbra la nómina', 'Hola.');
  // Intake's reads of the directory fail (an outage): the message stays in the backlog, for a later pass.
  h.graph.faults.inject({ status: 503, retryAfter: 60, method: 'GET', path: '/sites/*/lists/*/items', inBatch: true });
  expect((await h.poller.pollOnce()).retried).toBe(1);
  h.graph.faults.clear();
  pastLease();
  const other = await h.another('instance-2');
  expect((await other.poller.pollOnce()).outcomes.map((o) => o.action)).toEqual(['opened']);
  pastLease();
  expect((await h.poller.pollOnce()).outcomes).toEqual([]);
  expect(await ticketCount()).toBe(1);
});

it('does nothing while another instance holds the lease, and throws away what it read ahead', async () => {
  pastLease();
  const other = await h.another('instance-2');
  expect(await other.store.leases.acquireLease('mail-intake:graph', 'instance-2', h.clock.now(), LEASE_TTL_MS)).toBe(true);
  await h.arrive('<three@acme.example>', 'No timbra la nómina', 'Hola.');
  const report = await h.poller.pollOnce();
  expect(report.outcomes).toEqual([]);
  expect(await ticketCount()).toBe(0);
  expect((await other.poller.pollOnce()).outcomes.map((o) => o.action)).toEqual(['opened']);
  expect(await ticketCount()).toBe(1);
});

it('resyncs once when the delta link it read ahead has expired, handling nothing twice', async () => {
  await h.arrive('<four@acme.example>', 'No timbra la nómina', 'Hola.');
  await h.poller.pollOnce();
  h.graph.mail.expireDeltaTokens(SUPPORT);
  await h.arrive('<five@acme.example>', 'Tampoco imprime', 'Hola otra vez.');
  const report = await h.poller.pollOnce();
  expect(report.outcomes.map((o) => o.action)).toEqual(['opened']);
  expect(await ticketCount()).toBe(2);
  expect(h.notifier.sent.filter((n) => n.kind === 'mailbox-alert').map((n) => n.kind === 'mailbox-alert' && n.problem)).toEqual([
    'resynced',
  ]);
  expect(h.pollErrors).toEqual([]);
});
