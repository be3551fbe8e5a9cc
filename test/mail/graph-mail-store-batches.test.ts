import { ClientMailer } from '../../shared/application/client-mailer';
import { threadKey } from '../../shared/application/mail-thread';
import type { AlertLedger } from '../../shared/application/ports';
import { startGraphMailOnSharePoint, SUPPORT, type GraphMailOnSharePoint } from './graph-sharepoint-harness';

/**
 * Graph mail signed in as the SharePoint store's app: a send and its record, a tag and the settle's
 * writes, the delta link and the first MIME read leave in one $batch each. What happens when Graph
 * refuses one part of such a batch.
 */
let h: GraphMailOnSharePoint;
beforeEach(async () => {
  h = await startGraphMailOnSharePoint();
  h.clock.advanceMinutes(5);
});
afterEach(() => h.close());

/** A refusal the client does not retry: a 503 asking for a wait past the batch's cap (50 ms). */
const refuse = (method: string, path: string, times = 1) =>
  h.graph.faults.inject({ status: 503, retryAfter: 60, times, method, path, inBatch: true });

const ticketCount = async () => (await h.store.tickets.list({})).tickets.length;

it('sends the acknowledgement and its record in one $batch, the record chained after the send', async () => {
  await h.arrive('<one@acme.example>', 'No timbra la nómina', 'Hola.');
  h.graph.requests.reset();
  await h.poller.pollOnce();
  const log = h.graph.requests.list({ inBatch: 'any' });
  const send = log.findIndex((r) => r.inBatch && r.path.endsWith('/sendMail'));
  const envelope = log.findIndex((r, i) => i > send && !r.inBatch);
  const withSend = log.slice(send, envelope);
  expect(withSend[0]!.status).toBe(202);
  expect(withSend.slice(1).every((r) => r.path.startsWith('/sites/') && r.method !== 'GET')).toBe(true);
  expect(withSend.length).toBeGreaterThan(1);
  const [ack] = h.graph.mail.sent(SUPPORT);
  const ticket = (await h.store.tickets.getByNumber('SUP-2026-0001'))!;
  const thread = await h.store.state.getState<{ messageIds: string[] }>(threadKey(ticket.id));
  expect(thread!.messageIds).toEqual(['<one@acme.example>', ack!.internetMessageId]);
  expect((await h.store.alerts.get(`mail:acknowledgement:${ticket.id}`))?.completedAt).toBeDefined();
  expect(h.errors.errors).toEqual([]);
});

it('writes no record of a send Graph refuses, and frees its claim for a later send', async () => {
  await h.arrive('<two@acme.example>', 'No timbra la nómina', 'Hola.');
  refuse('POST', '/users/*/sendMail');
  await h.poller.pollOnce();
  expect(h.graph.mail.sent(SUPPORT)).toHaveLength(0);
  const ticket = (await h.store.tickets.getByNumber('SUP-2026-0001'))!;
  expect(h.errors.errors.map((e) => e.what)).toEqual(['client email acknowledgement']);
  expect(await h.store.alerts.get(`mail:acknowledgement:${ticket.id}`)).toBeUndefined();
  const thread = await h.store.state.getState<{ messageIds: string[] }>(threadKey(ticket.id));
  expect(thread!.messageIds).toEqual(['<two@acme.example>']); // the client's message, none of ours
  h.graph.faults.clear(); // past the Retry-After
  const again = await h.mail.sendClientMail('acknowledgement', ticket, { responseDueAt: ticket.openedAt });
  expect(again.sent).toBe(true);
  expect(h.graph.mail.sent(SUPPORT)).toHaveLength(1);
});

it('keeps intake’s record when the tag is refused: the message is offered again and settles once', async () => {
  await h.arrive('<three@acme.example>', 'No timbra la nómina', 'Hola.');
  refuse('PATCH', '/users/*/messages/*');
  const first = await h.poller.pollOnce();
  expect(first.retried).toBe(1);
  expect(h.pollErrors).toHaveLength(1);
  const [message] = h.graph.mail.list(SUPPORT);
  expect(message!.categories).toEqual([]);
  h.graph.faults.clear(); // past the Retry-After
  const second = await h.poller.pollOnce();
  expect(second.outcomes.map((o) => o.action)).toEqual(['duplicate']);
  expect(h.graph.mail.list(SUPPORT)[0]!.categories).toEqual(['SUP-2026-0001']);
  expect(await ticketCount()).toBe(1);
  expect(h.graph.mail.sent(SUPPORT)).toHaveLength(1);
  const third = await h.poller.pollOnce();
  expect(third.outcomes).toEqual([]);
});

it('fails the pass when the delta link cannot be saved, and the next pass loses nothing', async () => {
  await h.arrive('<four@acme.example>', 'No timbra la nómina', 'Hola.');
  refuse('PATCH', '/sites/*/lists/*/items/*/fields', 10);
  await expect(h.poller.pollOnce()).rejects.toThrow(/503/);
  expect(await ticketCount()).toBe(0);
  h.graph.faults.clear();
  const next = await h.poller.pollOnce();
  expect(next.outcomes.map((o) => o.ticketNumber)).toEqual(['SUP-2026-0001']);
  expect(await ticketCount()).toBe(1);
  expect(h.graph.mail.sent(SUPPORT)).toHaveLength(1);
});

it('never sends twice when recording an accepted send fails: the claim is completed alone', async () => {
  await h.arrive('<five@acme.example>', 'No timbra la nómina', 'Hola.');
  await h.poller.pollOnce();
  const ticket = (await h.store.tickets.getByNumber('SUP-2026-0001'))!;
  const ledger = h.store.alerts;
  const alerts: AlertLedger = {
    claim: ledger.claim.bind(ledger),
    complete: ledger.complete.bind(ledger),
    release: ledger.release.bind(ledger),
    takeOverStale: ledger.takeOverStale.bind(ledger),
    get: ledger.get.bind(ledger),
    list: ledger.list.bind(ledger),
    completeWithState: () => Promise.reject(new Error('store down')),
  };
  const failing = new ClientMailer({ mailer: h.mailer, clock: h.clock, state: h.store.state, alerts });
  await expect(failing.sendClientMail('closure', ticket, { closeReason: 'validated' })).rejects.toThrow(
    /was sent, but recording it failed: store down/,
  );
  expect(h.graph.mail.sent(SUPPORT)).toHaveLength(2);
  expect(await h.mail.sendClientMail('closure', ticket, { closeReason: 'validated' })).toEqual({
    sent: false,
    reason: 'already-sent',
  });
  expect(h.graph.mail.sent(SUPPORT)).toHaveLength(2);
});
