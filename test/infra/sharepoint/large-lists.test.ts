import { LISTS, type SharePointStore } from '../../../shared/infra/sharepoint';
import { formatTicketNumber } from '../../../shared/domain/ticket';
import { ticketFields } from '../../../shared/infra/sharepoint/ticket-fields';
import { LIST_SCAN_WINDOW } from '../../support/graph-service';
import {
  makeClient,
  makeEntry,
  makeRequester,
  makeStaff,
  makeTicket,
  makeWindow,
  openInput,
} from '../../store-contract/fixtures';
import { startSharePoint, type SharePointHarness } from './sharepoint-harness';

/** Items put in every list before the test: past one scan window, so what the test writes lies beyond it. */
const FILLER = LIST_SCAN_WINDOW + 1;

/** Filler rows: valid items whose keys never match what the test looks up. */
const FILLERS: Record<keyof typeof LISTS, (i: number) => Record<string, unknown>> = {
  clients: (i) => ({ ClientId: `filler-client-${i}`, Data: '{}' }),
  requesters: (i) => ({
    RequesterId: `filler-requester-${i}`,
    ClientId: `filler-client-${i}`,
    Email: `filler${i}@filler.example`,
    Data: '{}',
  }),
  staff: (i) => ({
    StaffId: `filler-staff-${i}`,
    Email: `filler${i}@filler.example`,
    AadObjectId: `filler-aad-${i}`,
    Data: '{}',
  }),
  audit: (i) => ({ AuditId: `filler-audit-${i}`, Subject: `filler:${i}`, Data: '{}' }),
  tickets: (i) =>
    Object.fromEntries(
      Object.entries(
        ticketFields(
          makeTicket({
            id: `filler-ticket-${i}`,
            number: formatTicketNumber(1999, i + 1),
            clientId: 'filler',
            requesterEmail: 'filler@filler.example',
            conversationId: `filler-conv-${i}`,
          }),
          1,
        ),
      ).filter(([, v]) => v !== null),
    ),
  events: (i) => ({ EventKey: `filler-ticket-${i}#1`, TicketId: `filler-ticket-${i}`, Seq: 1, Data: '{}' }),
  timeEntries: (i) => ({
    EntryId: `filler-entry-${i}`,
    TicketId: `filler-ticket-${i}`,
    ClientId: 'filler',
    At: '2020-01-01T00:00:00Z',
    Data: '{}',
  }),
  afterHours: (i) => ({ WindowId: `filler-window-${i}`, ClientId: 'filler', Status: 'refused', Data: '{}' }),
  alerts: (i) => ({
    AlertKey: `filler:${i}`,
    Holder: 'filler',
    ClaimedAt: '2020-01-01T00:00:00.000Z',
    CompletedAt: '2020-01-01T00:00:00.000Z',
  }),
  state: (i) => ({ StateKey: `filler:${i}`, Value: '0' }),
  leases: (i) => ({ LeaseName: `filler-${i}`, Holder: 'filler', Until: '2020-01-01T00:00:00.000Z' }),
  statements: (i) => ({
    StatementId: `filler-statement-${i}`,
    ClientId: 'filler',
    Status: 'held',
    SentMessageId: `<filler-${i}@filler.example>`,
    Data: '{}',
  }),
  counters: (i) => ({ CounterKey: `filler:${i}`, Value: 0 }),
};

/**
 * Every list the app filters holds more than one scan window (5,000 items): Graph answers a filtered read
 * one window at a time, with empty pages and an @odata.nextLink. Every lookup by key must follow them.
 */
