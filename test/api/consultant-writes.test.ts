import { ApiHarness, emailPayload } from './api-harness';

/** A consultant's writes through the REST API (staff token, If-Match), over HTTP on 127.0.0.1. */
describe('REST API: triage, first response and contact attempts (staff)', () => {
  let h: ApiHarness;
  beforeEach(async () => {
    h = await ApiHarness.start();
  });
  afterEach(async () => h.close());

  async function createTicket() {
    const res = await h.call('POST', '/api/v1/tickets', {
      token: await h.ana(),
      body: emailPayload({ priority: 'medium', incidentType: 'technical-regular' }),
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  const post = async (path: string, version: string, body: unknown, token?: string) =>
    h.call('POST', path, { token: token ?? (await h.lena()), headers: { 'if-match': `"${version}"` }, body });

  it('triages priority, type and budget with a reason; the client is emailed the new priority and due times', async () => {
    const ticket = await createTicket();
    const res = await post(`/api/v1/tickets/${ticket.id}/triage`, ticket.version, {
      priority: 'high',
      incidentType: 'research-debugging',
      budgetMinutes: 900,
      reason: 'Invoices blocked for the whole company',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${res.body.version}"`);
    expect(res.body).toMatchObject({ priority: 'high', incidentType: 'research-debugging', budgetMinutes: 900 });
    // High: breach 4 business hours after 10:00 -> 14:00 (20:00Z), re-derived from the change.
    expect(res.body.sla.response.dueAt).toBe('2026-03-02T20:00:00.000Z');
    const mail = h.mailer.sent.find((m) => m.kind === 'triage');
    expect(mail?.to).toEqual(['ana@acme.example']);
    expect(mail?.text).toMatch(/prioridad Alta, Investigación \/ depuración/);
    const events = await h.store.tickets.events(ticket.id);
    expect(events.find((e) => e.type === 'priority-changed')).toMatchObject({
      actor: { id: 'staff-l2' },
      data: { from: 'medium', to: 'high', reason: 'Invoices blocked for the whole company' },
    });
    const outOfRange = await post(`/api/v1/tickets/${ticket.id}/triage`, res.body.version, {
      incidentType: 'maintenance',
      budgetMinutes: 60,
    });
    expect(outOfRange.body).toMatchObject({ status: 400, code: 'validation' });
    expect(outOfRange.body.detail).toMatch(/outside the maintenance range 960-2160/);
    const nothing = await post(`/api/v1/tickets/${ticket.id}/triage`, res.body.version, {});
    expect(nothing.body).toMatchObject({ status: 400, code: 'validation' });
    const client = await post(`/api/v1/tickets/${ticket.id}/triage`, res.body.version, { priority: 'critical' }, await h.ana());
    expect(client.body).toMatchObject({ status: 403 });
  });

  it("responds: emailed on the client's thread, the response clock stops, 15 minutes billed; a phone response needs its note", async () => {
    const ticket = await createTicket();
    const noNote = await post(`/api/v1/tickets/${ticket.id}/phone-response`, ticket.version, { note: '' });
    expect(noNote.body).toMatchObject({ status: 400, code: 'validation' });
    const res = await post(`/api/v1/tickets/${ticket.id}/respond`, ticket.version, {
      message: 'Estimada Ana: ya revisamos el timbrado y le escribimos a las 12:00.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'open', firstResponseBy: 'email', consumedMinutes: 15 });
    expect(res.body.sla.response.state).toBe('met');
    const mail = h.mailer.sent.find((m) => m.kind === 'response');
    expect(mail).toMatchObject({ to: ['ana@acme.example'], inReplyTo: '<CAF1234@mail.acme.example>' });
    expect(mail?.text).toContain('ya revisamos el timbrado');
    const again = await post(`/api/v1/tickets/${ticket.id}/respond`, ticket.version, { message: 'twice' });
    expect(again.body).toMatchObject({ status: 412 });
    expect(h.mailer.sent.filter((m) => m.kind === 'response')).toHaveLength(1);
  });

  it('records a phone call as the first response and emails its note', async () => {
    const ticket = await createTicket();
    const res = await post(`/api/v1/tickets/${ticket.id}/phone-response`, ticket.version, {
      note: 'Acordamos revisar el certificado hoy.',
    });
    expect(res.body).toMatchObject({ status: 'open', firstResponseBy: 'phone' });
    expect(h.mailer.sent.find((m) => m.kind === 'phone-response')?.text).toContain('Acordamos revisar el certificado hoy.');
  });

  it('refuses a contact attempt the policy does not allow yet', async () => {
    const created = await createTicket();
    const waiting = await h.service.requestInformation(
      { role: 'L2', id: 'staff-l2' },
      { ticketId: created.id, expectedVersion: created.version },
      '¿Desde cuándo?',
    );
    const early = await post(`/api/v1/tickets/${waiting.id}/contact-attempts`, waiting.version, { note: 'llamé' });
    expect(early.body).toMatchObject({ status: 400, code: 'validation' });
    expect(early.body.detail).toMatch(/attempt 2 of 3 .* possible from 2026-03-03T16:00:00.000Z/);
    h.clock.advanceMinutes(24 * 60);
    const ok = await post(`/api/v1/tickets/${waiting.id}/contact-attempts`, waiting.version, { note: 'llamé' });
    expect(ok.body).toMatchObject({ contactAttempts: 2 });
  });
});
