import type { Ticket } from '../../shared/domain/ticket/ticket';
import { actionData, cardAction, cardText, message, verbsOf } from './activities';
import { BotHarness } from './bot-harness';
import { invokeTurn, testTurn } from './bot-turns';

const L2 = { aadObjectId: 'aad-l2', locale: 'en-US' };

describe('Teams card actions (Action.Execute through the TestAdapter, real services on SQLite)', () => {
  let h: BotHarness;
  let ticket: Ticket;
  beforeEach(async () => {
    h = await BotHarness.start();
    ticket = await h.openTicket();
  });
  afterEach(async () => {
    await h.close();
  });

  const data = (t: Ticket, extra: Record<string, unknown> = {}) => ({ ticketId: t.id, version: t.version, view: 'ticket', ...extra });
  const stored = async () => (await h.store.tickets.get(ticket.id)) as Ticket;

  it('acknowledges and answers with the updated card (Universal Actions)', async () => {
    const body = await invokeTurn(h, cardAction('ticket.acknowledge', data(ticket), L2));
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const after = await stored();
    expect(after.status).toBe('open');
    expect(after.firstResponseAt).toBe(h.clock.now().toISOString());
    expect(cardText(body.value)).toMatch(/Status: Open/);
    expect(cardText(body.value)).toMatch(/Response SLA: Met/);
    expect(actionData(body.value, 'ticket.resolve').version).toBe(after.version);
  });

  it('assigns to the user who clicked', async () => {
    const body = await invokeTurn(h, cardAction('ticket.assignToMe', data(ticket), L2));
    expect((await stored()).assigneeId).toBe('staff-l2');
    expect(cardText(body.value)).toMatch(/Assignee: Lena L2/);
  });

  it('a manager assigns a consultant from the SLA alert card: the choices are the active consultants', async () => {
    const alert = { ...data(ticket), view: 'alert', clock: 'response', threshold: 'at-risk' };
    const manager = { aadObjectId: 'aad-manager', locale: 'en-US' };
    const mine = await invokeTurn(h, cardAction('ticket.assignToMe', alert, manager));
    expect(JSON.stringify(mine.value)).toContain('"id":"assigneeId"');
    expect(JSON.stringify(mine.value)).toContain('"title":"Lena L2 (L2)","value":"staff-l2"');
    expect(JSON.stringify(mine.value)).not.toContain('"value":"staff-manager"');
    const next = await stored();
    const body = await invokeTurn(h, cardAction('ticket.assign', { ...alert, version: next.version, assigneeId: 'staff-l2' }, manager));
    expect((await stored()).assigneeId).toBe('staff-l2');
    expect(cardText(body.value)).toMatch(/At risk: response SLA/);
    expect(cardText(body.value)).toMatch(/Assignee: Lena L2/);
    const bad = await invokeTurn(h, cardAction('ticket.assign', { ...alert, version: (await stored()).version, assigneeId: 'nobody' }, manager));
    expect(JSON.stringify(bad)).toMatch(/nobody/);
  });

  it('logs a follow-up (15 min billed) and a session (minutes x consultants)', async () => {
    const first = await invokeTurn(h, cardAction('ticket.logFollowUp', data(ticket, { followUpKind: 'progress', followUpNote: 'Checked the connector' }), L2));
    expect(cardText(first.value)).toMatch(/Budget used: 15 min of 6 h \(4%\)/);
    const after = await stored();
    const second = await invokeTurn(h, cardAction('ticket.logSession', data(after, { sessionMinutes: '30', sessionConsultants: '2', sessionNote: '' }), L2));
    expect(cardText(second.value)).toMatch(/Budget used: 1 h 15 min of 6 h \(21%\)/);
    expect((await stored()).consumedMinutes).toBe(75);
  });

  it('requests information (waits on the client) and records a contact attempt', async () => {
    await invokeTurn(h, cardAction('ticket.requestInformation', data(ticket, { question: 'Which users are affected?' }), L2));
    const waiting = await stored();
    expect(waiting.status).toBe('waiting-on-client');
    expect(h.mailer.sent.map((m) => m.kind)).toContain('information-request');
    const body = await invokeTurn(h, cardAction('ticket.recordContactAttempt', data(waiting), L2));
    expect((await stored()).contactAttempts).toBe(2);
    expect(cardText(body.value)).toMatch(/Status: Waiting on client/);
  });

  it('escalates with a level and a reason, and requests a budget extension', async () => {
    const open = await h.services.tickets.acknowledge({ role: 'L2', id: 'staff-l2' }, { ticketId: ticket.id, expectedVersion: ticket.version });
    await invokeTurn(h, cardAction('ticket.escalate', data(open, { level: 'L3', escalationReason: 'Needs a code fix' }), L2));
    const escalated = await stored();
    expect(escalated.level).toBe('L3');
    const body = await invokeTurn(h, cardAction('ticket.requestBudgetExtension', data(escalated, { extensionMinutes: '120', extensionReason: 'Migration takes longer' }), L2));
    expect(body.value).toEqual(expect.objectContaining({ type: 'AdaptiveCard' }));
    expect((await stored()).pendingExtension?.minutes).toBe(120);
    expect(cardText(body.value)).toMatch(/Level: L3/);
    expect(cardText(body.value)).toMatch(/Budget extension: \+2 h requested, awaiting the client/);
  });

  it('resolves with a summary', async () => {
    const body = await invokeTurn(h, cardAction('ticket.resolve', data(ticket, { resolutionSummary: 'Re-enabled the mailbox sync' }), L2));
    expect((await stored()).status).toBe('resolved');
    expect(cardText(body.value)).toMatch(/Status: Resolved/);
  });

  it('answers a stale version with the refreshed card and a "changed by someone else" notice', async () => {
    await h.services.tickets.assign({ role: 'manager', id: 'staff-manager' }, { ticketId: ticket.id, expectedVersion: ticket.version }, 'staff-l1');
    const body = await invokeTurn(h, cardAction('ticket.acknowledge', data(ticket), L2));
    const text = cardText(body.value);
    expect(text).toMatch(/changed by someone else/);
    expect(text).toMatch(/Assignee: Luis L1/);
    const current = await stored();
    expect(current.status).toBe('new');
    expect(actionData(body.value, 'ticket.acknowledge').version).toBe(current.version);
  });

  it('turns bad data, refused transitions and strangers into clear messages', async () => {
    const missing = await invokeTurn(h, cardAction('ticket.logSession', data(ticket, { sessionMinutes: 'lots', sessionConsultants: '1' }), L2));
    expect(missing.type).toBe('application/vnd.microsoft.activity.message');
    expect(missing.value).toMatch(/Please check "sessionMinutes"/);
    const unknown = await invokeTurn(h, cardAction('ticket.teleport', data(ticket), L2));
    expect(unknown.value).toMatch(/Please check "verb"/);
    const stranger = await invokeTurn(h, cardAction('ticket.acknowledge', data(ticket), { aadObjectId: 'aad-nobody' }));
    expect(stranger.value).toMatch(/not registered/);
    await invokeTurn(h, cardAction('ticket.resolve', data(ticket, { resolutionSummary: 'done' }), L2));
    const resolved = await stored();
    const refused = await invokeTurn(h, cardAction('ticket.requestInformation', data(resolved, { question: 'More?' }), L2));
    expect(refused.type).toBe('application/vnd.microsoft.activity.message');
    expect(refused.value).toMatch(/cannot take this action|not allowed|refused/);
  });

  it('logs a critical phone call from the new-ticket form', async () => {
    const body = await invokeTurn(h, cardAction('phone.log', { clientId: 'acme', requesterEmail: 'Ana@acme.example', subject: 'Server room power cut', description: 'Called at 10:00', priority: 'critical' }, { aadObjectId: 'aad-l1', locale: 'es-MX' }));
    const text = cardText(body.value);
    expect(text).toMatch(/Prioridad: Crítica/);
    expect(text).toMatch(/En espera del correo del cliente: Sí/);
    expect(verbsOf(body.value)).toContain('ticket.acknowledge');
  });

  it('answers the ticket card in Spanish for a Spanish client', async () => {
    const [reply] = await testTurn(h, message(`ticket ${ticket.number}`, { aadObjectId: 'aad-l1', locale: 'es-MX' }));
    const card = reply.attachments?.[0]?.content;
    expect(cardText(card)).toMatch(/Estado: Nuevo/);
    expect(cardText(card)).toMatch(/SLA de respuesta: En tiempo · vence lun 2 mar, 14:00/);
  });
});
