import { BotConnector } from '../support/connector/bot-connector';
import { cardAction, cardText, installed, message, messageExtension } from './activities';
import { BotHarness } from './bot-harness';

/** One language per person, over HTTP with the real CloudAdapter (local mode). */
describe('one language per person in Teams', () => {
  let h: BotHarness;
  let connector: BotConnector;
  beforeEach(async () => {
    h = await BotHarness.start();
    connector = await BotConnector.start();
  });
  afterEach(async () => {
    await h.close();
    await connector.close();
  });

  const say = async (text: string, locale: string) => {
    const { body } = await h.post({
      ...message(text, { aadObjectId: 'aad-l2', locale, conversationId: 'a:personal-l2', serviceUrl: connector.serviceUrl }),
      deliveryMode: 'expectReplies',
    });
    return body.activities?.[0];
  };

  it("follows the Teams client's language and remembers it on the staff record for proactive messages", async () => {
    expect((await h.store.directory.getStaff('staff-l2'))?.locale).toBe('en');
    const reply = await say('cola', 'es-MX');
    expect(cardText(reply?.attachments?.[0].content)).toMatch(/Cola/);
    expect(await h.store.directory.getStaff('staff-l2')).toMatchObject({ locale: 'es-MX' });

    // A proactive message (an assignment) uses the remembered language.
    await h.post(
      installed({ aadObjectId: 'aad-l2', locale: 'es-MX', conversationId: 'a:personal-l2', serviceUrl: connector.serviceUrl }),
    );
    const ticket = await h.openTicket();
    await h.services.tickets.assign(
      { role: 'manager', id: 'staff-manager' },
      { ticketId: ticket.id, expectedVersion: ticket.version },
      'staff-l2',
    );
    const notice = await connector.waitFor(
      (c) => c.conversationId === 'a:personal-l2' && String(c.activity.text ?? '').includes(ticket.number),
    );
    expect(notice.activity.text).toBe(`Se te asignó ${ticket.number}: ${ticket.subject}`);
    expect(cardText((notice.activity.attachments as Array<{ content: unknown }>)[0].content)).toMatch(/Prioridad: Alta/);
  });

  it('"language en" is kept whatever the Teams client says, until "idioma auto"', async () => {
    expect((await say('language en', 'es-MX'))?.text).toBe('From now on I will write to you in English.');
    expect(await h.store.directory.getStaff('staff-l2')).toMatchObject({ locale: 'en', localeChosen: true });
    expect((await say('idioma', 'es-MX'))?.text).toMatch(/^I write to you in English, as you chose/);
    expect((await say('sla 1', 'es-MX'))?.text).toMatch(/SUP-2026-0001/);
    expect((await say('idioma es', 'en-US'))?.text).toBe('A partir de ahora te escribiré en español.');
    expect((await say('language auto', 'en-US'))?.text).toBe('A partir de ahora te escribiré en el idioma de tu Teams.');
    expect((await say('language', 'en-US'))?.text).toMatch(/^I write to you in English, the language of your Teams client/);
    expect((await say('idioma klingon', 'en-US'))?.text).toMatch(/language en\|es\|auto/);
  });

  it('a ticket created from Teams by an English-speaking consultant for an es-MX requester is acknowledged in Spanish', async () => {
    const data = {
      clientId: 'acme',
      requesterEmail: 'ana@acme.example',
      subject: 'Mailbox sync broken',
      description: 'Finance cannot receive mail.',
      priority: 'high',
      sourceMessageId: '1772467200000',
    };
    const { body } = await h.post(
      messageExtension(
        'composeExtension/submitAction',
        { commandId: 'createTicketFromMessage', data },
        { aadObjectId: 'aad-l2', locale: 'en-US' },
      ),
    );
    expect(JSON.stringify(body)).toContain('Ticket SUP-2026-0001 opened.');
    const ack = h.mailer.sent.find((m) => m.kind === 'acknowledgement');
    expect(ack).toMatchObject({ to: ['ana@acme.example'], locale: 'es-MX' });
    expect(ack?.subject).toBe('[SUP-2026-0001] Recibido: Mailbox sync broken');
    expect((await h.store.tickets.getByNumber('SUP-2026-0001'))?.locale).toBe('es-MX');

    // The phone form too.
    await h.post(
      cardAction(
        'phone.log',
        {
          clientId: 'acme',
          requesterEmail: 'ana@acme.example',
          subject: 'Server room power cut',
          description: 'Called at 10:00',
          priority: 'critical',
        },
        { aadObjectId: 'aad-l2', locale: 'en-US' },
      ),
    );
    const phoneAck = h.mailer.sent.filter((m) => m.kind === 'acknowledgement')[1];
    expect(phoneAck).toMatchObject({ locale: 'es-MX' });
    expect(phoneAck.text).toContain('Hola, Ana:');
  });
});
