import { TicketQueryService } from '../../shared/application/ticket-query-service';
import { NotAuthorizedError } from '../../shared/domain/common';
import { harness, L1, L2, REQUESTER, SYSTEM, ref, type Harness } from './fixture';

describe('TicketQueryService', () => {
  let h: Harness;
  let queries: TicketQueryService;
  beforeEach(async () => {
    h = await harness();
    queries = new TicketQueryService({ store: h.store, clock: h.clock, policies: h.policies });
  });
  afterEach(async () => {
    await h.close();
  });

  it('orders the queue by SLA urgency and scopes what requesters see', async () => {
    const base = { clientId: 'acme', requesterEmail: 'ana@acme.example', description: '', channel: 'email' as const };
    const low = await h.tickets.open(SYSTEM, { ...base, subject: 'low', priority: 'low' });
    const critical = await h.tickets.open(SYSTEM, { ...base, subject: 'critical', priority: 'critical' });
    const high = await h.tickets.open(SYSTEM, { ...base, subject: 'high', priority: 'high', requesterEmail: 'bob@acme.example' });
    h.clock.advanceMinutes(25);
    const queue = await queries.queue(L1);
    expect(queue.map((q) => q.ticket.subject)).toEqual(['critical', 'high', 'low']);
    expect(queue[0].sla.response.state).toBe('at-risk');

    await h.tickets.assign(L1, ref(high.ticket), L2.id);
    expect((await queries.mine(L2)).map((q) => q.ticket.id)).toEqual([high.ticket.id]);
    await expect(queries.queue(REQUESTER)).rejects.toThrow(NotAuthorizedError);
    expect((await queries.requesterTickets(REQUESTER)).map((t) => t.subject)).toEqual(['critical', 'low']);
    await expect(queries.byNumber(REQUESTER, high.ticket.number)).rejects.toThrow(NotAuthorizedError);
    expect((await queries.byNumber(L1, high.ticket.number.toLowerCase())).id).toBe(high.ticket.id);

    const noted = await h.tickets.addNote(L1, ref(low.ticket), 'internal only', true);
    await h.tickets.addNote(REQUESTER, ref(noted), 'for everyone', false);
    expect((await queries.history(L1, low.ticket.number)).map((e) => e.type)).toEqual(['opened', 'note-added', 'note-added']);
    expect((await queries.history(REQUESTER, low.ticket.id)).map((e) => e.type)).toEqual(['opened', 'note-added']);
    expect((await queries.sla(L1, critical.ticket.number)).sla.response.breachAt).toBe('2026-03-02T16:30:00.000Z');
  });
});
