import type { DashboardView } from '../../shared/contract/dashboard-contract';
import { renderDashboard } from '../../addin/views/dashboard-view';

const count = (met: number, breached: number) => ({
  met,
  breached,
  pending: 0,
  percent: met + breached === 0 ? null : Math.floor((met * 1000) / (met + breached)) / 10,
});
const clocks = (met: number, breached: number) => ({ response: count(met, breached), resolution: count(met, 0) });
const levels = (l1: number, l4 = 0) => ({ L1: l1, L2: 0, L3: 0, L4: l4 });

const view: DashboardView = {
  generatedAt: '2026-03-06T17:00:00.000Z',
  month: '2026-03',
  months: ['2026-02', '2026-03'],
  clients: [
    { id: 'acme', name: 'ACME Corp' },
    { id: 'globex', name: 'Globex' },
  ],
  week: { from: '2026-03-02T06:00:00.000Z', to: '2026-03-09T06:00:00.000Z' },
  tickets: [],
  compliance: [
    {
      month: '2026-02',
      ...clocks(0, 0),
      byPriority: { critical: clocks(0, 0), high: clocks(0, 0), medium: clocks(0, 0), low: clocks(0, 0) },
      byClient: {},
    },
    {
      month: '2026-03',
      ...clocks(2, 1),
      byPriority: { critical: clocks(0, 1), high: clocks(2, 0), medium: clocks(0, 0), low: clocks(0, 0) },
      byClient: { globex: clocks(0, 1), acme: clocks(2, 0) },
    },
  ],
  incidents: [
    {
      ticketId: 't1',
      clock: 'response',
      kind: 'breach',
      at: '2026-03-04T16:30:00.000Z',
      elapsedMinutes: 40,
      breachMinutes: 30,
      ticketNumber: 'SUP-2026-0001',
      subject: 'ERP caído',
      clientName: 'Globex',
      holderId: 's1',
      holderName: 'Lena',
    },
  ],
  open: {
    total: 3,
    byAge: { lt1d: levels(1), '1to3d': levels(0), '3to7d': levels(1, 1), '7to30d': levels(0), gt30d: levels(0) },
    byLevel: levels(2, 1),
    microsoftWaiting: [
      {
        ticketId: 't3',
        caseNumber: '2603020040001',
        since: '2026-03-03T16:00:00.000Z',
        ticketNumber: 'SUP-2026-0003',
        level: 'L4',
      },
    ],
  },
  workload: [{ consultantId: 's1', name: 'Lena', open: 2, breached: 1, atRisk: 0, billedMinutes: 435 }],
  hours: {
    month: '2026-03',
    clients: [
      {
        clientId: 'acme',
        clientName: 'ACME Corp',
        billedMinutes: 435,
        amountCents: 652500,
        currency: 'MXN',
        hourlyRateCents: 90_000,
        budgetMinutes: 240,
        overBudgetWithoutApproval: 1,
      },
    ],
    tickets: [
      {
        ticketId: 't2',
        clientId: 'acme',
        monthMinutes: 435,
        ticketNumber: 'SUP-2026-0002',
        subject: 'Migración',
        budget: {
          budgetMinutes: 240,
          consumedMinutes: 435,
          remainingMinutes: -195,
          percent: 181,
          alertsReached: [80, 100],
          overBudgetWithoutApproval: true,
        },
      },
    ],
  },
  charts: {
    compliance: '<svg class="chart" role="img"><title>c</title></svg>',
    age: '<svg class="chart" role="img"></svg>',
    workload: '<svg class="chart" role="img"></svg>',
    hours: '<svg class="chart" role="img"></svg>',
  },
};

describe('dashboard view', () => {
  it('shows every section with its chart and the numbers as tables, in Spanish', () => {
    const html = renderDashboard({ locale: 'es-MX', phase: 'ready', filters: { months: 12 }, dashboard: view });
    expect(html).toContain('<h1>Tablero de gestión</h1>');
    for (const id of ['queue', 'compliance', 'incidents', 'open', 'workload', 'hours'])
      expect(html).toContain(`aria-labelledby="sec-${id}"`);
    expect(html.match(/<figure class="chart-box" tabindex="0"><svg/g)).toHaveLength(4);
    // As Intl formats percentages in es-MX.
    expect(html).toMatch(/<th scope="row">2026-03<\/th><td>66.6% \(2 de 3\)<\/td>/);
    expect(html).toMatch(/<th scope="row">Globex<\/th><td>0% \(0 de 1\)<\/td>/);
    expect(html).toContain('Incumplimiento');
    expect(html).toContain('<td>Lena</td>');
    expect(html).toContain('Casos de Microsoft en espera: 1');
    expect(html).toContain('SUP-2026-0003: caso 2603020040001');
    expect(html).toContain('Excedido, sin autorización');
    expect(html).toMatch(/\$6,525\.00|6,525\.00/);
    expect(html).toContain('<option value="acme">ACME Corp</option>');
    expect(html).toContain('value="2026-03"');
  });

  it('keeps the filters chosen and labels every control, in English', () => {
    const html = renderDashboard({
      locale: 'en',
      phase: 'ready',
      filters: { months: 6, clientId: 'globex', month: '2026-02' },
      dashboard: view,
    });
    expect(html).toContain('<option value="globex" selected>Globex</option>');
    expect(html).toContain('<option value="6" selected>Last 6 months</option>');
    expect(html).toContain('value="2026-02"');
    expect(html).toContain('<label>Client<select name="clientId">');
    expect(html).toContain('No open tickets.');
    // A client without an hourly rate shows no amount.
    const noRate = { ...view, hours: { ...view.hours, clients: view.hours.clients.map((c) => ({ ...c, hourlyRateCents: 0 })) } };
    expect(renderDashboard({ locale: 'en', phase: 'ready', filters: { months: 12 }, dashboard: noRate })).toContain(
      '<th scope="row">ACME Corp</th><td>7.3 h</td><td>4 h</td><td>—</td>',
    );
  });

  it('shows a refusal without figures', () => {
    const html = renderDashboard({
      locale: 'en',
      phase: 'failed',
      filters: { months: 12 },
      flash: { kind: 'error', key: 'dash.error.forbidden' },
    });
    expect(html).toContain('The dashboard is for the support staff.');
    expect(html).not.toContain('<main>');
  });
});
