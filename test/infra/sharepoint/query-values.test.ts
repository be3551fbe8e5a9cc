import { ClientMailer } from '../../../shared/application/client-mailer';
import { ticketIdForMessage, threadAppendWrites } from '../../../shared/application/mail-thread';
import type { SharePointStore } from '../../../shared/infra/sharepoint';
import { CapturingMailer, ManualClock } from '../../application/fixture';
import { makeRequester, makeTicket, openInput } from '../../store-contract/fixtures';
import { startSharePoint, type SharePointHarness } from './sharepoint-harness';

/** Values that break a query string unless encoded: + (a space), # (a fragment), & (a new option), % (an escape), ' (ends an OData literal), non-ASCII. */
const AWKWARD = "<a+b#c&d%20e'f-ñ@client.example>";

describe('SharePoint $filter values: quotes doubled, percent-encoded', () => {
  let sp: SharePointHarness;
  let store: SharePointStore;
  beforeEach(async () => {
    sp = await startSharePoint();
    store = await sp.open();
  });
  afterEach(async () => {
    await store.close();
    await sp.graph.close();
  });

  it('finds keys, requesters and threads whose values carry + # & % quote and non-ASCII', async () => {
    await store.state.setState(`thread-test:${AWKWARD}`, 1);
    await store.state.setState(`thread-test:${AWKWARD}`, 2);
    expect(await store.state.getState(`thread-test:${AWKWARD}`)).toBe(2);
    expect(
      sp.graph.sharepoint.items(sp.siteId, 'SoporteState').filter((i) => i.fields.StateKey === `thread-test:${AWKWARD}`),
    ).toHaveLength(1);

    const requester = makeRequester('acme', { email: "o'neil+soporte#1&co%ñ@acme.example" });
    await store.directory.putRequester(requester);
    expect((await store.directory.findRequestersByEmail(requester.email)).map((r) => r.id)).toEqual([requester.id]);

    const ticket = makeTicket({ sourceMessageId: AWKWARD, conversationId: 'AAQk+#&%ñ' });
    const opened = await store.tickets.open(openInput(ticket));
    expect((await store.tickets.findBySourceMessageId(AWKWARD))?.id).toBe(ticket.id);
    expect((await store.tickets.list({ conversationId: 'AAQk+#&%ñ' })).tickets.map((t) => t.id)).toEqual([ticket.id]);
    const { writes } = threadAppendWrites({ messageIds: [] }, opened.ticket.id, [AWKWARD]);
    await store.state.setStates!(writes);
    expect(await ticketIdForMessage(store.state, AWKWARD)).toBe(ticket.id);
  });

  it('sends nothing when a lookup before the send failed', async () => {
    const ticket = (await store.tickets.open(openInput(makeTicket()))).ticket;
    const mailer = new CapturingMailer();
    const clock = new ManualClock(new Date('2026-03-02T16:00:00.000Z'));
    const mail = new ClientMailer({ mailer, clock, state: store.state, directory: store.directory, alerts: store.alerts });
    // Every read is refused (throttled past the retries): the claim or the thread cannot be read.
    sp.graph.faults.inject({ status: 503, times: 1000, method: 'GET', path: '/sites/**', inBatch: true });
    await expect(mail.sendClientMail('closure', ticket, { closeReason: 'validated' })).rejects.toMatchObject({ status: 503 });
    expect(mailer.sent).toEqual([]);
  });
});