describe('SharePoint store on lists past the 5,000-item scan window', () => {
  let sp: SharePointHarness;
  let store: SharePointStore;

  beforeAll(async () => {
    sp = await startSharePoint();
    for (const [key, spec] of Object.entries(LISTS) as Array<[keyof typeof LISTS, (typeof LISTS)[keyof typeof LISTS]]>) {
      sp.graph.sharepoint.fill(sp.siteId, spec.name, FILLER, FILLERS[key]);
    }
    store = await sp.open();
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await sp.graph.close();
  });

  it('a filtered read past the window meets an empty page with a nextLink (what the lookups must follow)', async () => {
    const list = LISTS.state.name;
    const page = (await sp.graph
      .client()
      .api(
        `/sites/${sp.siteId}/lists/${list}/items?$expand=fields&$top=1&$filter=${encodeURIComponent("fields/StateKey eq 'absent'")}`,
      )
      .get()) as { value: unknown[]; '@odata.nextLink'?: string };
    expect(page.value).toEqual([]);
    expect(page['@odata.nextLink']).toEqual(expect.stringContaining('$skiptoken='));
  });

  it('opens tickets and finds each by id, number and source message, without duplicates', async () => {
    const ticket = makeTicket({ sourceMessageId: '<a+b@client.example>', conversationId: 'conv-large' });
    const opened = await store.tickets.open(openInput(ticket));
    expect(opened.created).toBe(true);
    expect(opened.ticket.number).toBe('SUP-2026-0001');
    const again = await store.tickets.open(openInput({ ...ticket, id: 'another-id' }));
    expect(again).toMatchObject({ created: false, ticket: { id: ticket.id } });
    // The first window (the fillers) holds no match: an empty page, then the item in the second.
    const lookup = await sp.graph.requests.measure(() => store.tickets.get(ticket.id));
    expect(lookup).toMatchObject({ result: { number: 'SUP-2026-0001' }, requests: 2 });
    expect((await store.tickets.getByNumber('SUP-2026-0001'))?.id).toBe(ticket.id);
    expect((await store.tickets.findBySourceMessageId('<a+b@client.example>'))?.id).toBe(ticket.id);
    expect((await store.tickets.list({ conversationId: 'conv-large' })).tickets.map((t) => t.id)).toEqual([ticket.id]);
    expect(await store.tickets.events(ticket.id)).toHaveLength(1);
    const second = await store.tickets.open(openInput(makeTicket({ sourceMessageId: '<c#d&e@client.example>' })));
    expect(second.ticket.number).toBe('SUP-2026-0002');
    expect(
      sp.graph.sharepoint
        .items(sp.siteId, LISTS.tickets.name)
        .filter((i) => String(i.fields.TicketNumber).startsWith('SUP-2026')),
    ).toHaveLength(2);
  });

  it('finds state keys, ledger keys, leases, directory records, windows and time entries', async () => {
    await store.state.setState('thread:t1', { messageIds: ['<x@y>'] });
    await store.state.setState('thread:t1', { messageIds: ['<x@y>', '<z@y>'] });
    expect(await store.state.getState('thread:t1')).toEqual({ messageIds: ['<x@y>', '<z@y>'] });
    expect(sp.graph.sharepoint.items(sp.siteId, LISTS.state.name).filter((i) => i.fields.StateKey === 'thread:t1')).toHaveLength(
      1,
    );

    const at = new Date('2026-03-02T16:00:00Z');
    expect(await store.alerts.claim('t1:response:breached', 'a', at)).toBe(true);
    expect(await store.alerts.claim('t1:response:breached', 'b', at)).toBe(false);
    await store.alerts.complete('t1:response:breached', at);
    expect(await store.alerts.get('t1:response:breached')).toMatchObject({ holder: 'a', completedAt: at.toISOString() });

    expect(await store.leases.acquireLease('sla-sweep', 'a', at, 60_000)).toBe(true);
    expect(await store.leases.acquireLease('sla-sweep', 'b', at, 60_000)).toBe(false);
    expect(await store.leases.currentLease('sla-sweep')).toMatchObject({ holder: 'a' });

    const client = makeClient();
    await store.directory.putClient(client);
    await store.directory.putClient({ ...client, name: 'Renamed' });
    expect((await store.directory.getClient(client.id))?.name).toBe('Renamed');
    const requester = makeRequester(client.id, { email: "o'brien@acme.example" });
    await store.directory.putRequester(requester);
    expect((await store.directory.findRequestersByEmail("O'Brien@acme.example")).map((r) => r.id)).toEqual([requester.id]);
    const staff = makeStaff({ aadObjectId: 'aad-large', email: 'josé@partner.example' });
    await store.directory.putStaff(staff);
    expect((await store.directory.findStaffByAadObjectId('aad-large'))?.id).toBe(staff.id);
    expect((await store.directory.findStaffByEmail('josé@partner.example'))?.id).toBe(staff.id);
    expect((await store.directory.getStaff(staff.id))?.id).toBe(staff.id);

    const window = makeWindow(client.id);
    await store.afterHours.putWindow(window);
    expect((await store.afterHours.getWindow(window.id))?.id).toBe(window.id);
    expect((await store.afterHours.listWindows({ clientId: client.id })).map((w) => w.id)).toEqual([window.id]);

    const ticket = makeTicket();
    const entry = makeEntry(ticket);
    await store.tickets.open(openInput(ticket, 2026, [entry]));
    expect((await store.tickets.timeEntries({ ticketId: ticket.id })).map((e) => e.id)).toEqual([entry.id]);
  });
});
