import { InvalidTransitionError, ValidationError } from '../../../shared/domain/common';
import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import { policyVersion } from '../../../shared/domain/policy';
import { applyEvent } from '../../../shared/domain/ticket';
import { linkedTicketInput, openTicket } from '../../../shared/domain/ticket';
import { replay } from '../../../shared/domain/ticket';
import { REQUESTER, ev, openInput, plus, run } from './ticket-fixtures';

describe('openTicket', () => {
  test('builds a new L1 ticket and its opened event under the policy version', () => {
    const { ticket, event } = openTicket(openInput(), DEFAULT_POLICY);
    expect(ticket).toMatchObject({
      id: 't-1',
      status: 'new',
      level: 'L1',
      requesterEmail: 'ana@acme.mx',
      budgetMinutes: 360,
      awaitingEmail: false,
      contactAttempts: 0,
      consumedMinutes: 0,
      pauses: [],
      openedAt: '2026-03-02T15:00:00.000Z',
    });
    expect(ticket.policyVersion).toBe(policyVersion(DEFAULT_POLICY));
    expect(event).toMatchObject({
      type: 'opened',
      at: ticket.openedAt,
      data: { policyVersion: ticket.policyVersion, budgetMinutes: 360 },
    });
  });

  test('phone tickets await the email; defaults from the policy', () => {
    const { ticket } = openTicket(
      openInput({ channel: 'phone', priority: undefined, incidentType: undefined, sourceMessageId: undefined }),
      DEFAULT_POLICY,
    );
    expect(ticket).toMatchObject({
      awaitingEmail: true,
      priority: 'medium',
      incidentType: 'technical-regular',
      channel: 'phone',
    });
  });

  test.each([
    ['requesterEmail', { requesterEmail: 'not-an-email' }],
    ['subject', { subject: '  ' }],
    ['budgetMinutes', { incidentType: 'maintenance' as const, budgetMinutes: 100 }],
    ['priority', { priority: 'urgent' as never }],
    ['at', { at: 'yesterday' }],
    ['description', { description: 'x'.repeat(20_001) }],
  ])('bad %s is refused naming the field', (field, overrides) => {
    expect(() => openTicket(openInput(overrides), DEFAULT_POLICY)).toThrow(expect.objectContaining({ field }));
  });
});

