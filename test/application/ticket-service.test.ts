import { ConflictError, InvalidTransitionError, NotAuthorizedError, ValidationError } from '../../shared/domain/common';
import { ANA, ANA_MAIL } from '../support/acme';
import { harness, L1, L2, REQUESTER, SYSTEM, ref, type Harness } from './fixture';

const MAIL = { ...ANA_MAIL, subject: 'SharePoint is down', description: 'Nobody can open the intranet' };

describe('TicketService on SQLite', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('opens a ticket from an authorized requester, numbers it, acknowledges it in the client language, and is idempotent by message id', async () => {
    const first = await h.tickets.open(SYSTEM, { ...MAIL, sourceMessageId: '<a1@acme>' });
    expect(first.created).toBe(true);
    expect(first.ticket.number).toBe('SUP-2026-0001');
    expect(first.ticket.status).toBe('new');
    expect(first.ticket.locale).toBe('es-MX');
    expect(h.mailer.kinds()).toEqual(['acknowledgement']);
    expect(h.mailer.sent[0].to).toEqual(['ana@acme.example']);
    expect(h.mailer.sent[0].subject).toContain('[SUP-2026-0001]');
    expect(h.mailer.sent[0].inReplyTo).toBe('<a1@acme>');

    const again = await h.tickets.open(SYSTEM, { ...MAIL, sourceMessageId: '<a1@acme>' });
    expect(again.created).toBe(false);
    expect(again.ticket.id).toBe(first.ticket.id);
    expect(h.mailer.sent).toHaveLength(1);
    const events = await h.store.tickets.events(first.ticket.id);
    expect(events.map((e) => e.type)).toEqual(['opened']);
    expect(events[0].actor).toEqual(SYSTEM);
  });

  it('refuses senders who are not authorized requesters, and requesters after their deactivation date', async () => {
    await expect(h.tickets.open(SYSTEM, { ...MAIL, requesterEmail: 'eve@acme.example' })).rejects.toThrow(NotAuthorizedError);
    await h.store.directory.putRequester({ ...ANA, effectiveTo: '2026-03-01T06:00:00.000Z' });
    await expect(h.tickets.open(SYSTEM, MAIL)).rejects.toThrow(/not an authorized requester/);
    // A call raised before the deactivation is still accepted.
    const before = await h.tickets.open(L1, { ...MAIL, raisedAt: new Date('2026-02-27T17:00:00Z') });
    expect(before.created).toBe(true);
  });

  it('refuses a stale version with ConflictError and writes nothing', async () => {
    const { ticket } = await h.tickets.open(SYSTEM, MAIL);
    const assigned = await h.tickets.assign(L1, ref(ticket), 'staff-l2');
    expect(assigned.assigneeId).toBe('staff-l2');
    await expect(h.tickets.acknowledge(L1, ref(ticket), 'stale')).rejects.toThrow(ConflictError);
    const events = await h.store.tickets.events(ticket.id);
    expect(events.map((e) => e.type)).toEqual(['opened', 'assigned']);
    expect(h.notifier.kinds()).toContain('assignment');
  });

  it('walks a ticket to closure and bills every follow-up 15 minutes', async () => {
    let { ticket } = await h.tickets.open(SYSTEM, MAIL);
    h.clock.advanceMinutes(10);
    ticket = await h.tickets.acknowledge(L1, ref(ticket), 'Estamos revisando');
    expect(ticket.status).toBe('open');
    expect(ticket.firstResponseAt).toBe(h.clock.now().toISOString());
    h.clock.advanceMinutes(30);
    ticket = await h.tickets.requestInformation(L1, ref(ticket), '¿Qué navegador usan?');
    expect(ticket.status).toBe('waiting-on-client');
    expect(ticket.pauses).toEqual([{ reason: 'waiting-on-client', start: h.clock.now().toISOString() }]);
    h.clock.advanceMinutes(60);
    ticket = await h.tickets.recordClientReply(REQUESTER, ref(ticket), '<r1@acme>', 'Edge');
    expect(ticket.status).toBe('open');
    expect(ticket.contactAttempts).toBe(0);
    ticket = await h.tickets.logSession(L2, ref(ticket), 90, 3, 'Teams call');
    ticket = await h.tickets.resolve(L2, ref(ticket), 'Cleared the cache');
    expect(ticket.status).toBe('resolved');
    ticket = await h.tickets.validateResolution(REQUESTER, ref(ticket), 'Works');
    expect(ticket.status).toBe('closed');
    expect(ticket.closeReason).toBe('validated');

    const entries = await h.store.tickets.timeEntries({ ticketId: ticket.id });
    const followUps = entries.filter((e) => e.kind === 'follow-up');
    expect(followUps.map((e) => e.followUpKind)).toEqual(['follow-up', 'information-request', 'conclusion', 'closure']);
    expect(followUps.every((e) => e.billedMinutes === 15 && !e.afterHours)).toBe(true);
    const session = entries.find((e) => e.kind === 'session');
    expect(session?.billedMinutes).toBe(270);
    expect(ticket.consumedMinutes).toBe(4 * 15 + 270);
    expect(h.mailer.kinds()).toEqual(['acknowledgement', 'progress', 'information-request', 'resolution', 'closure']);
    const events = await h.store.tickets.events(ticket.id);
    const closure = events.find((e) => e.type === 'follow-up-logged' && e.data.kind === 'closure');
    expect(closure?.actor.role).toBe('system');
    expect(h.errors.errors).toEqual([]);
  });

  it('enforces who may do what', async () => {
    const { ticket } = await h.tickets.open(SYSTEM, MAIL);
    await expect(h.tickets.resolve(REQUESTER, ref(ticket), 'done')).rejects.toThrow(NotAuthorizedError);
    await expect(h.tickets.escalate(L1, ref(ticket), 'L4', 'product bug')).rejects.toThrow(NotAuthorizedError);
    const other = await h.tickets.open(SYSTEM, { ...MAIL, requesterEmail: 'bob@acme.example' });
    // Ana is not Bob's ticket's requester nor the client's admin.
    await expect(h.tickets.addNote(REQUESTER, ref(other.ticket), 'hi', false)).rejects.toThrow(/only on their own tickets/);
    // Bob administers ACME: he may act on Ana's ticket.
    const noted = await h.tickets.addNote({ role: 'requester', id: 'bob@acme.example' }, ref(ticket), 'adding context', false);
    expect(noted.version).not.toBe(ticket.version);
  });

  it('escalates to Microsoft: waits on Microsoft, records the case, notifies, resumes on the answer', async () => {
    let { ticket } = await h.tickets.open(SYSTEM, MAIL);
    ticket = await h.tickets.acknowledge(L1, ref(ticket));
    ticket = await h.tickets.escalate(L1, ref(ticket), 'L2', 'needs a senior');
    ticket = await h.tickets.escalate(L2, ref(ticket), 'L4', 'product bug in SharePoint');
    expect(ticket.status).toBe('waiting-on-microsoft');
    expect(h.notifier.kinds()).toContain('l4-escalation');
    ticket = await h.tickets.recordMicrosoftCase(L2, ref(ticket), '2603020010001234');
    expect(ticket.microsoftCaseNumber).toBe('2603020010001234');
    ticket = await h.tickets.recordMicrosoftResponse(L2, ref(ticket), 'workaround given');
    expect(ticket.status).toBe('open');
    expect(ticket.pauses[0].end).toBeDefined();
  });

  it('logs a phone call as a critical ticket awaiting its email, then links the email', async () => {
    const callAt = new Date(h.clock.now().getTime() - 5 * 60_000);
    let ticket = await h.tickets.openFromPhone(L1, {
      clientId: 'acme',
      requesterEmail: 'ana@acme.example',
      subject: 'Payroll down',
      description: 'called',
      raisedAt: callAt,
    });
    expect(ticket.priority).toBe('critical');
    expect(ticket.channel).toBe('phone');
    expect(ticket.awaitingEmail).toBe(true);
    expect(ticket.openedAt).toBe(callAt.toISOString());
    ticket = await h.tickets.linkEmail(SYSTEM, ref(ticket), '<confirm@acme>', 'conv-1');
    expect(ticket.awaitingEmail).toBe(false);
    expect(ticket.conversationId).toBe('conv-1');
    await expect(
      h.tickets.openFromPhone(REQUESTER, { clientId: 'acme', requesterEmail: 'ana@acme.example', subject: 'x', description: '' }),
    ).rejects.toThrow(NotAuthorizedError);
  });

  it('closes for no response only after three attempts a business day apart, the final notice and five business days, then links a new ticket', async () => {
    let { ticket } = await h.tickets.open(SYSTEM, MAIL);
    ticket = await h.tickets.requestInformation(L1, ref(ticket), 'Need logs'); // attempt 1, Monday 10:00
    // The policy spaces attempts by 570 business minutes: the next one is possible Tuesday 10:00, not before.
    await expect(h.tickets.recordContactAttempt(L1, ref(ticket), 'called, no answer')).rejects.toThrow(
      /possible from 2026-03-03T16:00:00.000Z/,
    );
    h.clock.set('2026-03-03T16:00:00.000Z');
    ticket = await h.tickets.recordContactAttempt(L1, ref(ticket), 'called, no answer');
    await expect(h.tickets.sendFinalNotice(SYSTEM, ref(ticket))).rejects.toThrow(ValidationError);
    h.clock.set('2026-03-04T16:00:00.000Z');
    ticket = await h.tickets.recordContactAttempt(L1, ref(ticket));
    expect(ticket.contactAttempts).toBe(3);
    // Never a fourth attempt, and the final notice only once the third has gone unanswered a business day.
    h.clock.set('2026-03-05T15:59:00.000Z');
    await expect(h.tickets.recordContactAttempt(L1, ref(ticket))).rejects.toThrow(/3 of 3 contact attempts/);
    await expect(h.tickets.sendFinalNotice(SYSTEM, ref(ticket))).rejects.toThrow(/unanswered until 2026-03-05T16:00:00.000Z/);
    expect(h.mailer.sent.filter((m) => m.kind === 'contact-attempt').map((m) => m.subject)).toEqual([
      expect.stringContaining('(2 de 3)'),
      expect.stringContaining('(3 de 3)'),
    ]);
    h.clock.set('2026-03-05T16:00:00.000Z');
    ticket = await h.tickets.sendFinalNotice(SYSTEM, ref(ticket));
    expect(ticket.finalNoticeAt).toBe(h.clock.now().toISOString());
    const finalNotice = h.mailer.sent.find((m) => m.kind === 'final-notice');
    expect(finalNotice?.text).toContain('5');
    // Thursday 10:00 notice: 5 business days -> closes at end of business next Thursday (12 March 18:00 = 13 March 00:00Z).
    const closesAt = await h.tickets.noResponseClosesAt(ticket);
    expect(closesAt?.toISOString()).toBe('2026-03-13T00:00:00.000Z');
    h.clock.set('2026-03-12T23:59:00.000Z');
    await expect(h.tickets.closeForNoResponse(SYSTEM, ref(ticket))).rejects.toThrow(/notice period/);
    h.clock.set('2026-03-13T00:00:00.000Z');
    ticket = await h.tickets.closeForNoResponse(SYSTEM, ref(ticket));
    expect(ticket.status).toBe('closed');
    expect(ticket.closeReason).toBe('no-response');
    expect(h.notifier.kinds()).toContain('closed-no-response');
    await expect(h.tickets.recordClientReply(REQUESTER, ref(ticket))).rejects.toThrow(InvalidTransitionError);

    const linked = await h.tickets.openLinked(SYSTEM, ticket.id, { ...MAIL, subject: 'Still broken' });
    expect(linked.linkedTicketId).toBe(ticket.id);
    expect(linked.number).toBe('SUP-2026-0002');
    expect(linked.status).toBe('new');
  });

  it('flags after-hours work without an approved window and applies the multiplier inside one', async () => {
    let { ticket } = await h.tickets.open(SYSTEM, MAIL);
    h.clock.set('2026-03-03T04:00:00.000Z'); // Monday 22:00 in Mexico City
    ticket = await h.tickets.logWork(L2, ref(ticket), 60, 'night fix');
    let entries = await h.store.tickets.timeEntries({ ticketId: ticket.id });
    expect(entries[0]).toMatchObject({
      afterHours: true,
      multiplierPercent: 100,
      flag: 'after-hours-unapproved',
      billedMinutes: 60,
    });
    expect(h.notifier.kinds()).toContain('after-hours-unapproved');

    await h.store.afterHours.putWindow({
      id: 'w1',
      clientId: 'acme',
      start: '2026-03-03T03:00:00.000Z',
      end: '2026-03-03T06:00:00.000Z',
      status: 'approved',
      requestedBy: 'ana@acme.example',
      requestedAt: '2026-03-02T16:00:00.000Z',
    });
    h.clock.advanceMinutes(30);
    ticket = await h.tickets.logWork(L2, ref(ticket), 30);
    entries = await h.store.tickets.timeEntries({ ticketId: ticket.id });
    expect(entries[1]).toMatchObject({ afterHours: true, multiplierPercent: 150, billedMinutes: 30 });
    expect(entries[1].flag).toBeUndefined();
  });

  it('asks the client for more budget and applies only what the client approves', async () => {
    let { ticket } = await h.tickets.open(SYSTEM, MAIL);
    ticket = await h.tickets.acknowledge(L1, ref(ticket));
    await expect(h.tickets.requestBudgetExtension(L1, ref(ticket), 120, 'more digging')).rejects.toThrow(NotAuthorizedError);
    ticket = await h.tickets.requestBudgetExtension(L2, ref(ticket), 120, 'more digging');
    expect(ticket.pendingExtension?.minutes).toBe(120);
    expect(h.mailer.kinds()).toContain('budget-extension-request');
    await expect(h.tickets.approveBudgetExtension(L2, ref(ticket), ticket.pendingExtension!.requestId)).rejects.toThrow(
      NotAuthorizedError,
    );
    ticket = await h.tickets.approveBudgetExtension(REQUESTER, ref(ticket), ticket.pendingExtension!.requestId);
    expect(ticket.budgetMinutes).toBe(360 + 120);
    ticket = await h.tickets.changeIncidentType(L2, ref(ticket), 'research-debugging', 600, 'it is research');
    expect(ticket.budgetMinutes).toBe(600 + 120);
    await expect(h.tickets.changeIncidentType(L2, ref(ticket), 'maintenance', 100)).rejects.toThrow(/budgetMinutes/);
  });

  it('emails a progress update and bills it; logging a follow-up made elsewhere emails nothing', async () => {
    let { ticket } = await h.tickets.open(SYSTEM, MAIL);
    ticket = await h.tickets.acknowledge(L1, ref(ticket));
    ticket = await h.tickets.sendProgressUpdate(L1, ref(ticket), 'Seguimos revisando los registros');
    ticket = await h.tickets.logFollowUp(L1, ref(ticket), 'follow-up', 'called the client');
    expect(h.mailer.kinds()).toEqual(['acknowledgement', 'progress']);
    expect(h.mailer.sent[1].text).toContain('Seguimos revisando los registros');
    const entries = await h.store.tickets.timeEntries({ ticketId: ticket.id });
    expect(entries.map((e) => [e.followUpKind, e.billedMinutes])).toEqual([
      ['follow-up', 15],
      ['progress', 15],
      ['follow-up', 15],
    ]);
    await expect(h.tickets.sendProgressUpdate(REQUESTER, ref(ticket), 'x')).rejects.toThrow(NotAuthorizedError);
  });
});
