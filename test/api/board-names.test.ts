import { renderQueue } from '../../addin/views/board-view';
import type { BoardView } from '../../shared/contract/api-contract';
import { ApiHarness, emailPayload } from './api-harness';

const MANAGER = { role: 'manager' as const, id: 'staff-mgr', name: 'Marta' };

describe('REST API: the SLA board names clients and assignees', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await ApiHarness.start();
  });
  afterAll(async () => h.close());

  it('sends the names of its clients and assignees, and the tab shows them instead of ids', async () => {
    const opened = await h.call('POST', '/api/v1/tickets', {
      token: await h.gina(),
      body: emailPayload({ internetMessageId: '<n1@globex.example>', priority: 'high' }),
    });
    await h.service.assign(MANAGER, { ticketId: opened.body.id, expectedVersion: opened.body.version }, 'staff-l2');
    const board = (await h.call('GET', '/api/v1/board', { token: await h.lena() })).body as BoardView;
    expect(board.clientNames).toEqual({ globex: 'Globex' });
    expect(board.staffNames).toEqual({ 'staff-l2': 'Lena L2' });

    const named = board.tickets.map((x) => ({
      ...x,
      clientName: board.clientNames?.[x.clientId],
      assigneeName: x.assigneeId === undefined ? undefined : board.staffNames?.[x.assigneeId],
    }));
    const html = renderQueue('es-MX', named, board.generatedAt);
    expect(html).toContain('<td>Globex</td>');
    expect(html).toContain('<td>Lena L2</td>');
    expect(html).not.toMatch(/<td>(globex|staff-l2)<\/td>/);
  });
});
