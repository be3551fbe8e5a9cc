import { recordTicketAttachments } from '../../shared/application/ticket-attachments';
import { adaptiveCardProblems } from '../support/adaptive-cards/validate-card';
import { actionData, cardAction, cardText, message } from './activities';
import { BotHarness, INTAKE } from './bot-harness';

const L2 = { aadObjectId: 'aad-l2', locale: 'en-US' };
const LENA = { role: 'L2' as const, id: 'staff-l2', name: 'Lena L2' };

/** What the ticket card shows a consultant, through the bot over HTTP (restify, CloudAdapter in local mode). */
describe('the ticket card: requester, description, attachments, latest client message, Microsoft case', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(async () => h.close());

  async function cardFor(number: string): Promise<Record<string, unknown>> {
    const { body } = await h.post({ ...message(`ticket ${number}`, L2), deliveryMode: 'expectReplies' });
    const card = body.activities?.[0]?.attachments?.[0]?.content;
    if (!card) throw new Error(`no card in ${JSON.stringify(body)}`);
    return card as Record<string, unknown>;
  }

  it('shows who asked, what they wrote first, their files and their latest message', async () => {
    let ticket = await h.openTicket({
      description:
        'Desde esta mañana el buzón de finanzas no recibe correo.\n\nYa reiniciamos Outlook.\nProbamos en la web: igual.\nEl error dice 0x8004010F.\nGracias.',
    });
    await recordTicketAttachments(h.store.state, ticket.id, '<m1@acme.example>', [
      { filename: 'captura.png', contentType: 'image/png', sizeBytes: 120 * 1024, storedRef: 'a/1', inline: false },
    ]);
    ticket = await h.services.tickets.recordClientReply(
      INTAKE,
      { ticketId: ticket.id, expectedVersion: ticket.version },
      '<r1@acme.example>',
      'Ahora tampoco llega el correo de nómina.\nEs urgente.',
    );

    const card = await cardFor(ticket.number);
    expect(adaptiveCardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Requester: Ana (ana@acme.example)');
    expect(text).toContain(
      'Desde esta mañana el buzón de finanzas no recibe correo.\nYa reiniciamos Outlook.\nProbamos en la web: igual.…',
    );
    expect(text).toContain('Attachments: captura.png (120 KB)');
    expect(text).toContain('Latest client message, Mon 2 Mar, 10:00\nAhora tampoco llega el correo de nómina.\nEs urgente.');
  });

  it('at L4 offers to record the Microsoft case number, then to change it', async () => {
    let ticket = await h.openTicket();
    ticket = await h.services.tickets.acknowledge(LENA, { ticketId: ticket.id, expectedVersion: ticket.version }); // L4 takes an open ticket
    ticket = await h.services.tickets.escalate(
      LENA,
      { ticketId: ticket.id, expectedVersion: ticket.version },
      'L4',
      'Exchange Online back end',
    );
    const card = await cardFor(ticket.number);
    expect(JSON.stringify(card)).toContain('Record Microsoft case');
    expect(adaptiveCardProblems(card)).toEqual([]);
    const { body } = await h.post(
      cardAction('l4.recordCase', { ...actionData(card, 'l4.recordCase'), caseNumber: '2603020040001234' }, L2),
    );
    expect(cardText(body.value)).toContain('Microsoft case: 2603020040001234');
    expect(JSON.stringify(body.value)).toContain('Change Microsoft case');
    expect((await h.store.tickets.get(ticket.id))?.microsoftCaseNumber).toBe('2603020040001234');

    const below = await h.openTicket({ subject: 'Another' });
    expect(JSON.stringify(await cardFor(below.number))).not.toContain('l4.recordCase');
  });

  it('`sla <number>` names the zone in words and the policy by name and version', async () => {
    const ticket = await h.openTicket();
    const { body } = await h.post({ ...message(`sla ${ticket.number}`, L2), deliveryMode: 'expectReplies' });
    const text = cardText(body.activities?.[0]?.attachments?.[0]?.content);
    expect(text).toMatch(/At Mon 2 Mar, 10:00 \(Mexico City time\), policy default \(p-[0-9a-f]{16}\)/);
    expect(text).not.toContain('America/Mexico_City');
  });
});
