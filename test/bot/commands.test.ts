import { cardOf, cardText, message, verbsOf } from './activities';
import { BotHarness } from './bot-harness';
import { testTurn as turn } from './bot-turns';

/** The values of the escalation level choices on a card. */
function levelChoices(card: Record<string, unknown>): string[] {
  const json = JSON.stringify(card);
  const choices = /"id":"level"[^\]]*"choices":(\[[^\]]*\])/.exec(json);
  return choices ? (JSON.parse(choices[1]) as Array<{ value: string }>).map((c) => c.value) : [];
}

describe('Teams bot commands (TestAdapter, real services on SQLite)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers an unknown Teams user with "not registered" only', async () => {
    const replies = await turn(h, message('queue', { aadObjectId: 'aad-nobody', locale: 'en-US' }));
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toMatch(/not registered in Soporte/);
    const es = await turn(h, message('cola', { locale: 'es-MX' }));
    expect(es[0].text).toMatch(/No estás registrado/);
  });

  it("lists the commands in the reader's language (help / ayuda)", async () => {
    const [en] = await turn(h, message('help', { aadObjectId: 'aad-l2', locale: 'en-US' }));
    expect(cardText(cardOf(en))).toMatch(/queue: New and unassigned tickets/);
    expect(cardText(cardOf(en))).toMatch(/hours <client> \[YYYY-MM\]/);
    const [es] = await turn(h, message('ayuda', { aadObjectId: 'aad-l1', locale: 'es-MX' }));
    expect(cardText(cardOf(es))).toMatch(/cola: Tickets nuevos y sin asignar/);
    expect(cardText(cardOf(es))).toMatch(/horas <cliente> \[AAAA-MM\]/);
  });

  it('shows the queue by SLA urgency, in English and Spanish words', async () => {
    const medium = await h.openTicket({ subject: 'Printer mapping', priority: 'medium' });
    const critical = await h.openTicket({ subject: 'Tenant down', priority: 'critical' });
    const [reply] = await turn(h, message('queue', { aadObjectId: 'aad-l2' }));
    const text = cardText(cardOf(reply));
    expect(text).toMatch(/Queue: 2 new or unassigned/);
    expect(text.indexOf(critical.number)).toBeLessThan(text.indexOf(medium.number));
    const [cola] = await turn(h, message('cola', { aadObjectId: 'aad-l2', locale: 'es-MX' }));
    expect(cardText(cardOf(cola))).toMatch(/Cola: 2 nuevos o sin asignar/);
  });

  it('shows my tickets (mine / míos)', async () => {
    const ticket = await h.openTicket();
    await h.services.tickets.assign(
      { role: 'manager', id: 'staff-manager' },
      { ticketId: ticket.id, expectedVersion: ticket.version },
      'staff-l2',
    );
    const [reply] = await turn(h, message('mine', { aadObjectId: 'aad-l2' }));
    expect(cardText(cardOf(reply))).toMatch(new RegExp(`${ticket.number} · Exchange mailbox does not sync`));
    const [none] = await turn(h, message('míos', { aadObjectId: 'aad-l1', locale: 'es-MX' }));
    expect(cardText(cardOf(none))).toMatch(/No tienes tickets abiertos asignados/);
  });

  it('shows a ticket card with the actions its status takes, carrying the ticket version', async () => {
    const ticket = await h.openTicket();
    const short = String(Number(ticket.number.split('-')[2]));
    const [reply] = await turn(h, message(`ticket ${short}`, { aadObjectId: 'aad-l2' }));
    const card = cardOf(reply);
    expect(card.version).toBe('1.5');
    const text = cardText(card);
    expect(text).toMatch(/Status: New \(awaiting first response\)/);
    expect(text).toMatch(/Priority: High/);
    expect(text).toMatch(/Response SLA: On track · due Mon 2 Mar, 14:00/); // high: breach 4 business hours after 10:00
    expect(text).toMatch(/Resolution SLA: On track · due Mon 2 Mar, 16:00/);
    expect(text).toMatch(/Budget used: 0 min of 6 h \(0%\)/);
    // New: no contact attempt (nothing was asked yet), no budget extension before work starts, no L4.
    expect(verbsOf(card).sort()).toEqual([
      'ticket.assignToMe',
      'ticket.escalate',
      'ticket.logFollowUp',
      'ticket.logSession',
      'ticket.requestInformation',
      'ticket.resolve',
      'ticket.respond',
      'ticket.respondByPhone',
      'ticket.triage',
    ]);
    expect(levelChoices(card)).toEqual(['L2', 'L3']);
    expect(JSON.stringify(card)).toContain(`"version":"${ticket.version}"`);

    const l2 = { role: 'L2' as const, id: 'staff-l2' };
    const open = await h.services.tickets.acknowledge(l2, { ticketId: ticket.id, expectedVersion: ticket.version });
    const [openReply] = await turn(h, message(`ticket ${short}`, { aadObjectId: 'aad-l2' }));
    expect(verbsOf(cardOf(openReply)).sort()).toEqual([
      'ticket.assignToMe',
      'ticket.escalate',
      'ticket.logFollowUp',
      'ticket.logSession',
      'ticket.requestBudgetExtension',
      'ticket.requestInformation',
      'ticket.resolve',
      'ticket.triage',
    ]);
    expect(levelChoices(cardOf(openReply))).toEqual(['L2', 'L3', 'L4']);

    await h.services.tickets.requestInformation(l2, { ticketId: open.id, expectedVersion: open.version }, '¿Desde cuándo?');
    const [waitingReply] = await turn(h, message(`ticket ${short}`, { aadObjectId: 'aad-l2' }));
    // The question was attempt 1: the next attempt is possible a business day later (the policy's spacing).
    expect(verbsOf(cardOf(waitingReply))).not.toContain('ticket.recordContactAttempt');
    h.clock.advanceMinutes(24 * 60);
    const [nextDay] = await turn(h, message(`ticket ${short}`, { aadObjectId: 'aad-l2' }));
    expect(verbsOf(cardOf(nextDay))).toContain('ticket.recordContactAttempt');
    expect(levelChoices(cardOf(waitingReply))).toEqual(['L2', 'L3']);
  });

  it('answers a missing ticket, a bad argument and an unknown command clearly', async () => {
    const [missing] = await turn(h, message('ticket SUP-2026-9999', { aadObjectId: 'aad-l2' }));
    expect(missing.text).toBe('No ticket "SUP-2026-9999" was found.');
    const [usage] = await turn(h, message('ticket please', { aadObjectId: 'aad-l2' }));
    expect(usage.text).toBe('Usage: ticket <number>');
    const [unknown] = await turn(h, message('dance', { aadObjectId: 'aad-l2' }));
    expect(unknown.text).toMatch(/I do not know the command "dance"/);
    const [empty] = await turn(h, message('  ', { aadObjectId: 'aad-l1', locale: 'es-MX' }));
    expect(empty.text).toBe('Escribe "ayuda" para ver los comandos.');
  });

  it('explains the SLA of a ticket (sla <number>)', async () => {
    const ticket = await h.openTicket();
    h.clock.advanceMinutes(45);
    const [reply] = await turn(h, message(`sla ${ticket.number}`, { aadObjectId: 'aad-l2' }));
    const text = cardText(cardOf(reply));
    expect(text).toMatch(new RegExp(`SLA of ${ticket.number}`));
    expect(text).toMatch(/Business time counted: 45 min of 4 h/);
    expect(text).toMatch(/: opened \(High, Technical \(regular\), budget 360 min\)/);
  });

  it('offers the phone-call form (new / nuevo) with the clients', async () => {
    const [reply] = await turn(h, message('nuevo', { aadObjectId: 'aad-l1', locale: 'es-MX' }));
    const card = cardOf(reply);
    expect(cardText(card)).toMatch(/Registrar una llamada crítica/);
    expect(JSON.stringify(card)).toContain('"title":"ACME","value":"acme"');
    expect(verbsOf(card)).toEqual(['phone.log']);
  });

  it('reports billed hours of a client month (hours <client> [YYYY-MM])', async () => {
    const ticket = await h.openTicket();
    await h.services.tickets.logSession(
      { role: 'L2', id: 'staff-l2' },
      { ticketId: ticket.id, expectedVersion: ticket.version },
      60,
      2,
    );
    const [reply] = await turn(h, message('hours acme 2026-03', { aadObjectId: 'aad-manager', locale: 'en-US' }));
    const text = cardText(cardOf(reply));
    expect(text).toMatch(/Hours of ACME in 2026-03/);
    expect(text).toMatch(/Sessions: 1 entries · 2 h/);
    const [unknown] = await turn(h, message('horas Globex', { aadObjectId: 'aad-manager', locale: 'es-MX' }));
    expect(unknown.text).toBe('No se encontró el cliente "Globex".');
  });
});
