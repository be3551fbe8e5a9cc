import type { TicketView } from '../../shared/contract/api-contract';
import { renderQueue } from '../../addin/views/board-view';

const base: TicketView = {
  id: 'a',
  number: 'SUP-2026-0007',
  version: '3',
  clientId: 'globex',
  requesterEmail: 'gina@globex.example',
  subject: 'ERP down',
  status: 'new',
  priority: 'critical',
  incidentType: 'technical-urgent',
  level: 'L1',
  budgetMinutes: 240,
  consumedMinutes: 0,
  awaitingEmail: false,
  openedAt: '2026-03-02T16:00:00.000Z',
  sla: {
    response: { state: 'breached', dueAt: '2026-03-02T16:30:00.000Z', remainingMinutes: -10 },
    resolution: { state: 'on-track', dueAt: '2026-03-02T20:00:00.000Z', remainingMinutes: 200 },
  },
};
const second: TicketView & { clientName: string } = {
  ...base,
  clientName: 'ACME Corp',
  id: 'b',
  number: 'SUP-2026-0008',
  clientId: 'acme',
  priority: 'low',
  assigneeId: 'staff-l2',
  status: 'waiting-on-client',
  sla: { response: { state: 'met' }, resolution: { state: 'paused' } },
};

describe('dashboard: the open-tickets queue', () => {
  it('lists tickets in the given order with their clocks, in Spanish', () => {
    const html = renderQueue('es-MX', [base, { ...second, assigneeName: 'Lena' }], '2026-03-02T16:40:00.000Z');
    expect(html).toContain('<td>ACME Corp</td>');
    expect(html).toContain('<td>Lena</td>');
    expect(html).toContain('1 incumplidos, 0 en riesgo, 2 abiertos');
    expect(html.indexOf('SUP-2026-0007')).toBeLessThan(html.indexOf('SUP-2026-0008'));
    expect(html).toContain('Incumplido, 10 min de retraso');
    expect(html).toContain('En tiempo, quedan 3 h 20 min');
    expect(renderQueue('es-MX', [base], '2026-03-02T16:40:00.000Z')).toContain('Sin asignar');
    expect(html).toContain('<td class="sla sla-paused">En pausa</td>');
  });

  it('says when there is nothing open', () => {
    expect(renderQueue('en', [], '2026-03-02T16:40:00.000Z')).toContain('No open tickets.');
  });
});