describe('lifecycle scenarios', () => {
  test('new -> open -> waiting-on-client -> open -> resolved -> closed (validated)', () => {
    const { ticket } = run([
      ev('first-response', plus(20), {}),
      ev('information-requested', plus(60), { question: 'Logs?', attempt: 1 }),
      ev('client-replied', plus(200), {}, REQUESTER),
      ev('resolved', plus(300), { summary: 'Fixed the job' }),
      ev('resolution-validated', plus(400), {}, REQUESTER),
    ]);
    expect(ticket).toMatchObject({
      status: 'closed',
      closeReason: 'validated',
      firstResponseAt: plus(20),
      resolvedAt: plus(300),
      closedAt: plus(400),
      contactAttempts: 0,
    });
    expect(ticket.pauses).toEqual([{ reason: 'waiting-on-client', start: plus(60), end: plus(200) }]);
  });

  test('an information request is a first response', () => {
    const { ticket } = run([ev('information-requested', plus(5), { question: 'Logs?', attempt: 1 })]);
    expect(ticket).toMatchObject({ status: 'waiting-on-client', firstResponseAt: plus(5), contactAttempts: 1 });
  });

  test('3 attempts + final notice + close for no response; attempts must count up', () => {
    const events = [
      ev('information-requested', plus(10), { question: 'Which server?', attempt: 1 }),
      ev('contact-attempted', plus(600), { attempt: 2 }),
      ev('contact-attempted', plus(1200), { attempt: 3 }),
      ev('final-notice-sent', plus(1300), { attempts: 3 }),
    ];
    const { ticket } = run(events);
    expect(ticket).toMatchObject({ status: 'waiting-on-client', contactAttempts: 3, finalNoticeAt: plus(1300) });
    expect(() => applyEvent(ticket, ev('contact-attempted', plus(1400), { attempt: 4 }))).toThrow(InvalidTransitionError);
    const closed = applyEvent(ticket, ev('closed-no-response', plus(9000), { attempts: 3 }));
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'no-response', closedAt: plus(9000) });
    expect(closed.pauses).toEqual([{ reason: 'waiting-on-client', start: plus(10), end: plus(9000) }]);
    expect(() => run([events[0], ev('contact-attempted', plus(600), { attempt: 3 })])).toThrow(
      expect.objectContaining({ field: 'attempt' }),
    );
    expect(() => run([events[0], ev('closed-no-response', plus(600), { attempts: 1 })])).toThrow(/no final notice was sent/);
  });

  test('a client reply resets the attempts and the final notice', () => {
    const { ticket } = run([
      ev('information-requested', plus(10), { question: 'Which server?', attempt: 1 }),
      ev('contact-attempted', plus(600), { attempt: 2 }),
      ev('final-notice-sent', plus(700), { attempts: 2 }),
      ev('client-replied', plus(800), {}, REQUESTER),
    ]);
    expect(ticket).toMatchObject({ status: 'open', contactAttempts: 0 });
    expect(ticket.finalNoticeAt).toBeUndefined();
  });

  test('a rejection reopens; the time awaiting validation becomes a closed pause', () => {
    const { ticket } = run([
      ev('first-response', plus(20), {}),
      ev('resolved', plus(100), { summary: 'Restarted' }),
      ev('resolution-rejected', plus(250), { reason: 'still failing' }, REQUESTER),
    ]);
    expect(ticket.status).toBe('open');
    expect(ticket.resolvedAt).toBeUndefined();
    expect(ticket.pauses).toEqual([{ reason: 'waiting-on-client', start: plus(100), end: plus(250) }]);
  });

  test('phone ticket: email-linked clears awaiting-email and sets the thread', () => {
    const { ticket } = run([ev('email-linked', plus(30), { messageId: '<c@acme.mx>', conversationId: 'conv-1' })], {
      channel: 'phone',
      sourceMessageId: undefined,
    });
    expect(ticket).toMatchObject({
      awaitingEmail: false,
      sourceMessageId: '<c@acme.mx>',
      conversationId: 'conv-1',
      status: 'new',
    });
  });

  test('escalation L1 -> L2 -> L4 records the case and waits on Microsoft; microsoft-responded resumes', () => {
    const { ticket } = run([
      ev('first-response', plus(20), {}),
      ev('escalated', plus(30), { from: 'L1', to: 'L2', reason: 'needs a senior' }),
      ev('escalated', plus(60), { from: 'L2', to: 'L4', reason: 'product bug', microsoftCaseNumber: '2603020040001' }),
    ]);
    expect(ticket).toMatchObject({ level: 'L4', status: 'waiting-on-microsoft', microsoftCaseNumber: '2603020040001' });
    expect(ticket.pauses).toEqual([{ reason: 'waiting-on-microsoft', start: plus(60) }]);
    const resumed = applyEvent(ticket, ev('microsoft-responded', plus(500), { note: 'hotfix' }));
    expect(resumed.status).toBe('open');
    expect(resumed.pauses).toEqual([{ reason: 'waiting-on-microsoft', start: plus(60), end: plus(500) }]);
  });

  test.each([
    ["a level that is not the ticket's", { from: 'L2', to: 'L3', reason: 'x' }, 'from'],
    ['going down', { from: 'L1', to: 'L1', reason: 'x' }, 'to'],
    ['no reason', { from: 'L1', to: 'L2', reason: ' ' }, 'reason'],
  ] as const)('escalation refuses %s', (_label, data, field) => {
    expect(() => run([ev('first-response', plus(1), {}), ev('escalated', plus(2), data)])).toThrow(
      expect.objectContaining({ field }),
    );
  });

  test('priority and incident-type changes; the budget is re-picked', () => {
    const { ticket } = run([
      ev('priority-changed', plus(5), { from: 'high', to: 'critical', reason: 'production down' }),
      ev('incident-type-changed', plus(6), { from: 'technical-regular', to: 'maintenance', budgetMinutes: 1200 }),
    ]);
    expect(ticket).toMatchObject({ priority: 'critical', incidentType: 'maintenance', budgetMinutes: 1200 });
    expect(() => run([ev('priority-changed', plus(5), { from: 'low', to: 'critical' })])).toThrow(ValidationError);
  });

  test('billing events keep consumedMinutes; extensions add to the budget once approved', () => {
    const { ticket } = run([
      ev('first-response', plus(1), {}),
      ev('follow-up-logged', plus(2), { kind: 'progress', entryId: 'x1', minutes: 15 }),
      ev('session-logged', plus(3), { minutes: 60, consultants: 2, entryId: 'x2' }),
      ev('work-logged', plus(4), { minutes: 45, entryId: 'x3' }),
      ev('budget-extension-requested', plus(5), { requestId: 'r1', minutes: 120, reason: 'more logs' }),
    ]);
    expect(ticket.consumedMinutes).toBe(15 + 120 + 45);
    expect(ticket.pendingExtension).toEqual({ requestId: 'r1', minutes: 120, requestedAt: plus(5) });
    expect(() =>
      applyEvent(ticket, ev('budget-extension-requested', plus(6), { requestId: 'r2', minutes: 10, reason: 'x' })),
    ).toThrow(/still awaits/);
    const approved = applyEvent(ticket, ev('budget-extension-approved', plus(7), { requestId: 'r1', minutes: 120 }, REQUESTER));
    expect(approved.budgetMinutes).toBe(360 + 120);
    expect(approved.pendingExtension).toBeUndefined();
    const refused = applyEvent(ticket, ev('budget-extension-refused', plus(7), { requestId: 'r1' }, REQUESTER));
    expect(refused).toMatchObject({ budgetMinutes: 360 });
    expect(() => applyEvent(ticket, ev('budget-extension-approved', plus(7), { requestId: 'nope', minutes: 1 }))).toThrow(
      InvalidTransitionError,
    );
  });

  test('events may not go back in time', () => {
    expect(() => run([ev('first-response', plus(-5), {})])).toThrow(expect.objectContaining({ field: 'at' }));
  });

  test('linkedTicketInput opens a new ticket linked to a closed one, never reopening it', () => {
    const { ticket: closed } = run([
      ev('resolved', plus(10), { summary: 'done' }),
      ev('resolution-validated', plus(20), {}, REQUESTER),
    ]);
    const input = linkedTicketInput(closed, {
      id: 't-2',
      subject: 'Again',
      description: 'It is back',
      channel: 'email',
      at: plus(5000),
      actor: { role: 'system', id: 'mail-intake' },
    });
    const { ticket } = openTicket(input, DEFAULT_POLICY);
    expect(ticket).toMatchObject({
      id: 't-2',
      linkedTicketId: 't-1',
      clientId: 'acme',
      requesterEmail: 'ana@acme.mx',
      priority: 'high',
      status: 'new',
    });
    const { ticket: open } = run([]);
    expect(() =>
      linkedTicketInput(open, { id: 't-3', subject: 's', description: '', channel: 'email', at: plus(1), actor: REQUESTER }),
    ).toThrow(ValidationError);
  });
});

