import { ApiHarness, emailPayload } from './api-harness';
import { definedOnly } from '../../shared/domain/index';

const L2 = { role: 'L2' as const, id: 'staff-l2', name: 'Lena L2' };

describe('REST API: tickets from the open email', () => {
  let h: ApiHarness;
  beforeEach(async () => {
    h = await ApiHarness.start();
  });
  afterEach(async () => h.close());

  async function createTicket(overrides: Record<string, unknown> = {}) {
    const res = await h.call('POST', '/api/v1/tickets', { token: await h.ana(), body: emailPayload(overrides) });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('records the email as a ticket once, by its Internet Message-ID', async () => {
    const first = await h.call('POST', '/api/v1/tickets', { token: await h.ana(), body: emailPayload() });
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe(`"${first.body.version}"`);
    expect(first.body).toMatchObject({
      number: 'SUP-2026-0001',
      clientId: 'acme',
      requesterEmail: 'ana@acme.example',
      subject: 'Las facturas no se timbran',
      status: 'new',
      priority: 'high',
      incidentType: 'technical-urgent',
      sourceMessageId: '<CAF1234@mail.acme.example>',
      conversationId: 'AAQkADthread1',
    });
    expect(first.body.sla.response).toMatchObject({ state: 'on-track', remainingMinutes: 240 });
    expect(first.body.sla.response.dueAt).toBe('2026-03-02T20:00:00.000Z');
    const again = await h.call('POST', '/api/v1/tickets', {
      token: await h.ana(),
      body: emailPayload({ subject: 'retry', internetMessageId: 'CAF1234@mail.acme.example' }),
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const stored = await h.store.tickets.get(first.body.id);
    expect(stored?.description).toBe(
      'Afecta a toda la facturación\n\nDesde esta mañana el timbrado falla con error 301.\n\nAttachments: error.png, log.txt',
    );
    expect(stored?.channel).toBe('addin');
  });

  it('a ticket from an email support never received awaits that email (not official yet)', async () => {
    const absent = await createTicket({ internetMessageId: 'absent@mail.acme.example', supportHasEmail: false });
    expect(absent.awaitingEmail).toBe(true);
    const present = await createTicket({ internetMessageId: 'present@mail.acme.example' });
    expect(present.awaitingEmail).toBe(false);
    const bad = await h.call('POST', '/api/v1/tickets', {
      token: await h.ana(),
      body: emailPayload({ internetMessageId: 'x@mail.acme.example', supportHasEmail: 'no' }),
    });
    expect(bad.status).toBe(400);
  });

  it('records a long email body clipped to what a ticket holds (the email keeps the rest)', async () => {
    const body = await createTicket({ body: 'x'.repeat(100_000), internetMessageId: 'long@mail.acme.example' });
    const stored = await h.store.tickets.get(body.id);
    expect(stored?.description).toHaveLength(20_000);
    expect(stored?.description.startsWith('Afecta a toda la facturación\n\nxxx')).toBe(true);
  });

  it('finds the ticket of a message and of its thread', async () => {
    const ticket = await createTicket();
    const byMessage = await h.call(
      'GET',
      `/api/v1/tickets/lookup?internetMessageId=${encodeURIComponent('<CAF1234@mail.acme.example>')}`,
      { token: await h.ana() },
    );
    expect(byMessage.body.id).toBe(ticket.id);
    const byThread = await h.call(
      'GET',
      '/api/v1/tickets/lookup?internetMessageId=%3Creply-2%40acme.example%3E&conversationId=AAQkADthread1',
      { token: await h.ana() },
    );
    expect(byThread.body.id).toBe(ticket.id);
    const bare = await h.call(
      'GET',
      `/api/v1/tickets/lookup?internetMessageId=${encodeURIComponent(' CAF1234@mail.acme.example ')}`,
      { token: await h.ana() },
    );
    expect(bare.body.id).toBe(ticket.id);
    const none = await h.call('GET', '/api/v1/tickets/lookup?conversationId=other-thread', { token: await h.ana() });
    expect(none.status).toBe(404);
    const noKey = await h.call('GET', '/api/v1/tickets/lookup', { token: await h.ana() });
    expect(noKey.status).toBe(400);
    expect(noKey.body.errors[0].field).toBe('internetMessageId');
  });

  it('names the invalid fields (RFC 7807, one entry per field)', async () => {
    const res = await h.call('POST', '/api/v1/tickets', {
      token: await h.ana(),
      body: emailPayload({ subject: '', priority: 'urgent' }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['priority', 'subject']);
  });

  it("lists the requester's own tickets; the client administrator sees the client's", async () => {
    await createTicket();
    const bobs = await h.call('POST', '/api/v1/tickets', {
      token: await h.bob(),
      body: emailPayload({ internetMessageId: '<bob-1@acme.example>', conversationId: 'bob-thread' }),
    });
    expect(bobs.status).toBe(201);
    const anaMine = await h.call('GET', '/api/v1/tickets/mine', { token: await h.ana() });
    expect(anaMine.body.tickets.map((t: { requesterEmail: string }) => t.requesterEmail)).toEqual(['ana@acme.example']);
    expect((await h.call('GET', `/api/v1/tickets/${bobs.body.id}`, { token: await h.ana() })).status).toBe(404);
    expect((await h.call('GET', `/api/v1/tickets/${anaMine.body.tickets[0].id}`, { token: await h.bob() })).status).toBe(200);
  });

  it("lets staff record a client's email for its authorized sender only", async () => {
    const lena = await h.lena();
    const missing = await h.call('POST', '/api/v1/tickets', { token: lena, body: emailPayload() });
    expect(missing.status).toBe(400);
    const stranger = await h.call('POST', '/api/v1/tickets', {
      token: lena,
      body: emailPayload({ requesterEmail: 'eve@elsewhere.example' }),
    });
    expect(stranger.body).toMatchObject({ status: 422, code: 'unauthorized-sender' });
    const ok = await h.call('POST', '/api/v1/tickets', {
      token: lena,
      body: emailPayload({ requesterEmail: 'Ana@acme.example' }),
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ clientId: 'acme', requesterEmail: 'ana@acme.example' });
  });

  describe('writes carry the ticket version', () => {
    it('confirms a resolution: 428 without If-Match, 412 when stale, 200 and closed when current', async () => {
      const created = await createTicket();
      let ticket = await h.service.acknowledge(L2, { ticketId: created.id, expectedVersion: created.version });
      ticket = await h.service.resolve(L2, { ticketId: ticket.id, expectedVersion: ticket.version }, 'Renewed the certificate');
      const ana = await h.ana();
      const path = `/api/v1/tickets/${ticket.id}/resolution/confirm`;
      expect((await h.call('POST', path, { token: ana, body: {} })).body).toMatchObject({
        status: 428,
        code: 'precondition-required',
      });
      const stale = await h.call('POST', path, { token: ana, headers: { 'if-match': `"${created.version}"` }, body: {} });
      expect(stale.body).toMatchObject({ status: 412, code: 'stale-version' });
      const ok = await h.call('POST', path, {
        token: ana,
        headers: { 'if-match': `"${ticket.version}"` },
        body: { note: 'Works now' },
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'closed', closeReason: 'validated' });
      const events = await h.store.tickets.events(ticket.id);
      expect(events.find((e) => e.type === 'resolution-validated')).toMatchObject({
        channel: 'addin',
        actor: { role: 'requester', id: 'ana@acme.example' },
      });
    });

    it("staff confirm a resolution for the client only by pointing at the client's reply", async () => {
      const created = await createTicket();
      let ticket = await h.service.acknowledge(L2, { ticketId: created.id, expectedVersion: created.version });
      ticket = await h.service.resolve(L2, { ticketId: ticket.id, expectedVersion: ticket.version }, 'Renewed the certificate');
      ticket = await h.service.recordClientReply(
        { role: 'system', id: 'mail-intake' },
        { ticketId: ticket.id, expectedVersion: ticket.version },
        '<reply-1@acme.example>',
        'Parece que ya funciona.',
      );
      const path = `/api/v1/tickets/${ticket.id}/resolution/confirm`;
      const lena = await h.lena();
      const bare = await h.call('POST', path, { token: lena, headers: { 'if-match': ticket.version }, body: {} });
      expect(bare.body).toMatchObject({ code: 'validation' });
      const ok = await h.call('POST', path, {
        token: lena,
        headers: { 'if-match': ticket.version },
        body: { clientMessageId: '<reply-1@acme.example>' },
      });
      expect(ok.body).toMatchObject({ status: 'closed', closeReason: 'validated' });
      const events = await h.store.tickets.events(ticket.id);
      expect(events.find((e) => e.type === 'resolution-validated')).toMatchObject({
        actor: { role: 'L2' },
        data: { clientMessageId: '<reply-1@acme.example>', onBehalfOf: 'ana@acme.example' },
      });
    });

    it('rejects a resolution: the ticket reopens', async () => {
      const created = await createTicket();
      let ticket = await h.service.acknowledge(L2, { ticketId: created.id, expectedVersion: created.version });
      ticket = await h.service.resolve(L2, { ticketId: ticket.id, expectedVersion: ticket.version }, 'Done');
      const res = await h.call('POST', `/api/v1/tickets/${ticket.id}/resolution/reject`, {
        token: await h.ana(),
        headers: { 'if-match': ticket.version },
        body: { reason: 'Still failing' },
      });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('open');
      const again = await h.call('POST', `/api/v1/tickets/${ticket.id}/resolution/reject`, {
        token: await h.ana(),
        headers: { 'if-match': res.body.version },
        body: {},
      });
      expect(again.body).toMatchObject({ status: 409, code: 'invalid-transition' });
    });

    it('approves or refuses a budget extension', async () => {
      const created = await createTicket();
      let ticket = await h.service.acknowledge(L2, { ticketId: created.id, expectedVersion: created.version });
      ticket = await h.service.requestBudgetExtension(
        L2,
        { ticketId: ticket.id, expectedVersion: ticket.version },
        120,
        'Needs a vendor patch',
      );
      const pending = await h.call('GET', `/api/v1/tickets/${ticket.id}`, { token: await h.ana() });
      expect(pending.body.pendingExtension).toMatchObject({ minutes: 120 });
      const requestId = pending.body.pendingExtension.requestId;
      const approved = await h.call('POST', `/api/v1/tickets/${ticket.id}/budget-extensions/${requestId}/approve`, {
        token: await h.ana(),
        headers: { 'if-match': pending.body.version },
      });
      expect(approved.status).toBe(200);
      expect(approved.body.budgetMinutes).toBe(ticket.budgetMinutes + 120);
      expect(approved.body.pendingExtension).toBeUndefined();

      ticket = await h.service.requestBudgetExtension(
        L2,
        { ticketId: ticket.id, expectedVersion: approved.body.version },
        60,
        'More testing',
      );
      const refused = await h.call(
        'POST',
        `/api/v1/tickets/${ticket.id}/budget-extensions/${ticket.pendingExtension!.requestId}/refuse`,
        { token: await h.bob(), headers: { 'if-match': ticket.version }, body: { reason: 'Not this month' } },
      );
      expect(refused.status).toBe(200);
      expect(refused.body.budgetMinutes).toBe(approved.body.budgetMinutes);
    });
  });
});

describe("REST API: restify's own refusals are problem details too", () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await ApiHarness.start();
  });
  afterAll(async () => h.close());

  it.each([
    ['a malformed JSON body', 'POST', '/api/v1/tickets', '{bad', 400, 'validation'],
    ['an unknown path', 'GET', '/api/v1/nope', undefined, 404, 'not-found'],
    ['a wrong method', 'DELETE', '/api/v1/me', undefined, 405, 'method-not-allowed'],
  ])('%s', async (_name, method, path, body, status, code) => {
    const res = await fetch(`${h.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await h.ana()}`, 'content-type': 'application/json' },
      ...definedOnly({ body }),
    });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status, code, type: `urn:soporte:problem:${code}` });
  });
});
