import { ConflictError } from '../../../shared/domain/common';
import { openSharePointStore, type SharePointStore } from '../../../shared/infra/sharepoint';
import { ManualClock } from '../../application/fixture';
import { makeEntry, makeTicket, noteEvent, openInput } from '../../store-contract/fixtures';
import { ACME, ANA, seedAcme } from '../../support/acme';
import { startSharePoint, type SharePointHarness } from './sharepoint-harness';

/** The reads the server's store does not make (issue 13's lifecycle bench), and what still refuses stale data. */
describe('SharePoint store: requests saved without weakening checks', () => {
  let sp: SharePointHarness;
  let clock: ManualClock;
  let store: SharePointStore;

  beforeEach(async () => {
    sp = await startSharePoint();
    clock = new ManualClock(new Date('2026-03-02T16:00:00.000Z'));
    store = await openSharePointStore({
      client: sp.graph.client(),
      siteId: sp.siteId,
      directoryCache: { clock, ttlMs: 30_000 },
      stateCache: { clock, ttlMs: 30_000, prefixes: ['mail-thread:'] },
    });
    await seedAcme(store, { client: { managerEmails: [] } });
    sp.graph.requests.reset();
  });
  afterEach(() => sp.graph.close());

  it('answers repeated directory lookups from memory for the TTL; a write through it or the TTL makes it read again', async () => {
    const [a, b] = await Promise.all([
      store.directory.findRequestersByEmail('ana@acme.example'),
      store.directory.findRequestersByEmail('ANA@acme.example'),
    ]);
    expect(await store.directory.getClient('acme')).toMatchObject({ name: 'ACME' });
    expect(await store.directory.getClient('acme')).toMatchObject({ name: 'ACME' });
    expect(a).toEqual(b);
    expect(sp.graph.requests.count()).toBe(2);
    // Client lookups are answered from the clients list, read whole once per TTL.
    expect(await store.directory.getClient('nobody')).toBeUndefined();
    expect(sp.graph.requests.list({ inBatch: true }).map((r) => (r.query ?? '').includes('$filter'))).toEqual([true, false]);
    a[0]!.name = 'changed by a caller';
    expect((await store.directory.findRequestersByEmail('ana@acme.example'))[0]!.name).toBe('Ana');

    await store.directory.putRequester({ ...ANA, name: 'Ana López' });
    expect((await store.directory.findRequestersByEmail('ana@acme.example'))[0]!.name).toBe('Ana López');

    expect((await store.directory.getClient('acme'))!.name).toBe('ACME'); // held again
    const other = await sp.open();
    await other.directory.putClient({ ...ACME, name: 'ACME SA', managerEmails: [] });
    expect((await store.directory.getClient('acme'))!.name).toBe('ACME');
    clock.advanceMinutes(1);
    expect((await store.directory.getClient('acme'))!.name).toBe('ACME SA');
  });

  it('gives a held ticket version without a request; a version changed elsewhere is still refused on save', async () => {
    const { ticket } = await store.tickets.open(openInput(makeTicket({ sourceMessageId: '<held@acme.example>' })));
    sp.graph.requests.reset();
    expect(await store.tickets.getAtVersion(ticket.id, ticket.version)).toEqual(ticket);
    expect(sp.graph.requests.count()).toBe(0);

    const other = await sp.open();
    const theirs = (await other.tickets.get(ticket.id))!;
    await other.tickets.save({ ...theirs, status: 'open' }, [noteEvent('elsewhere')]);
    const stale = (await store.tickets.getAtVersion(ticket.id, ticket.version))!;
    await expect(store.tickets.save({ ...stale, status: 'waiting-on-client' }, [noteEvent('here')])).rejects.toBeInstanceOf(
      ConflictError,
    );

    sp.graph.requests.reset();
    const fresh = (await store.tickets.getAtVersion(ticket.id, 'a version this store never held'))!;
    expect(sp.graph.requests.count()).toBe(1);
    expect(fresh.status).toBe('open');
  });

  it('does not look up entry ids the IdGenerator just made; a duplicate is still refused by the unique column', async () => {
    const { ticket } = await store.tickets.open(openInput(makeTicket({ sourceMessageId: '<entries@acme.example>' })));
    sp.graph.requests.reset();
    const saved = await store.tickets.save(
      { ...ticket, status: 'open' },
      [noteEvent('call')],
      [makeEntry(ticket, { id: 'fresh-1' })],
      { freshEntryIds: true },
    );
    expect(sp.graph.requests.count()).toBe(1);
    expect((await store.tickets.timeEntries({ ticketId: ticket.id })).map((e) => e.id)).toEqual(['fresh-1']);

    sp.graph.requests.reset();
    await expect(store.tickets.save(saved, [noteEvent('again')], [makeEntry(ticket, { id: 'fresh-1' })])).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(sp.graph.requests.count()).toBe(1); // looked up (no flag): refused before any write
    await expect(
      store.tickets.save(saved, [noteEvent('again')], [makeEntry(ticket, { id: 'fresh-1' })], { freshEntryIds: true }),
    ).rejects.toThrow(/were not/);
    expect((await store.tickets.timeEntries({ ticketId: ticket.id })).map((e) => e.id)).toEqual(['fresh-1']);
  });

  it('keeps only the configured state keys in memory, after a read or a write, for the TTL', async () => {
    await store.state.setState('mail-thread:t1', { messageIds: ['<a@x>'] });
    await store.state.setState('mail-seen:<a@x>', { action: 'opened' });
    sp.graph.requests.reset();
    expect(await store.state.getState('mail-thread:t1')).toEqual({ messageIds: ['<a@x>'] });
    expect(await store.state.getState('mail-seen:<a@x>')).toEqual({ action: 'opened' });
    expect(sp.graph.requests.count()).toBe(1); // the dedupe key is always read

    clock.advanceMinutes(1);
    const other = await sp.open();
    await other.state.setState('mail-thread:t1', { messageIds: ['<a@x>', '<b@x>'] });
    sp.graph.requests.reset();
    expect(await store.state.getState('mail-thread:t1')).toEqual({ messageIds: ['<a@x>', '<b@x>'] });
    expect(sp.graph.requests.count()).toBe(1);
  });
});
