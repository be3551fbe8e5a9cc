import type { MailIntakeService } from '../../shared/application/intake/mail-intake-service';
import { parseMime } from '../../shared/infra/mail/mime-parser';
import { FileAttachmentStore } from '../../shared/infra/mail/attachment-store';
import { actionData, cardAction, cardText, message, verbsOf } from './activities';
import { BotHarness } from './bot-harness';
import { eml } from '../mail/intake-harness';

const L1 = { aadObjectId: 'aad-l1', locale: 'es-MX' };

/**
 * L1's triage morning through the real surfaces: an email parsed by the real MIME parser reaches mail
 * intake; the bot is driven over HTTP (/api/messages on 127.0.0.1) with the real CloudAdapter.
 */
describe("a consultant's morning: intake suggests, L1 applies from the queue", () => {
  let h: BotHarness;
  let intake: MailIntakeService;
  let n = 0;
  beforeEach(async () => {
    h = await BotHarness.start();
    intake = h.mailIntake({ newId: () => `mail-${++n}` });
  });
  afterEach(async () => {
    await h.close();
  });

  const receive = async (raw: string) => {
    const mail = await parseMime(Buffer.from(raw.replace(/\r?\n/g, '\r\n')), {
      originalRef: 'test.eml',
      receivedAt: h.clock.now(),
      attachments: new FileAttachmentStore(`${h.dir}/mail/attachments`),
    });
    return intake.handle(mail, { quarantineRef: 'quarantine/test.eml' });
  };

  it('an urgent email lands at the policy default with a suggestion; one click in the queue applies it and emails the client', async () => {
    const outcome = await receive(
      eml({
        from: 'Ana <ana@acme.example>',
        subject: 'URGENTE: nadie puede entrar a Outlook',
        id: '<urgent@acme.example>',
        headers: { Importance: 'high' },
        body: 'Buenos días, desde las 9 nadie puede abrir el correo.',
      }),
    );
    expect(outcome.reason).toMatch(
      /medium, technical-regular: policy defaults for L1 triage; critical suggested for L1 to apply/,
    );
    let ticket = (await h.store.tickets.getByNumber('SUP-2026-0001'))!;
    // Never raised silently: the client did not choose it through the add-in.
    expect(ticket.priority).toBe('medium');
    expect(ticket.prioritySuggestion?.priority).toBe('critical');

    const { status, body } = await h.post({ ...message('cola', L1), deliveryMode: 'expectReplies' });
    expect(status).toBe(200);
    const queue = body.activities?.[0].attachments?.[0].content;
    expect(cardText(queue)).toMatch(
      /sugerida Crítica \(encabezado Importance: high; «nadie puede» en el asunto; «nadie puede» en las primeras líneas\)/,
    );
    const apply = actionData(queue, 'ticket.applySuggestedPriority');
    expect(apply).toMatchObject({ ticketId: ticket.id, version: ticket.version, view: 'queue' });

    const clicked = await h.post(cardAction('ticket.applySuggestedPriority', apply, L1));
    expect(clicked.status).toBe(200);
    const answer = (clicked.body as { value?: unknown }).value;
    expect(cardText(answer)).toMatch(/Cola: 1 nuevos o sin asignar/);
    expect(verbsOf(answer)).not.toContain('ticket.applySuggestedPriority');
    ticket = (await h.store.tickets.get(ticket.id))!;
    expect(ticket.priority).toBe('critical');
    expect(ticket.prioritySuggestion).toBeUndefined();

    const mail = h.mailer.sent.find((m) => m.kind === 'triage');
    expect(mail).toMatchObject({ to: ['ana@acme.example'], locale: 'es-MX', inReplyTo: expect.any(String) });
    expect(mail?.text).toMatch(/clasificamos con prioridad Crítica/);
    expect(mail?.text).toMatch(/Primera respuesta a más tardar: /);
    expect(mail?.text).toMatch(/Solución estimada para: /);
    const history = await h.store.tickets.events(ticket.id);
    expect(history.find((e) => e.type === 'priority-changed')).toMatchObject({
      actor: { id: 'staff-l1' },
      data: {
        from: 'medium',
        to: 'critical',
        reason:
          'prioridad sugerida aplicada (encabezado Importance: high; «nadie puede» en el asunto; «nadie puede» en las primeras líneas)',
      },
    });
  });

  it("the add-in's explicit priority is the client's choice: applied as is, nothing suggested", async () => {
    await receive(
      eml({
        from: 'ana@acme.example',
        subject: 'Urgente: dudas de licencias',
        id: '<addin@acme.example>',
        headers: { 'X-Soporte-Priority': 'low' },
        body: 'No es nada grave.',
      }),
    );
    const ticket = (await h.store.tickets.getByNumber('SUP-2026-0001'))!;
    expect(ticket.priority).toBe('low');
    expect(ticket.prioritySuggestion).toBeUndefined();
  });
});