describe('replay', () => {
  test('folding the log equals the incrementally maintained ticket', () => {
    const { ticket, log } = run([
      ev('assigned', plus(1), { assigneeId: 'staff-2' }),
      ev('first-response', plus(20), {}),
      ev('information-requested', plus(60), { question: 'Logs?', attempt: 1 }),
      ev('client-replied', plus(200), {}, REQUESTER),
      ev('escalated', plus(210), { from: 'L1', to: 'L4', reason: 'product bug' }),
      ev('microsoft-case-recorded', plus(230), { caseNumber: '123' }),
      ev('microsoft-responded', plus(900), {}),
      ev('work-logged', plus(950), { minutes: 30, entryId: 'w' }),
      ev('resolved', plus(1000), { summary: 'x' }),
      ev('resolution-rejected', plus(1100), {}, REQUESTER),
      ev('resolved', plus(1200), { summary: 'y' }),
      ev('resolution-validated', plus(1300), {}, REQUESTER),
    ]);
    expect(replay(log)).toEqual(ticket);
  });

  test('a log must start with "opened" and belong to one ticket', () => {
    const { log } = run([ev('first-response', plus(20), {})]);
    expect(() => replay(log.slice(1))).toThrow(expect.objectContaining({ field: 'events' }));
    expect(() => replay([log[0], { ...log[1], ticketId: 'other' }])).toThrow(/belongs to ticket other/);
  });
});
