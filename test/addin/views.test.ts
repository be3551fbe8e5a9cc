import type { AppState } from '../../addin/app-state';
import { renderApp } from '../../addin/views/render-app';
import type { TicketView } from '../../shared/contract/api-contract';
import { ANA_EMAIL } from './fake-mail-host';

const TICKET: TicketView = {
  id: 't1',
  number: 'SUP-2026-0042',
  version: '7',
  clientId: 'acme',
  requesterEmail: 'ana@acme.example',
  subject: 'Facturas <script>',
  status: 'open',
  priority: 'critical',
  incidentType: 'maintenance',
  level: 'L2',
  budgetMinutes: 960,
  consumedMinutes: 75,
  awaitingEmail: false,
  openedAt: '2026-03-02T16:00:00.000Z',
  sla: {
    response: { state: 'met' },
    resolution: { state: 'breached', dueAt: '2026-03-03T16:00:00.000Z', remainingMinutes: -95 },
  },
};

function state(patch: Partial<AppState>): AppState {
  return {
    locale: 'en',
    now: '2026-03-04T16:00:00.000Z',
    phase: 'ready',
    busy: false,
    mode: 'read',
    supportAddress: 'soporte@partner.example',
    form: { priority: 'medium', incidentType: 'technical-regular', description: '' },
    composeAction: 'report',
    canSetHeaders: true,
    me: {
      kind: 'requester',
      email: 'ana@acme.example',
      name: 'Ana',
      clientId: 'acme',
      clientName: 'ACME',
      isClientAdmin: false,
      locale: 'es-MX',
    },
    item: ANA_EMAIL,
    ...patch,
  };
}

describe('task pane views (plain functions of state)', () => {
  it('renders the ticket in Spanish or English with SLA overdue time and budget', () => {
    const es = renderApp(state({ locale: 'es-MX', ticket: TICKET }));
    expect(es).toContain('Ticket SUP-2026-0042');
    expect(es).toContain('Crítica');
    expect(es).toContain('Incumplido: 1 h 35 min en horario de soporte de retraso');
    expect(es).toContain('Presupuesto: 1 h 15 min de 16 h 0 min usados');
    const en = renderApp(state({ ticket: TICKET }));
    expect(en).toContain('Breached: 1 h 35 min of support hours over');
    expect(en).toContain('First response:</strong> Met');
  });

  it('escapes what comes from email and tickets', () => {
    const html = renderApp(
      state({
        ticket: TICKET,
        flash: { kind: 'error', key: 'addin.error.generic', params: { detail: '<img src=x onerror=alert(1)>' } },
      }),
    );
    expect(html).toContain('Facturas &lt;script&gt;');
    expect(html).not.toContain('<img');
    expect(renderApp(state({ item: { ...ANA_EMAIL, subject: '"><b>x' } }))).toContain('&quot;&gt;&lt;b&gt;x');
  });

  it("offers the resolution and extension decisions only to the ticket's requester or the client's administrator", () => {
    const pending: TicketView = {
      ...TICKET,
      status: 'resolved',
      pendingExtension: { requestId: 'x1', minutes: 90, requestedAt: '2026-03-03T16:00:00.000Z' },
    };
    const own = renderApp(state({ ticket: pending }));
    expect(own).toContain('data-action="confirm-resolution"');
    expect(own).toContain('data-action="approve-extension"');
    const colleague = renderApp(
      state({
        ticket: pending,
        me: {
          kind: 'requester',
          email: 'carl@acme.example',
          name: 'Carl',
          clientId: 'acme',
          clientName: 'ACME',
          isClientAdmin: false,
          locale: 'en',
        },
      }),
    );
    expect(colleague).not.toContain('data-action');
    const staff = renderApp(
      state({ ticket: pending, me: { kind: 'staff', email: 'lena@partner.example', name: 'Lena', role: 'L2', locale: 'en' } }),
    );
    expect(staff).toContain('Signed in as Lena (support staff)');
    expect(staff).not.toContain('data-action="confirm-resolution"');
  });

  it('shows the create form with pickers in compose-free read mode, and disables buttons while busy', () => {
    const html = renderApp(state({ busy: true }));
    expect(html).toContain('<option value="critical">Critical</option>');
    expect(html).toContain('<option value="medium" selected>Medium</option>');
    expect(html).toContain('<li>error.png</li>');
    expect(html).toContain(
      '<blockquote class="body" data-field="body">Desde esta mañana el timbrado falla con error 301.</blockquote>',
    );
    const long = renderApp(state({ item: { ...ANA_EMAIL, bodyText: 'x'.repeat(1000) } }));
    expect(long).toContain(`${'x'.repeat(400)}…</blockquote>`);
    expect(html).toMatch(/data-action="create-ticket" disabled/);
    expect(html).toContain('Working…');
  });

  it('compose mode explains when Outlook cannot set headers', () => {
    expect(renderApp(state({ mode: 'compose', canSetHeaders: false }))).toContain('Mailbox 1.8 is required');
    expect(renderApp(state({ mode: 'compose', composeAction: 'after-hours' }))).toContain('type="datetime-local" name="start"');
  });
});
