import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MailIntakeService } from '../../shared/application/intake/mail-intake-service';
import type { Ticket } from '../../shared/domain/ticket';
import { parseMime } from '../../shared/infra/mail/mime-parser';
import { FileAttachmentStore } from '../../shared/infra/mail/attachment-store';
import { eml } from '../mail/intake-harness';
import { BotConnector } from '../support/connector/bot-connector';
import { actionData, cardAction, cardText, installed, verbsOf } from './activities';
import { BotHarness } from './bot-harness';

/** A client's reply reaching the real intake, notified through the real TeamsNotifier to the in-process connector. */
describe('client replies in Teams (bot over HTTP, TeamsNotifier, in-process connector)', () => {
  let h: BotHarness;
  let connector: BotConnector;
  let intake: MailIntakeService;
  let files: string;
  const personal = { aadObjectId: 'aad-l2', locale: 'en-US', conversationId: 'a:personal-l2', serviceUrl: '' };
  const channel = {
    aadObjectId: 'aad-manager',
    locale: 'es-MX',
    conversationType: 'channel' as const,
    conversationId: '19:managers@thread.tacv2',
    serviceUrl: '',
  };

  beforeEach(async () => {
    files = mkdtempSync(join(tmpdir(), 'soporte-reply-files-'));
    h = await BotHarness.start();
    connector = await BotConnector.start();
    personal.serviceUrl = connector.serviceUrl;
    channel.serviceUrl = connector.serviceUrl;
    intake = h.mailIntake({ newId: () => `id-${Math.random()}` });
    await h.post(installed(personal));
    await h.post(installed(channel));
  });
  afterEach(async () => {
    await h.close();
    await connector.close();
    rmSync(files, { recursive: true, force: true });
  });

  async function reply(ticket: Ticket, id: string, body: string) {
    const raw = eml({ from: 'Ana <ana@acme.example>', subject: `RE: [${ticket.number}] ${ticket.subject}`, id, body }).replace(
      /\r?\n/g,
      '\r\n',
    );
    const mail = await parseMime(Buffer.from(raw), {
      originalRef: 'reply.eml',
      receivedAt: h.clock.now(),
      attachments: new FileAttachmentStore(files),
    });
    return intake.handle(mail, { quarantineRef: 'quarantine/reply.eml' });
  }

  async function resolvedFor(assigneeId?: string): Promise<Ticket> {
    let ticket = await h.openTicket({ subject: 'Shared mailbox does not sync' });
    const ref = () => ({ ticketId: ticket.id, expectedVersion: ticket.version });
    if (assigneeId) ticket = await h.services.tickets.assign({ role: 'manager', id: 'staff-manager' }, ref(), assigneeId);
    ticket = await h.services.tickets.acknowledge({ role: 'L2', id: 'staff-l2' }, ref());
    return h.services.tickets.resolve({ role: 'L2', id: 'staff-l2' }, ref(), 'Permissions restored.');
  }

  it('an unclear reply on a resolved ticket reaches the assignee with its text and two buttons; "the client confirmed: close" closes it, pointing at the message', async () => {
    const ticket = await resolvedFor('staff-l2');
    const outcome = await reply(ticket, '<half@acme.example>', 'Ya funciona, pero a medias.\n\nEnviado desde mi iPhone');
    expect(outcome.action).toBe('client-replied');
    const post = await connector.waitFor(
      (c) => c.conversationId === personal.conversationId && JSON.stringify(c.activity).includes('replied on'),
    );
    expect(post.activity.text).toBe(
      `Ana <ana@acme.example> replied on ${ticket.number} (${ticket.subject}): Ya funciona, pero a medias.`,
    );
    const [replyCard, ticketCard] = (post.activity.attachments as Array<{ content: unknown }>).map((a) => a.content);
    expect(cardText(replyCard)).toMatch(/Ya funciona, pero a medias\.[\s\S]*Read as: Neither a clear yes nor a clear no/);
    expect(cardText(replyCard)).not.toMatch(/iPhone/);
    expect(verbsOf(replyCard)).toEqual(['ticket.confirmForClient', 'ticket.reopenForClient']);
    expect(cardText(ticketCard)).toMatch(new RegExp(ticket.number));

    const data = actionData(replyCard, 'ticket.confirmForClient');
    expect(data).toMatchObject({
      view: 'reply',
      reply: { messageId: '<half@acme.example>', excerpt: 'Ya funciona, pero a medias.', fromEmail: 'ana@acme.example' },
    });
    const { body } = await h.post(cardAction('ticket.confirmForClient', data, personal));
    expect(cardText(body.value)).toMatch(/Status: Closed/);
    const events = await h.store.tickets.events(ticket.id);
    expect(events.find((e) => e.type === 'resolution-validated')).toMatchObject({
      actor: { id: 'staff-l2' },
      channel: 'teams',
      data: { clientMessageId: '<half@acme.example>', onBehalfOf: 'ana@acme.example' },
    });
    expect(h.mailer.sent.map((m) => m.kind)).toContain('closure');
  });

  it('a decision on a stale card shows the reply again on the current version, buttons kept', async () => {
    const ticket = await resolvedFor('staff-l2');
    await reply(ticket, '<half@acme.example>', 'Ya funciona, pero a medias.');
    const post = await connector.waitFor(
      (c) => c.conversationId === personal.conversationId && JSON.stringify(c.activity).includes('replied on'),
    );
    const replyCard = (post.activity.attachments as Array<{ content: unknown }>)[0].content;
    const current = (await h.store.tickets.get(ticket.id)) as Ticket;
    await h.services.tickets.addNote(
      { role: 'L1', id: 'staff-l1' },
      { ticketId: ticket.id, expectedVersion: current.version },
      'Called her back.',
      true,
    );
    const { body } = await h.post(
      cardAction('ticket.confirmForClient', actionData(replyCard, 'ticket.confirmForClient'), personal),
    );
    expect(cardText(body.value)).toMatch(/changed by someone else[\s\S]*Ya funciona, pero a medias\./);
    expect(verbsOf(body.value)).toEqual(['ticket.confirmForClient', 'ticket.reopenForClient']);
    const again = await h.post(
      cardAction('ticket.confirmForClient', actionData(body.value, 'ticket.confirmForClient'), personal),
    );
    expect(cardText(again.body.value)).toMatch(/Status: Closed/);
  });

  it('"not solved: reopen" reopens the ticket and emails the client the new due time', async () => {
    const ticket = await resolvedFor('staff-l2');
    await reply(ticket, '<hmm@acme.example>', 'Mmm, déjeme ver con el equipo.');
    const post = await connector.waitFor(
      (c) => c.conversationId === personal.conversationId && JSON.stringify(c.activity).includes('replied on'),
    );
    const replyCard = (post.activity.attachments as Array<{ content: unknown }>)[0].content;
    const { body } = await h.post(
      cardAction('ticket.reopenForClient', actionData(replyCard, 'ticket.reopenForClient'), personal),
    );
    expect(cardText(body.value)).toMatch(/Status: Open/);
    const reopened = h.mailer.sent.find((m) => m.kind === 'reopened');
    expect(reopened).toMatchObject({ to: ['ana@acme.example'], locale: 'es-MX' });
    expect(reopened?.text).toContain('está abierto de nuevo');
  });

  it("an unassigned ticket's reply goes to the managers' channel, in the channel's language; a clear yes has no buttons", async () => {
    const ticket = await resolvedFor();
    await reply(ticket, '<ok@acme.example>', 'Todo bien, gracias.\n\nSaludos,\nAna');
    const post = await connector.waitFor(
      (c) => c.conversationId === channel.conversationId && JSON.stringify(c.activity).includes('respondió en'),
    );
    const replyCard = (post.activity.attachments as Array<{ content: unknown }>)[0].content;
    expect(cardText(replyCard)).toMatch(/Se leyó como: El cliente confirmó la solución: ticket cerrado/);
    expect(verbsOf(replyCard)).toEqual([]);
    expect((await h.store.tickets.get(ticket.id))?.status).toBe('closed');
  });
});
