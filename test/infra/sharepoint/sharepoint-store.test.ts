import { ConflictError } from '../../../shared/domain/common';
import { GraphServiceError } from '../../../shared/infra/graph';
import { LISTS, openSharePointStore, type SharePointStore } from '../../../shared/infra/sharepoint';
import { makeTicket, noteEvent, openInput } from '../../store-contract/fixtures';
import { startSharePoint, type SharePointHarness } from './sharepoint-harness';

const OPEN = ['new', 'open', 'waiting-on-client', 'waiting-on-microsoft', 'resolved'] as const;

describe('SharePointStore against the Graph service (real SDK client)', () => {
  let sp: SharePointHarness;
  let store: SharePointStore;

  const start = async (options: Parameters<typeof startSharePoint>[0] = {}) => {
    sp = await startSharePoint(options);
    store = await sp.open();
    sp.graph.requests.reset();
  };
  afterEach(() => sp.graph.close());

  it('opens a ticket in 2 Graph requests and saves a ticket it read in 1', async () => {
    await start();
    const { ticket } = await store.tickets.open(openInput(makeTicket({ sourceMessageId: '<a@acme.example>' })));
    expect(sp.graph.requests.count()).toBe(2);
    expect(sp.graph.requests.list().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /$batch', 'POST /$batch']);
    sp.graph.requests.reset();
    await store.tickets.save({ ...ticket, status: 'open' }, [noteEvent('ack'), noteEvent('called')]);
    expect(sp.graph.requests.count()).toBe(1);
    expect(sp.graph.requests.list({ inBatch: true }).map((r) => `${r.method} ${r.status}`)).toEqual([
      'PATCH 200',
      'POST 201',
      'POST 201',
    ]);
  });

  it('writes several state keys in 1 request (known keys to their item, new ones created), and a completion with them', async () => {
    await start();
    await store.state.setState('k1', { v: 0 });
    sp.graph.requests.reset();
    await store.state.setStates!([
      ['k1', { v: 1 }],
      ['k2', 'two'],
      ['k3', [3]],
      ['k2', 'last wins'],
    ]);
    expect(sp.graph.requests.count()).toBe(1);
    expect(await Promise.all(['k1', 'k2', 'k3'].map((k) => store.state.getState(k)))).toEqual([{ v: 1 }, 'last wins', [3]]);

    expect(await store.alerts.claim('mail:acknowledgement:t1', 'mailer', new Date('2026-03-02T16:00:00Z'))).toBe(true);
    sp.graph.requests.reset();
    await store.alerts.completeWithState!('mail:acknowledgement:t1', new Date('2026-03-02T16:00:01Z'), '<m1@test>', [
      ['k4', 'four'],
      ['k1', { v: 2 }],
    ]);
    expect(sp.graph.requests.count()).toBe(1);
    expect(await store.alerts.get('mail:acknowledgement:t1')).toMatchObject({
      completedAt: '2026-03-02T16:00:01.000Z',
      ref: '<m1@test>',
    });
    expect(await store.state.getState('k4')).toBe('four');
    expect(await store.state.getState('k1')).toEqual({ v: 2 });
    // Another instance, which never saw k1: its create is refused as a duplicate, then it overwrites k1's item.
    const other = await sp.open();
    await other.state.setStates!([
      ['k1', { v: 3 }],
      ['k5', 'five'],
    ]);
    expect(await store.state.getState('k1')).toEqual({ v: 3 });
    expect(sp.graph.sharepoint.items(sp.siteId, LISTS.state.name).filter((i) => i.fields.StateKey === 'k1')).toHaveLength(1);
  });

  it('a stale save is refused by SharePoint (If-Match, 412) and its events are not written (they depend on it)', async () => {
    await start();
    const { ticket } = await store.tickets.open(openInput());
    const other = await sp.open();
    const theirs = (await other.tickets.get(ticket.id))!;
    await store.tickets.save({ ...ticket, status: 'open' }, [noteEvent('first')]);
    sp.graph.requests.reset();
    await expect(other.tickets.save({ ...theirs, status: 'closed' }, [noteEvent('late')])).rejects.toBeInstanceOf(ConflictError);
    // The event step failed its dependency (424) without reaching the list: only the PATCH was served.
    expect(sp.graph.requests.list({ inBatch: true }).map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 412']);
    expect((await store.tickets.events(ticket.id)).map((e) => e.type === 'note-added' && e.data.text)).toEqual([false, 'first']);
  });

  it('reads open tickets in one filtered request per page and pages with a cursor', async () => {
    await start({ listItemsMaxPageSize: 50 });
    for (let i = 0; i < 120; i++) await store.tickets.open(openInput(makeTicket({ status: i % 4 === 0 ? 'closed' : 'open' })));
    sp.graph.requests.reset();
    const all = await store.tickets.list({ statuses: [...OPEN] });
    expect(all.tickets).toHaveLength(90);
    expect(all.next).toBeUndefined();
    expect(sp.graph.requests.count()).toBe(2);
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await store.tickets.list({ statuses: [...OPEN], limit: 40, ...(cursor ? { cursor } : {}) });
      pages.push(page.tickets.map((t) => t.number));
      cursor = page.next;
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([40, 40, 10]);
    expect(pages.flat()).toEqual(all.tickets.map((t) => t.number));
  });

  it('sends no Prefer header: every filter is on an indexed column, and a lost index shows as Graph refusing', async () => {
    await start();
    await store.tickets.open(openInput());
    const client = sp.graph.client();
    const list = await client.api(`/sites/${sp.siteId}/lists/${LISTS.tickets.name}`).get();
    const status = await client.api(`/sites/${sp.siteId}/lists/${list.id}/columns/Status`).get();
    await client.api(`/sites/${sp.siteId}/lists/${list.id}/columns/${status.id}`).patch({ indexed: false });
    const refused = await store.tickets.list({ statuses: ['new'] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GraphServiceError);
    expect(refused).toMatchObject({
      status: 400,
      message: expect.stringContaining("Field 'Status' cannot be referenced in filter"),
    });
  });

  it('waits a throttled step exactly its Retry-After (fractional or an HTTP date); past the cap the 429 goes to the caller, never an early retry', async () => {
    await start();
    sp.graph.faults.inject({
      status: 429,
      retryAfter: '0.03',
      method: 'GET',
      path: '/sites/*/lists/*/items',
      inBatch: true,
      times: 1,
    });
    const started = Date.now();
    await store.state.getState('k');
    expect(Date.now() - started).toBeGreaterThanOrEqual(29);
    const patient = await openSharePointStore({ client: sp.graph.client(), siteId: sp.siteId, batch: { maxRetryDelayMs: 5000 } });
    sp.graph.faults.inject({
      status: 503,
      retryAfter: new Date(Date.now() + 2000).toUTCString(),
      method: 'GET',
      path: '/sites/*/lists/*/items',
      inBatch: true,
      times: 1,
    });
    await patient.state.getState('k');
    // The harness caps batch waits at 50 ms: a 5 s Retry-After is not waited for, and not cut short either.
    sp.graph.faults.inject({
      status: 429,
      retryAfter: 5,
      method: 'GET',
      path: '/sites/*/lists/*/items',
      inBatch: true,
      times: 1,
    });
    await expect(store.state.getState('k')).rejects.toMatchObject({ status: 429 });
    expect(sp.graph.faults.early).toBe(0);
  });

  it('rides out throttling: a 429 on the $batch and on steps inside it (Retry-After honoured)', async () => {
    await start();
    sp.graph.faults.inject({ status: 429, retryAfter: 0, path: '/$batch', inBatch: false });
    sp.graph.faults.inject({
      status: 429,
      retryAfter: 0,
      method: 'POST',
      path: `/sites/*/lists/*/items`,
      inBatch: true,
      times: 2,
    });
    const first = await store.tickets.open(openInput());
    const second = await store.tickets.open(openInput());
    expect([first.ticket.number, second.ticket.number]).toEqual(['SUP-2026-0001', 'SUP-2026-0002']);
    expect(sp.graph.faults.pending()).toBe(0);
    expect(sp.graph.requests.list({ inBatch: 'any' }).filter((r) => r.status === 429)).toHaveLength(3);
    expect(await store.tickets.events(first.ticket.id)).toHaveLength(1);
    expect(await store.tickets.events(second.ticket.id)).toHaveLength(1);
  });

  it('a counter left behind (its advance failed) is repaired by the next open: no duplicate, no gap', async () => {
    await start();
    await store.tickets.open(openInput());
    const client = sp.graph.client();
    const counters = sp.graph.sharepoint.items(sp.siteId, LISTS.counters.name);
    const counter = counters.find((c) => c.fields.CounterKey === 'tickets:2026')!;
    await client.api(`/sites/${sp.siteId}/lists/${LISTS.counters.name}/items/${counter.id}/fields`).patch({ Value: 0 });
    const other = await sp.open();
    const numbers = await Promise.all([store, other, store].map(async (s) => (await s.tickets.open(openInput())).ticket.number));
    expect(numbers.sort()).toEqual(['SUP-2026-0002', 'SUP-2026-0003', 'SUP-2026-0004']);
    expect(
      sp.graph.sharepoint.items(sp.siteId, LISTS.counters.name).find((c) => c.fields.CounterKey === 'tickets:2026')?.fields.Value,
    ).toBe(4);
  });

  it('claims made together leave in one $batch per 20, and exactly one claim per key wins', async () => {
    await start();
    const keys = Array.from({ length: 40 }, (_, i) => `t${i}:response:breached`);
    const wins = await Promise.all(
      [...keys, ...keys.slice(0, 5)].map((key) => store.alerts.claim(key, 'sweeper', new Date('2026-03-02T16:00:00Z'))),
    );
    expect(wins.filter(Boolean)).toHaveLength(40);
    // Three batches of claims, and one batch of reads: a refused claim is checked by reading its key
    // (Graph does not document how a duplicate is refused: 409, 400 or 500).
    expect(sp.graph.requests.count()).toBe(4);
    expect(sp.graph.requests.count({ inBatch: true })).toBe(50);
  });

  it('three instances under throttling: numbers gapless and unique, one winner per alert key', async () => {
    await start();
    const stores = [store, await sp.open(), await sp.open()];
    sp.graph.faults.inject({
      status: 429,
      retryAfter: 0,
      method: 'POST',
      path: '/sites/*/lists/*/items',
      inBatch: true,
      times: 7,
    });
    sp.graph.faults.inject({
      status: 503,
      retryAfter: 0,
      method: 'PATCH',
      path: '/sites/*/lists/*/items/*/fields',
      inBatch: true,
      times: 3,
    });
    const opened = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        stores[i % 3]!.tickets.open(openInput(makeTicket({ sourceMessageId: `<m${i % 20}@acme.example>` }))),
      ),
    );
    const created = opened
      .filter((o) => o.created)
      .map((o) => o.ticket.number)
      .sort();
    expect(created).toEqual(Array.from({ length: 20 }, (_, i) => `SUP-2026-${String(i + 1).padStart(4, '0')}`));
    expect(new Set(opened.map((o) => o.ticket.id)).size).toBe(20);
    const wins = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        stores[i % 3]!.alerts.claim(`k${i % 10}`, `instance-${i % 3}`, new Date('2026-03-02T16:00:00Z')),
      ),
    );
    expect(wins.filter(Boolean)).toHaveLength(10);
    expect((await stores[1]!.alerts.list('k')).map((r) => r.key)).toEqual(Array.from({ length: 10 }, (_, i) => `k${i}`));
  });
});
