import { ApiHarness, emailPayload } from './api-harness';

const L2 = { role: 'L2' as const, id: 'staff-l2', name: 'Lena L2' };

describe("REST API: the managers' SLA board", () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await ApiHarness.start();
  });
  afterAll(async () => h.close());

  it("lists every client's open tickets for staff, most urgent first, and refuses requesters", async () => {
    const low = await h.call('POST', '/api/v1/tickets', {
      token: await h.ana(),
      body: emailPayload({ internetMessageId: '<b1@acme.example>', priority: 'low' }),
    });
    const critical = await h.call('POST', '/api/v1/tickets', {
      token: await h.gina(),
      body: emailPayload({ internetMessageId: '<b2@globex.example>', priority: 'critical' }),
    });
    const closed = await h.call('POST', '/api/v1/tickets', {
      token: await h.ana(),
      body: emailPayload({ internetMessageId: '<b3@acme.example>', priority: 'high' }),
    });
    let t = await h.service.acknowledge(L2, { ticketId: closed.body.id, expectedVersion: closed.body.version });
    t = await h.service.resolve(L2, { ticketId: t.id, expectedVersion: t.version }, 'done');
    await h.service.validateResolution(
      { role: 'requester', id: 'ana@acme.example' },
      { ticketId: t.id, expectedVersion: t.version },
    );
    h.clock.advanceMinutes(40); // the critical ticket's 30-minute response SLA is now breached

    const board = await h.call('GET', '/api/v1/board', { token: await h.lena() });
    expect(board.status).toBe(200);
    expect(board.body.generatedAt).toBe(h.clock.now().toISOString());
    expect(board.body.tickets.map((x: { id: string }) => x.id)).toEqual([critical.body.id, low.body.id]);
    expect(board.body.tickets[0]).toMatchObject({
      clientId: 'globex',
      priority: 'critical',
      sla: { response: { state: 'breached', remainingMinutes: -10 } },
    });

    expect((await h.call('GET', '/api/v1/board', { token: await h.bob() })).body).toMatchObject({
      status: 403,
      code: 'forbidden',
    });
  });
});
