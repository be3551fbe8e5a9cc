import { createApiClient } from '../../addin/api/api-client';
import type { AppState } from '../../addin/app-state';
import { TaskPaneController } from '../../addin/taskpane-controller';
import { renderApp } from '../../addin/views/render-app';
import { ApiHarness } from '../api/api-harness';
import { ANA_EMAIL, FakeMailHost } from './fake-mail-host';

const SUPPORT = 'soporte@partner.example';
const L2 = { role: 'L2' as const, id: 'staff-l2', name: 'Lena L2' };

describe('task pane flows against the real API server on 127.0.0.1', () => {
  let h: ApiHarness;
  beforeEach(async () => {
    h = await ApiHarness.start();
  });
  afterEach(async () => h.close());

  function pane(host: FakeMailHost, token: () => Promise<string>, composeAction: 'report' | 'after-hours' = 'report') {
    const states: AppState[] = [];
    const api = createApiClient({ apiBase: h.baseUrl, tokens: { getToken: token }, fetch });
    const controller = new TaskPaneController({
      host,
      api,
      supportAddress: SUPPORT,
      composeAction,
      now: () => h.clock.now(),
      onChange: (s) => states.push(s),
    });
    return { controller, states, html: () => renderApp(controller.current()) };
  }

  it('read mode: shows the sender is authorized, creates the ticket, tags the email and opens the forward to support', async () => {
    const host = new FakeMailHost({
      mode: 'read',
      language: 'es-MX',
      user: { name: 'Ana', email: 'ana@acme.example' },
      item: ANA_EMAIL,
    });
    const { controller, states, html } = pane(host, () => h.ana());
    await controller.start();
    expect(states[0].phase).toBe('loading');
    expect(controller.current()).toMatchObject({
      phase: 'ready',
      sender: { authorized: true, clientName: 'ACME' },
      ticket: undefined,
    });
    expect(html()).toContain('ana@acme.example es solicitante autorizado de ACME.');
    expect(html()).toContain('Crear ticket');

    await controller.dispatch({
      type: 'create-ticket',
      priority: 'high',
      incidentType: 'technical-urgent',
      description: 'Toda la facturación',
    });
    const ticket = controller.current().ticket!;
    expect(ticket).toMatchObject({
      number: 'SUP-2026-0001',
      status: 'new',
      priority: 'high',
      sourceMessageId: '<pane-1@mail.acme.example>',
    });
    expect(host.tags).toEqual(['SUP-2026-0001']);
    expect(host.forwards).toEqual([
      expect.objectContaining({ supportAddress: SUPPORT, subject: '[SUP-2026-0001] Las facturas no se timbran' }),
    ]);
    expect(controller.current().flash).toEqual({ kind: 'info', key: 'addin.forward-opened' });
    expect(html()).toContain('Ticket SUP-2026-0001');
    expect(html()).toContain('Primera respuesta');
    expect(html()).toMatch(/En tiempo: quedan 4 h 0 min en horario de soporte/);
    const stored = await h.store.tickets.get(ticket.id);
    expect(stored?.description).toContain('Attachments: error.png');
  });

  it('a reply in the same thread shows the existing ticket; the client confirms the resolution', async () => {
    const created = await h.call('POST', '/api/v1/tickets', {
      token: await h.ana(),
      body: { ...ANA_EMAIL, body: ANA_EMAIL.bodyText, priority: 'medium', incidentType: 'technical-regular' },
    });
    let t = await h.service.acknowledge(L2, { ticketId: created.body.id, expectedVersion: created.body.version });
    t = await h.service.resolve(L2, { ticketId: t.id, expectedVersion: t.version }, 'Certificate renewed');

    const reply = {
      ...ANA_EMAIL,
      internetMessageId: '<pane-2@mail.partner.example>',
      sender: { name: 'Soporte', email: SUPPORT },
    };
    const host = new FakeMailHost({
      mode: 'read',
      language: 'en-US',
      user: { name: 'Ana', email: 'ana@acme.example' },
      item: reply,
    });
    const { controller, html } = pane(host, () => h.ana());
    await controller.start();
    expect(controller.current().ticket).toMatchObject({ id: t.id, status: 'resolved' });
    expect(controller.current().sender).toEqual({ email: SUPPORT, authorized: false });
    expect(html()).toContain('Support marked this ticket resolved');
    expect(html()).toContain('data-action="confirm-resolution"');

    await controller.dispatch({ type: 'confirm-resolution', note: 'Works' });
    expect(controller.current().ticket).toMatchObject({ status: 'closed', closeReason: 'validated' });
    expect(controller.current().flash).toEqual({ kind: 'info', key: 'addin.resolution.confirmed' });
    expect(html()).toContain('Thank you: the ticket is closed.');
    expect(host.tags).toEqual([]);
  });

  it('a stale ticket is refused with "someone changed this ticket" and reloaded', async () => {
    const created = await h.call('POST', '/api/v1/tickets', {
      token: await h.ana(),
      body: { ...ANA_EMAIL, body: ANA_EMAIL.bodyText, priority: 'medium', incidentType: 'technical-regular' },
    });
    let t = await h.service.acknowledge(L2, { ticketId: created.body.id, expectedVersion: created.body.version });
    t = await h.service.requestBudgetExtension(L2, { ticketId: t.id, expectedVersion: t.version }, 120, 'Vendor patch');
    const host = new FakeMailHost({
      mode: 'read',
      language: 'en',
      user: { name: 'Ana', email: 'ana@acme.example' },
      item: ANA_EMAIL,
    });
    const { controller, html } = pane(host, () => h.ana());
    await controller.start();
    expect(html()).toContain('Support asks for 2 h 0 min more of the approved budget.');

    // A consultant logs work meanwhile: the pane's version is now stale.
    await h.service.logWork(L2, { ticketId: t.id, expectedVersion: t.version }, 30, 'analysis');
    await controller.dispatch({ type: 'approve-extension' });
    expect(controller.current().flash).toMatchObject({ kind: 'error', key: 'addin.error.stale-version' });
    expect(controller.current().ticket?.consumedMinutes).toBeGreaterThanOrEqual(30);

    await controller.dispatch({ type: 'approve-extension' });
    expect(controller.current().flash).toEqual({ kind: 'info', key: 'addin.extension.approved' });
    expect(controller.current().ticket?.budgetMinutes).toBe(t.budgetMinutes + 120);
    expect(controller.current().ticket?.pendingExtension).toBeUndefined();
  });

  it("a consultant reading the client's email in the support mailbox records it for the sender, and sees its ticket", async () => {
    const inSupportMailbox = { ...ANA_EMAIL, internetMessageId: '<staff-1@mail.acme.example>', recipients: [SUPPORT] };
    const host = new FakeMailHost({
      mode: 'read',
      language: 'es-MX',
      user: { name: 'Lena', email: 'lena@partner.example' },
      item: inSupportMailbox,
    });
    const { controller, html } = pane(host, () => h.lena());
    await controller.start();
    expect(html()).toContain('Sesión de Lena L2 (equipo de soporte)');
    await controller.dispatch({ type: 'create-ticket', priority: 'medium', incidentType: 'maintenance', description: '' });
    expect(controller.current().ticket).toMatchObject({
      requesterEmail: 'ana@acme.example',
      clientId: 'acme',
      incidentType: 'maintenance',
      awaitingEmail: false,
    });
    expect(controller.current().flash).toEqual({ kind: 'info', key: 'addin.created', params: { number: 'SUP-2026-0001' } });
    // Support already holds the email: it is tagged, and no forward is opened.
    expect(host.tags).toEqual(['SUP-2026-0001']);
    expect(host.forwards).toEqual([]);
    // Staff see the ticket but the client's decisions are not theirs to take.
    expect(html()).not.toContain('data-action=');
  });

  it('a caller who is not authorized sees why, and nothing of the ticket', async () => {
    const host = new FakeMailHost({
      mode: 'read',
      language: 'es-MX',
      user: { name: 'Olga', email: 'old@acme.example' },
      item: ANA_EMAIL,
    });
    const { controller, html } = pane(host, () =>
      h.token({ email: 'old@acme.example', tid: '0b8f6b0e-0000-4000-8000-0000000000ac' }),
    );
    await controller.start();
    expect(controller.current()).toMatchObject({ phase: 'failed', flash: { kind: 'error', key: 'addin.error.forbidden' } });
    expect(html()).toContain('Su cuenta no está autorizada');
    expect(html()).not.toContain('Crear ticket');
  });

  it('compose mode: "Report to support" and "Request after-hours attention" go into the email itself', async () => {
    const host = new FakeMailHost({ mode: 'compose', language: 'en-US', user: { name: 'Ana', email: 'ana@acme.example' } });
    const report = pane(host, () => h.ana());
    await report.controller.start();
    await report.controller.dispatch({ type: 'report-to-support', priority: 'critical', incidentType: 'technical-urgent' });
    expect(host.reports).toEqual([{ supportAddress: SUPPORT, priority: 'critical', incidentType: 'technical-urgent' }]);
    expect(report.html()).toContain('Ready: the email goes to soporte@partner.example as Critical / Technical (urgent).');

    const afterHours = pane(host, () => h.ana(), 'after-hours');
    await afterHours.controller.start();
    expect(afterHours.html()).toContain('Request after-hours attention');
    await afterHours.controller.dispatch({
      type: 'request-after-hours',
      start: '2026-03-01T09:00:00Z',
      end: '2026-03-01T12:00:00Z',
    });
    expect(afterHours.controller.current().flash).toEqual({ kind: 'error', key: 'addin.compose.after-hours.invalid' });
    await afterHours.controller.dispatch({
      type: 'request-after-hours',
      start: '2026-03-07T15:00:00Z',
      end: '2026-03-07T21:00:00Z',
    });
    expect(host.afterHours).toEqual([
      { supportAddress: SUPPORT, window: { start: '2026-03-07T15:00:00.000Z', end: '2026-03-07T21:00:00.000Z' } },
    ]);
    expect(afterHours.controller.current().composeDone).toEqual({
      action: 'after-hours',
      start: '2026-03-07T15:00:00.000Z',
      end: '2026-03-07T21:00:00.000Z',
    });
    expect(afterHours.html()).toMatch(
      /Ready: the email requests attention from Mar 7, 2026.* to Mar 7, 2026.*\. Send it to soporte@partner\.example\./,
    );
  });
});
