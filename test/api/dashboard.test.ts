import { ApiHarness, emailPayload } from './api-harness';

const L2 = { role: 'L2' as const, id: 'staff-l2', name: 'Lena L2' };
const ref = (x: { id: string; version: string }) => ({ ticketId: x.id, expectedVersion: x.version });

describe("REST API: the managers' dashboard", () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await ApiHarness.start();
  });
  afterAll(async () => h.close());

  it('gives staff the month at a glance, with names for ids, figures from the SLA and billing rules, and SVG charts', async () => {
    const critical = await h.call('POST', '/api/v1/tickets', {
      token: await h.gina(),
      body: emailPayload({ internetMessageId: '<d1@globex.example>', priority: 'critical' }),
    });
    const high = await h.call('POST', '/api/v1/tickets', {
      token: await h.ana(),
      body: emailPayload({ internetMessageId: '<d2@acme.example>', priority: 'high' }),
    });
    let t = await h.service.assign(L2, ref(high.body), 'staff-l2');
    h.clock.advanceMinutes(20);
    t = await h.service.acknowledge(L2, ref(t));
    await h.service.logWork(L2, ref(t), 420, 'migration'); // + the acknowledgement's 15-minute follow-up
    await h.service.assign(L2, ref(critical.body), 'staff-l2');
    h.clock.advanceMinutes(20); // the critical ticket's 30-minute response SLA breaches at +30

    const res = await h.call('GET', '/api/v1/dashboard?locale=en', { token: await h.lena() });
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.month).toBe('2026-03');
    expect(d.months).toHaveLength(12);
    expect(d.tickets.map((x: { number: string }) => x.number)).toEqual([critical.body.number, high.body.number]);
    expect(d.tickets[0]).toMatchObject({
      clientName: 'Globex',
      assigneeName: 'Lena L2',
      sla: { response: { state: 'breached' } },
    });
    expect(d.compliance[11].response).toEqual({ met: 1, breached: 1, pending: 0, percent: 50 });
    expect(d.compliance[11].byClient.globex.response.percent).toBe(0);
    expect(d.incidents).toEqual([
      expect.objectContaining({
        ticketNumber: critical.body.number,
        clock: 'response',
        kind: 'breach',
        clientName: 'Globex',
        holderId: 'staff-l2',
        holderName: 'Lena L2',
      }),
    ]);
    expect(d.open.byAge.lt1d.L1).toBe(2);
    expect(d.workload).toEqual([expect.objectContaining({ name: 'Lena L2', open: 2, breached: 1, billedMinutes: 435 })]);
    expect(d.hours.tickets[0]).toMatchObject({
      ticketNumber: high.body.number,
      monthMinutes: 435,
      budget: { budgetMinutes: 240, overBudgetWithoutApproval: true },
    });
    expect(d.hours.clients).toEqual([
      expect.objectContaining({ clientName: 'ACME', billedMinutes: 435, overBudgetWithoutApproval: 1 }),
    ]);
    for (const svg of Object.values(d.charts) as string[])
      expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*><title id="chart-[a-z]+-title">/);
    expect(d.charts.compliance).toContain('First response');

    const es = await h.call('GET', '/api/v1/dashboard?clientId=acme&months=3&month=2026-03', { token: await h.lena() });
    expect(es.body.tickets.map((x: { clientName: string }) => x.clientName)).toEqual(['ACME']);
    expect(es.body.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(es.body.charts.compliance).toContain('Primera respuesta');
  });

  it('refuses requesters and bad filters with clear problems', async () => {
    expect((await h.call('GET', '/api/v1/dashboard', { token: await h.bob() })).body).toMatchObject({
      status: 403,
      code: 'forbidden',
    });
    const badMonth = await h.call('GET', '/api/v1/dashboard?month=2026-13', { token: await h.lena() });
    expect(badMonth.status).toBe(400);
    expect(JSON.stringify(badMonth.body)).toContain('month');
    expect((await h.call('GET', '/api/v1/dashboard?months=13', { token: await h.lena() })).status).toBe(400);
    expect((await h.call('GET', '/api/v1/dashboard?clientId=nobody', { token: await h.lena() })).status).toBe(400);
  });
});
