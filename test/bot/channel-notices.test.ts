import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MailIntakeService } from '../../shared/application/intake/mail-intake-service';
import { FileAttachmentStore } from '../../shared/infra/mail/attachment-store';
import { parseMime } from '../../shared/infra/mail/mime-parser';
import { BotConnector } from '../support/connector/bot-connector';
import { eml } from '../mail/intake-harness';
import { installed } from './activities';
import { BotHarness } from './bot-harness';

const L2 = { role: 'L2' as const, id: 'staff-l2', name: 'Lena L2' };
const MANAGERS = {
  aadObjectId: 'aad-manager',
  locale: 'en-US',
  conversationType: 'channel' as const,
  conversationId: '19:managers@thread.tacv2',
};

/** The managers' channel notices name clients and say what really happened (bot over HTTP, the connector stand-in). */
describe("managers' channel notices", () => {
  jest.setTimeout(30_000);
  let h: BotHarness;
  let connector: BotConnector;
  beforeEach(async () => {
    h = await BotHarness.start();
    connector = await BotConnector.start();
    expect((await h.post(installed({ ...MANAGERS, serviceUrl: connector.serviceUrl }))).status).toBe(200);
    await connector.waitFor((c) => c.conversationId === MANAGERS.conversationId);
  });
  afterEach(async () => {
    await h.close();
    await connector.close();
  });

  const channelTexts = () =>
    connector.calls.filter((c) => c.conversationId === MANAGERS.conversationId).map((c) => String(c.activity.text ?? ''));

  it('a budget alert states the real consumption and the client by name', async () => {
    let ticket = await h.openTicket();
    ticket = await h.services.tickets.changeIncidentType(
      L2,
      { ticketId: ticket.id, expectedVersion: ticket.version },
      'technical-urgent',
    );
    ticket = await h.services.tickets.logWork(
      L2,
      { ticketId: ticket.id, expectedVersion: ticket.version },
      315,
      'migración de buzones',
    );
    await h.monitor().sweep();
    const notice = await connector.waitFor(
      (c) => c.conversationId === MANAGERS.conversationId && String(c.activity.text ?? '').includes('budget'),
    );
    expect(notice.activity.text).toBe(`${ticket.number} (ACME): 315 of 240 min of its budget used, 131%.`);
  });

  it('an unknown sender: the notice says which address wrote and that no client matched; the reply promises no account manager', async () => {
    const intake = new MailIntakeService({
      tickets: h.services.tickets,
      store: h.store,
      clientMailer: h.services.clientMail,
      notifier: h.runtime.notifier,
      clock: h.clock,
      ids: { newId: () => 'w1' },
      ownAddresses: ['soporte@partner.example'],
    });
    const attachments = new FileAttachmentStore(join(tmpdir(), 'soporte-notices-unused')); // these messages carry none
    const receive = async (from: string, id: string, subject: string) => {
      const raw = Buffer.from(eml({ from, subject, id, date: 'Mon, 2 Mar 2026 15:55:00 +0000' }).replace(/\n/g, '\r\n'));
      const mail = await parseMime(raw, { originalRef: id, receivedAt: h.clock.now(), attachments });
      return intake.handle(mail, { quarantineRef: `/data/mail/quarantine/${id.slice(1, -1)}.eml` });
    };

    await receive('Zoe <zoe@nowhere.example>', '<z1@nowhere.example>', 'Cotización');
    await connector.waitFor(
      (c) => c.conversationId === MANAGERS.conversationId && String(c.activity.text ?? '').includes('zoe@nowhere.example'),
    );
    expect(channelTexts().find((x) => x.includes('zoe@'))).toBe(
      'zoe@nowhere.example wrote "Cotización" and matched no client (neither a requester nor a client domain): no ticket was opened. The message is kept in quarantine; to take it up, add them as a requester and run: soporte mail release z1@nowhere.example.eml',
    );
    const reply = h.mailer.sent.find((m) => m.to.includes('zoe@nowhere.example'));
    expect(reply?.text).toContain('Su mensaje se conservó: una vez que usted esté autorizado');
    expect(reply?.text).not.toMatch(/gerente de cuenta|notificado|account manager/);

    await receive('Pedro <pedro@acme.example>', '<p1@acme.example>', 'No puedo entrar');
    await connector.waitFor(
      (c) => c.conversationId === MANAGERS.conversationId && String(c.activity.text ?? '').includes('pedro@acme.example'),
    );
    expect(channelTexts().find((x) => x.includes('pedro@'))).toMatch(
      /^pedro@acme\.example wrote "No puedo entrar" but is not an authorized requester of ACME: no ticket was opened\./,
    );
    expect(h.mailer.sent.find((m) => m.to.includes('pedro@acme.example'))?.text).toContain(
      'el equipo que atiende el soporte de su empresa ya fue notificado',
    );
  });
});
