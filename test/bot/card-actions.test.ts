import type { Ticket } from '../../shared/domain/ticket';
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

  const data = (t: Ticket, extra: Record<string, unknown> = {}) => ({
    ticketId: t.id,
    version: t.version,
    view: 'ticket',
    ...extra,
  });
  const stored = async () => (await h.store.tickets.get(ticket.id)) as Ticket;

  it("responds: the message is emailed on the client's thread, stops the response clock, bills the follow-up and shows on the card", async () => {
    const before = await invokeTurn(h, cardAction('ticket.assignToMe', data(ticket), L2));
    // The Respond form is prefilled in the requester's language (Spanish for ACME), whatever the consultant reads.
    const prefill = JSON.stringify(before.value).match(/"id":"responseMessage"[^}]*"value":"([^"]*)"/)?.[1];
    expect(prefill).toMatch(
      /^Gracias por escribirnos\. Recibimos su solicitud «Exchange mailbox does not sync» \(ticket SUP-2026-0001\)/,
    );
    const assigned = await stored();
    const body = await invokeTurn(
      h,
      cardAction(
        'ticket.respond',
        data(assigned, { responseMessage: 'Buenos días Ana, ya revisamos el buzón y estamos reactivando la sincronización.' }),
        L2,
      ),
    );
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const after = await stored();
    expect(after).toMatchObject({
      status: 'open',
      firstResponseAt: h.clock.now().toISOString(),
      firstResponseBy: 'email',
      consumedMinutes: 15,
    });
    const sent = h.mailer.sent.find((m) => m.kind === 'response');
    expect(sent).toMatchObject({ to: ['ana@acme.example'], locale: 'es-MX', inReplyTo: ticket.sourceMessageId });
    expect(sent?.references).toContain(ticket.sourceMessageId);
    expect(sent?.subject).toMatch(/^RE: Exchange mailbox does not sync \[SUP-2026-0001\]|\[SUP-2026-0001\]/);
    expect(sent?.text).toContain('ya revisamos el buzón');
    expect(cardText(body.value)).toMatch(/Status: Open/);
    expect(cardText(body.value)).toMatch(/Response SLA: Met/);
    expect(cardText(body.value)).toMatch(/First response: Mon 2 Mar, 10:00, emailed to the client/);
    expect(verbsOf(body.value)).not.toContain('ticket.respond');
    expect(actionData(body.value, 'ticket.resolve').version).toBe(after.version);
  });

  it('records a phone call as the first response only with a note, which the client gets by email', async () => {
    const empty = await invokeTurn(h, cardAction('ticket.respondByPhone', data(ticket, { phoneNote: '  ' }), L2));
    expect(empty.value).toMatch(/Please check "phoneNote"/);
    expect((await stored()).status).toBe('new');
    const body = await invokeTurn(
      h,
      cardAction('ticket.respondByPhone', data(ticket, { phoneNote: 'Acordamos reiniciar el conector a las 12:00.' }), L2),
    );
    expect(await stored()).toMatchObject({ status: 'open', firstResponseBy: 'phone', consumedMinutes: 15 });
    const sent = h.mailer.sent.find((m) => m.kind === 'phone-response');
    expect(sent?.text).toMatch(
      /Conforme a lo que conversamos por teléfono sobre el ticket SUP-2026-0001:\n\nAcordamos reiniciar el conector a las 12:00\./,
    );
    expect(cardText(body.value)).toMatch(/First response: Mon 2 Mar, 10:00, by phone \(note emailed to the client\)/);
    const history = await h.store.tickets.events(ticket.id);
    expect(history.find((e) => e.type === 'first-response')).toMatchObject({
      channel: 'phone',
      actor: { id: 'staff-l2' },
      data: { by: 'phone' },
    });
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
    const body = await invokeTurn(
      h,
      cardAction('ticket.assign', { ...alert, version: next.version, assigneeId: 'staff-l2' }, manager),
    );
    expect((await stored()).assigneeId).toBe('staff-l2');
    expect(cardText(body.value)).toMatch(/At risk: response SLA/);
    expect(cardText(body.value)).toMatch(/Assignee: Lena L2/);
    const bad = await invokeTurn(
      h,
      cardAction('ticket.assign', { ...alert, version: (await stored()).version, assigneeId: 'nobody' }, manager),
    );
    expect(JSON.stringify(bad)).toMatch(/nobody/);
  });

  it('logs a follow-up (15 min billed) and a session (minutes x consultants)', async () => {
    const first = await invokeTurn(
      h,
      cardAction('ticket.logFollowUp', data(ticket, { followUpKind: 'progress', followUpNote: 'Checked the connector' }), L2),
    );
    expect(cardText(first.value)).toMatch(/Budget used: 15 min of 6 h \(4%\)/);
    const after = await stored();
    const second = await invokeTurn(
      h,
      cardAction('ticket.logSession', data(after, { sessionMinutes: '30', sessionConsultants: '2', sessionNote: '' }), L2),
    );
    expect(cardText(second.value)).toMatch(/Budget used: 1 h 15 min of 6 h \(21%\)/);
    expect((await stored()).consumedMinutes).toBe(75);
  });

  it('paces contact attempts by the policy: offered only when allowed, says when the next is possible, never beyond the count', async () => {
    await invokeTurn(h, cardAction('ticket.requestInformation', data(ticket, { question: 'Which users are affected?' }), L2));
    const waiting = await stored();
    expect(waiting.status).toBe('waiting-on-client');
    expect(h.mailer.sent.map((m) => m.kind)).toContain('information-request');
    let card = (await invokeTurn(h, cardAction('ticket.assignToMe', data(waiting), L2))).value;
    expect(verbsOf(card)).not.toContain('ticket.recordContactAttempt');
    expect(cardText(card)).toMatch(/Contact attempts: 1 of 3/);
    expect(cardText(card)).toMatch(/Next attempt possible: Tue 3 Mar, 10:00/);
    // A stale card clicked anyway is refused, nothing billed or emailed.
    const early = await invokeTurn(h, cardAction('ticket.recordContactAttempt', data(await stored()), L2));
    expect(early.value).toMatch(/possible from 2026-03-03T16:00:00.000Z/);
    for (const day of ['2026-03-03T16:00:00.000Z', '2026-03-04T16:00:00.000Z']) {
      h.clock.set(day);
      card = (await invokeTurn(h, cardAction('ticket.recordContactAttempt', data(await stored()), L2))).value;
    }
    expect((await stored()).contactAttempts).toBe(3);
    expect(cardText(card)).toMatch(/Contact attempts: 3 of 3/);
    expect(cardText(card)).toMatch(/Final notice due: Thu 5 Mar, 10:00/);
    expect(verbsOf(card)).not.toContain('ticket.recordContactAttempt');
    h.clock.set('2026-03-10T16:00:00.000Z');
    const fourth = await invokeTurn(h, cardAction('ticket.recordContactAttempt', data(await stored()), L2));
    expect(fourth.value).toMatch(/3 of 3 contact attempts/);
    expect(h.mailer.sent.filter((m) => m.kind === 'contact-attempt').map((m) => m.subject)).toEqual([
      expect.stringContaining('(2 de 3)'),
      expect.stringContaining('(3 de 3)'),
    ]);
  });

  it('a double click or a retry of the same card action never bills or emails twice', async () => {
    await invokeTurn(h, cardAction('ticket.requestInformation', data(ticket, { question: 'Which users?' }), L2));
    h.clock.set('2026-03-03T16:00:00.000Z');
    const seen = await stored();
    const [first, second] = await Promise.all([
      invokeTurn(h, cardAction('ticket.recordContactAttempt', data(seen), L2)),
      invokeTurn(h, cardAction('ticket.recordContactAttempt', data(seen), L2)),
    ]);
    const retry = await invokeTurn(h, cardAction('ticket.recordContactAttempt', data(seen), L2));
    const after = await stored();
    expect(after.contactAttempts).toBe(2);
    expect(after.consumedMinutes).toBe(30); // the question and one attempt
    expect(h.mailer.sent.filter((m) => m.kind === 'contact-attempt')).toHaveLength(1);
    const texts = [first, second, retry].map((b) => cardText(b.value));
    expect(texts.filter((x) => /already received/.test(x))).toHaveLength(2);
    expect(texts.every((x) => /Contact attempts: 2 of 3/.test(x) || /already received/.test(x))).toBe(true);
  });

  it('triages priority, incident type and budget: clocks re-derive, the client is emailed, the audit trail keeps who and why', async () => {
    const body = await invokeTurn(
      h,
      cardAction(
        'ticket.triage',
        data(ticket, {
          triagePriority: 'critical',
          triageType: 'maintenance',
          triageBudget: '1200',
          triageReason: 'Nobody in finance can send mail',
        }),
        L2,
      ),
    );
    const after = await stored();
    expect(after).toMatchObject({ priority: 'critical', incidentType: 'maintenance', budgetMinutes: 1200 });
    const text = cardText(body.value);
    expect(text).toMatch(/Priority: Critical/);
    expect(text).toMatch(/Response SLA: On track · due Mon 2 Mar, 10:30/); // critical: 30 min from the 10:00 email
    expect(text).toMatch(/Budget used: 0 min of 20 h/);
    const mail = h.mailer.sent.find((m) => m.kind === 'triage');
    expect(mail?.subject).toMatch(/Prioridad Crítica/);
    expect(mail?.text).toMatch(/clasificamos con prioridad Crítica, Mantenimiento/);
    expect(mail?.text).toMatch(/Primera respuesta a más tardar: lun 2 mar 2026,? 10:30|Primera respuesta a más tardar: .*10:30/);
    const events = await h.store.tickets.events(ticket.id);
    expect(events.find((e) => e.type === 'priority-changed')).toMatchObject({
      actor: { id: 'staff-l2' },
      channel: 'teams',
      data: { from: 'high', to: 'critical', reason: 'Nobody in finance can send mail' },
    });
    expect(events.find((e) => e.type === 'incident-type-changed')).toMatchObject({
      data: { to: 'maintenance', budgetMinutes: 1200, reason: 'Nobody in finance can send mail' },
    });
    const outOfRange = await invokeTurn(
      h,
      cardAction(
        'ticket.triage',
        data(after, { triagePriority: 'critical', triageType: 'research-debugging', triageBudget: '2000', triageReason: 'x' }),
        L2,
      ),
    );
    expect(outOfRange.value).toMatch(/outside the research-debugging range 480-960/);
    const noReason = await invokeTurn(
      h,
      cardAction('ticket.triage', data(after, { triagePriority: 'low', triageType: 'maintenance', triageReason: '' }), L2),
    );
    expect(noReason.value).toMatch(/Please check "triageReason"/);
  });

  it('escalates with a level and a reason, and requests a budget extension', async () => {
    const open = await h.services.tickets.acknowledge(
      { role: 'L2', id: 'staff-l2' },
      { ticketId: ticket.id, expectedVersion: ticket.version },
    );
    await invokeTurn(h, cardAction('ticket.escalate', data(open, { level: 'L3', escalationReason: 'Needs a code fix' }), L2));
    const escalated = await stored();
    expect(escalated.level).toBe('L3');
    const body = await invokeTurn(
      h,
      cardAction(
        'ticket.requestBudgetExtension',
        data(escalated, { extensionMinutes: '120', extensionReason: 'Migration takes longer' }),
        L2,
      ),
    );
    expect(body.value).toEqual(expect.objectContaining({ type: 'AdaptiveCard' }));
    expect((await stored()).pendingExtension?.minutes).toBe(120);
    expect(cardText(body.value)).toMatch(/Level: L3/);
    expect(cardText(body.value)).toMatch(/Budget extension: \+2 h requested, awaiting the client/);
  });

  it('resolves with a summary', async () => {
    const body = await invokeTurn(
      h,
      cardAction('ticket.resolve', data(ticket, { resolutionSummary: 'Re-enabled the mailbox sync' }), L2),
    );
    expect((await stored()).status).toBe('resolved');
    expect(cardText(body.value)).toMatch(/Status: Resolved/);
  });

  it('answers a stale version with the refreshed card and a "changed by someone else" notice', async () => {
    await h.services.tickets.assign(
      { role: 'manager', id: 'staff-manager' },
      { ticketId: ticket.id, expectedVersion: ticket.version },
      'staff-l1',
    );
    const body = await invokeTurn(h, cardAction('ticket.respond', data(ticket, { responseMessage: 'Hola' }), L2));
    const text = cardText(body.value);
    expect(text).toMatch(/changed by someone else/);
    expect(text).toMatch(/Assignee: Luis L1/);
    const current = await stored();
    expect(current.status).toBe('new');
    expect(actionData(body.value, 'ticket.respond').version).toBe(current.version);
    expect(h.mailer.sent.filter((m) => m.kind === 'response')).toHaveLength(0);
  });

  it('turns bad data, refused transitions and strangers into clear messages', async () => {
    const missing = await invokeTurn(
      h,
      cardAction('ticket.logSession', data(ticket, { sessionMinutes: 'lots', sessionConsultants: '1' }), L2),
    );
    expect(missing.type).toBe('application/vnd.microsoft.activity.message');
    expect(missing.value).toMatch(/Please check "sessionMinutes"/);
    const unknown = await invokeTurn(h, cardAction('ticket.teleport', data(ticket), L2));
    expect(unknown.value).toMatch(/Please check "verb"/);
    const stranger = await invokeTurn(
      h,
      cardAction('ticket.respond', data(ticket, { responseMessage: 'Hola' }), { aadObjectId: 'aad-nobody' }),
    );
    expect(stranger.value).toMatch(/not registered/);
    await invokeTurn(h, cardAction('ticket.resolve', data(ticket, { resolutionSummary: 'done' }), L2));
    const resolved = await stored();
    const refused = await invokeTurn(h, cardAction('ticket.requestInformation', data(resolved, { question: 'More?' }), L2));
    expect(refused.type).toBe('application/vnd.microsoft.activity.message');
    expect(refused.value).toMatch(/cannot take this action|not allowed|refused/);
  });

  it('logs a critical phone call from the new-ticket form', async () => {
    const body = await invokeTurn(
      h,
      cardAction(
        'phone.log',
        {
          clientId: 'acme',
          requesterEmail: 'Ana@acme.example',
          subject: 'Server room power cut',
          description: 'Called at 10:00',
          priority: 'critical',
        },
        { aadObjectId: 'aad-l1', locale: 'es-MX' },
      ),
    );
    const text = cardText(body.value);
    expect(text).toMatch(/Prioridad: Crítica/);
    expect(text).toMatch(/En espera del correo del cliente: Sí/);
    expect(verbsOf(body.value)).toContain('ticket.respond');
  });

  it('answers the ticket card in Spanish for a Spanish client', async () => {
    const [reply] = await testTurn(h, message(`ticket ${ticket.number}`, { aadObjectId: 'aad-l1', locale: 'es-MX' }));
    const card = reply.attachments?.[0]?.content;
    expect(cardText(card)).toMatch(/Estado: Nuevo/);
    expect(cardText(card)).toMatch(/SLA de respuesta: En tiempo · vence lun 2 mar, 14:00/);
  });
});
