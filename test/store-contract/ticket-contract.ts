import type { Store } from '../../shared/application/ports';
import { ConflictError, NotFoundError } from '../../shared/domain/common';
import type { Ticket } from '../../shared/domain/ticket';
import type { ContractContext, ContractTest } from './contract-context';
import { assignedEvent, makeEntry, makeTicket, noteEvent, openInput } from './fixtures';

async function openTicket(store: Store, overrides: Partial<Ticket> = {}): Promise<Ticket> {
  return (await store.tickets.open(openInput(makeTicket(overrides)))).ticket;
}

async function listAll(store: Store, query: Parameters<Store['tickets']['list']>[0]): Promise<Ticket[]> {
  const tickets: Ticket[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.tickets.list({ ...query, ...(cursor ? { cursor } : {}) });
    tickets.push(...page.tickets);
    cursor = page.next;
  } while (cursor);
  return tickets;
}

const numbersOf = (tickets: Ticket[]): string[] => tickets.map((t) => t.number);

export function ticketContract(contractTest: ContractTest, ctx: ContractContext): void {
  contractTest('tickets: open assigns the first number and a version; get and getByNumber return it', async () => {
    const input = openInput(makeTicket({ subject: 'Teams calls drop' }));
    const { ticket, created } = await ctx.store.tickets.open(input);
    expect(created).toBe(true);
    expect(ticket.number).toBe('SUP-2026-0001');
    expect(ticket.version).not.toBe('');
    expect(ticket).toEqual({ ...input.ticket, number: 'SUP-2026-0001', version: ticket.version });
    expect(await ctx.store.tickets.get(ticket.id)).toEqual(ticket);
    expect(await ctx.store.tickets.getByNumber('SUP-2026-0001')).toEqual(ticket);
  });

  contractTest('tickets: unknown id, number or message id read as undefined', async () => {
    await openTicket(ctx.store, { sourceMessageId: '<known@acme.example>' });
    expect(await ctx.store.tickets.get('no-such-ticket')).toBeUndefined();
    expect(await ctx.store.tickets.getByNumber('SUP-2026-9999')).toBeUndefined();
    expect(await ctx.store.tickets.findBySourceMessageId('<unknown@acme.example>')).toBeUndefined();
  });

  contractTest('tickets: open writes the number into the opened event', async () => {
    const ticket = await openTicket(ctx.store);
    const [opened] = await ctx.store.tickets.events(ticket.id);
    expect(opened.type).toBe('opened');
    expect(opened.type === 'opened' && opened.data.number).toBe(ticket.number);
  });

  contractTest('tickets: open is idempotent by source message id', async () => {
    const first = await ctx.store.tickets.open(openInput(makeTicket({ sourceMessageId: '<m1@acme.example>' })));
    const again = await ctx.store.tickets.open(
      openInput(makeTicket({ sourceMessageId: '<m1@acme.example>', subject: 'resent' })),
    );
    expect(again).toEqual({ ticket: first.ticket, created: false });
    expect(await ctx.store.tickets.findBySourceMessageId('<m1@acme.example>')).toEqual(first.ticket);
    expect(await ctx.store.tickets.events(first.ticket.id)).toHaveLength(1);
    const next = await openTicket(ctx.store);
    expect(next.number).toBe('SUP-2026-0002');
    expect(await listAll(ctx.store, {})).toHaveLength(2);
  });

  contractTest('tickets: concurrent opens of one source message id make one ticket', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => ctx.store.tickets.open(openInput(makeTicket({ sourceMessageId: '<race@acme.example>' })))),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.ticket.id)).size).toBe(1);
    expect(numbersOf(await listAll(ctx.store, {}))).toEqual(['SUP-2026-0001']);
  });

  contractTest('tickets: concurrent opens of one source message id across two instances make one ticket', async () => {
    const other = await ctx.second();
    const results = await Promise.all(
      [ctx.store, other, ctx.store, other].map((s) =>
        s.tickets.open(openInput(makeTicket({ sourceMessageId: '<race2@acme.example>' }))),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.ticket.id)).size).toBe(1);
    expect(await listAll(other, {})).toHaveLength(1);
  });

  contractTest('tickets: list filters by status, client, assignee, requester, conversation and unassigned', async () => {
    const a = await openTicket(ctx.store, { clientId: 'client-a', requesterEmail: 'ana@a.example', conversationId: 'conv-1' });
    const b = await openTicket(ctx.store, { clientId: 'client-b', requesterEmail: 'beto@b.example' });
    const c = await openTicket(ctx.store, { clientId: 'client-a', requesterEmail: 'carla@a.example', conversationId: 'conv-1' });
    await ctx.store.tickets.save({ ...b, status: 'open', assigneeId: 'staff-1' }, [assignedEvent('staff-1')]);
    await ctx.store.tickets.save({ ...c, status: 'waiting-on-client', assigneeId: 'staff-2' }, [assignedEvent('staff-2')]);
    const ids = async (query: Parameters<Store['tickets']['list']>[0]) => (await listAll(ctx.store, query)).map((t) => t.id);
    expect(await ids({})).toEqual([a.id, b.id, c.id]);
    expect(await ids({ statuses: ['new'] })).toEqual([a.id]);
    expect(await ids({ statuses: ['open', 'waiting-on-client'] })).toEqual([b.id, c.id]);
    expect(await ids({ statuses: ['closed'] })).toEqual([]);
    expect(await ids({ clientId: 'client-a' })).toEqual([a.id, c.id]);
    expect(await ids({ assigneeId: 'staff-1' })).toEqual([b.id]);
    expect(await ids({ unassigned: true })).toEqual([a.id]);
    expect(await ids({ requesterEmail: 'carla@a.example' })).toEqual([c.id]);
    expect(await ids({ requesterEmail: 'Carla@A.example' })).toEqual([c.id]);
    expect(await ids({ conversationId: 'conv-1' })).toEqual([a.id, c.id]);
    expect(await ids({ clientId: 'client-a', statuses: ['waiting-on-client'], assigneeId: 'staff-2' })).toEqual([c.id]);
    const [listed] = (await ctx.store.tickets.list({ assigneeId: 'staff-2' })).tickets;
    expect(listed).toEqual(await ctx.store.tickets.get(c.id));
  });

  contractTest('tickets: list pages with a cursor, each ticket once, in open order', async () => {
    const opened: Ticket[] = [];
    for (let i = 0; i < 7; i++) opened.push(await openTicket(ctx.store));
    const first = await ctx.store.tickets.list({ limit: 3 });
    expect(first.tickets).toHaveLength(3);
    expect(first.next).toEqual(expect.any(String));
    const pages: Ticket[][] = [first.tickets];
    let cursor = first.next;
    while (cursor) {
      const page = await ctx.store.tickets.list({ limit: 3, cursor });
      expect(page.tickets.length).toBeLessThanOrEqual(3);
      pages.push(page.tickets);
      cursor = page.next;
    }
    expect(pages.flat().map((t) => t.id)).toEqual(opened.map((t) => t.id));
    expect(await listAll(ctx.store, { limit: 7 })).toHaveLength(7);
  });

  contractTest('tickets: a cursor never widens the query it is used with; a forged one is refused', async () => {
    for (let i = 0; i < 6; i++) await openTicket(ctx.store, { clientId: i % 2 === 0 ? 'acme' : 'globex' });
    const first = await ctx.store.tickets.list({ clientId: 'acme', limit: 1 });
    expect(first.tickets.map((t) => t.clientId)).toEqual(['acme']);
    const rest = await listAll(ctx.store, { clientId: 'acme', limit: 10, cursor: first.next });
    expect(rest.map((t) => t.clientId)).toEqual(['acme', 'acme']);
    // A cursor of a wider query, used with a narrower one, keeps the narrower filter. (Its pages may
    // be short: SharePoint answers a large list one scan window at a time.)
    const wide = await ctx.store.tickets.list({ limit: 1 });
    const narrowed = { tickets: await listAll(ctx.store, { clientId: 'globex', limit: 10, cursor: wide.next }) };
    expect(narrowed.tickets.map((t) => t.clientId)).toEqual(['globex', 'globex', 'globex']);
    const forged = Buffer.from('/sites/root/lists/tickets/items?$expand=fields&$top=5000', 'utf8').toString('base64url');
    await expect(ctx.store.tickets.list({ clientId: 'acme', limit: 10, cursor: forged })).rejects.toThrow();
    await expect(ctx.store.tickets.list({ clientId: 'acme', limit: 10, cursor: 'not a cursor!' })).rejects.toThrow(/cursor/);
  });

  contractTest('tickets: pages over several statuses keep open order across statuses', async () => {
    const statuses = ['new', 'open', 'closed', 'open', 'waiting-on-client', 'new', 'open', 'closed', 'new'] as const;
    const opened: Ticket[] = [];
    for (const status of statuses) opened.push(await openTicket(ctx.store, { status }));
    const wanted = opened.filter((t) => t.status !== 'closed').map((t) => t.id);
    for (const limit of [1, 2, 4]) {
      const ids = (await listAll(ctx.store, { statuses: ['new', 'open', 'waiting-on-client'], limit })).map((t) => t.id);
      expect(ids).toEqual(wanted);
    }
    expect((await listAll(ctx.store, { statuses: ['open', 'new'], limit: 2 })).map((t) => t.status)).toEqual([
      'new',
      'open',
      'open',
      'new',
      'open',
      'new',
    ]);
  });

  contractTest('tickets: save returns a new version and stores the ticket and its events', async () => {
    const ticket = await openTicket(ctx.store);
    const saved = await ctx.store.tickets.save({ ...ticket, status: 'open', firstResponseAt: '2026-03-02T16:10:00.000Z' }, [
      noteEvent('ack'),
    ]);
    expect(saved.version).not.toBe(ticket.version);
    expect(saved).toEqual({ ...ticket, status: 'open', firstResponseAt: '2026-03-02T16:10:00.000Z', version: saved.version });
    expect(await ctx.store.tickets.get(ticket.id)).toEqual(saved);
    const again = await ctx.store.tickets.save({ ...saved, level: 'L2' }, []);
    expect(new Set([ticket.version, saved.version, again.version]).size).toBe(3);
  });

  contractTest('tickets: save with a stale version throws ConflictError and writes nothing', async () => {
    const ticket = await openTicket(ctx.store);
    const current = await ctx.store.tickets.save({ ...ticket, status: 'open' }, [noteEvent('first writer')], [makeEntry(ticket)]);
    const stale = ctx.store.tickets.save(
      { ...ticket, status: 'resolved' },
      [noteEvent('second writer')],
      [makeEntry(ticket, { minutes: 60, billedMinutes: 60 })],
    );
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'conflict', entity: 'ticket' });
    expect(await ctx.store.tickets.get(ticket.id)).toEqual(current);
    expect((await ctx.store.tickets.events(ticket.id)).map((e) => e.type)).toEqual(['opened', 'note-added']);
    expect((await ctx.store.tickets.timeEntries({ ticketId: ticket.id })).map((e) => e.minutes)).toEqual([15]);
  });

  contractTest('tickets: saving a ticket that was never opened throws NotFoundError', async () => {
    const never = { ...makeTicket(), number: 'SUP-2026-0999', version: '1' };
    await expect(ctx.store.tickets.save(never, [noteEvent('lost')])).rejects.toBeInstanceOf(NotFoundError);
    expect(await ctx.store.tickets.get(never.id)).toBeUndefined();
    expect(await ctx.store.tickets.events(never.id)).toEqual([]);
  });

  contractTest('tickets: a stale write through a second instance is refused', async () => {
    const other = await ctx.second();
    const ticket = await openTicket(ctx.store);
    const theirs = await other.tickets.get(ticket.id);
    expect(theirs).toEqual(ticket);
    const ours = await ctx.store.tickets.save({ ...ticket, assigneeId: 'staff-1' }, [assignedEvent('staff-1')]);
    await expect(other.tickets.save({ ...theirs!, assigneeId: 'staff-2' }, [assignedEvent('staff-2')])).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await other.tickets.get(ticket.id)).toEqual(ours);
    expect(await ctx.store.tickets.events(ticket.id)).toHaveLength(2);
  });

  contractTest('tickets: events come back in order with seq 1..n, ids and the ticket id', async () => {
    const ticket = await openTicket(ctx.store);
    const current = await ctx.store.tickets.save(ticket, [noteEvent('one'), noteEvent('two')]);
    await ctx.store.tickets.save(current, [assignedEvent('staff-1')]);
    await openTicket(ctx.store);
    const events = await ctx.store.tickets.events(ticket.id);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(events.map((e) => e.type)).toEqual(['opened', 'note-added', 'note-added', 'assigned']);
    expect(events.map((e) => (e.type === 'note-added' ? e.data.text : undefined))).toEqual([undefined, 'one', 'two', undefined]);
    expect(events.every((e) => e.ticketId === ticket.id && typeof e.id === 'string' && e.id.length > 0)).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(4);
    expect(events[3]).toMatchObject({
      actor: { role: 'manager', id: 'staff-manager' },
      channel: 'teams',
      data: { assigneeId: 'staff-1' },
    });
    expect(await ctx.store.tickets.events('no-such-ticket')).toEqual([]);
  });

  contractTest('tickets: save is atomic: a failing entry write leaves ticket, events and entries untouched', async () => {
    const ticket = await openTicket(ctx.store);
    const entry = makeEntry(ticket);
    const saved = await ctx.store.tickets.save({ ...ticket, consumedMinutes: 15 }, [noteEvent('logged')], [entry]);
    const duplicate = makeEntry(ticket, { id: entry.id, minutes: 30, billedMinutes: 30 });
    await expect(
      ctx.store.tickets.save({ ...saved, consumedMinutes: 45 }, [noteEvent('logged twice')], [makeEntry(ticket), duplicate]),
    ).rejects.toThrow();
    expect(await ctx.store.tickets.get(ticket.id)).toEqual(saved);
    expect(await ctx.store.tickets.events(ticket.id)).toHaveLength(2);
    expect(await ctx.store.tickets.timeEntries({ ticketId: ticket.id })).toEqual([entry]);
  });

  contractTest('tickets: open is atomic: a failed open leaves no ticket and consumes no number', async () => {
    const first = await openTicket(ctx.store);
    const entry = makeEntry(first);
    await ctx.store.tickets.save(first, [], [entry]);
    const failing = makeTicket();
    await expect(ctx.store.tickets.open(openInput(failing, 2026, [makeEntry(failing, { id: entry.id })]))).rejects.toThrow();
    expect(await ctx.store.tickets.get(failing.id)).toBeUndefined();
    expect(await ctx.store.tickets.events(failing.id)).toEqual([]);
    expect((await openTicket(ctx.store)).number).toBe('SUP-2026-0002');
  });

  contractTest('tickets: time entries by ticket, client and month range', async () => {
    const a = await openTicket(ctx.store, { clientId: 'client-a' });
    const b = await openTicket(ctx.store, { clientId: 'client-b' });
    const feb = makeEntry(a, { at: '2026-02-27T18:00:00.000Z' });
    const marchStart = makeEntry(a, {
      at: '2026-03-01T00:00:00.000Z',
      kind: 'session',
      minutes: 60,
      consultants: 2,
      billedMinutes: 120,
    });
    const marchEnd = makeEntry(a, {
      at: '2026-03-31T23:59:00.000Z',
      kind: 'work',
      minutes: 45,
      billedMinutes: 45,
      afterHours: true,
      multiplierPercent: 150,
    });
    const april = makeEntry(a, { at: '2026-04-01T00:00:00.000Z' });
    const other = makeEntry(b, { at: '2026-03-10T12:00:00.000Z' });
    await ctx.store.tickets.save(a, [], [april, marchEnd, feb, marchStart]);
    await ctx.store.tickets.save(b, [], [other]);
    const ids = async (query: Parameters<Store['tickets']['timeEntries']>[0]) =>
      (await ctx.store.tickets.timeEntries(query)).map((e) => e.id).sort();
    expect(await ids({ ticketId: a.id })).toEqual([feb.id, marchStart.id, marchEnd.id, april.id].sort());
    expect(await ids({ clientId: 'client-b' })).toEqual([other.id]);
    expect(await ids({ clientId: 'client-a', from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' })).toEqual(
      [marchStart.id, marchEnd.id].sort(),
    );
    expect(await ids({ from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' })).toEqual(
      [marchStart.id, marchEnd.id, other.id].sort(),
    );
    expect(
      (
        await ctx.store.tickets.timeEntries({ ticketId: a.id, from: '2026-03-31T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' })
      )[0],
    ).toEqual(marchEnd);
  });
}
